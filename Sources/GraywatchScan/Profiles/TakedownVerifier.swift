import Foundation
import GraywatchCore
import GraywatchStore
import Logging

/// What takedown verification decided, item by item.
public struct VerificationReport: Sendable, Equatable {
    public var removed: [Int64] = []
    public var stillLive: [Int64] = []
    public var reinstated: [Int64] = []
    /// Items checked whose listing is still up, but not yet for the still-live delay.
    public var pending: [Int64] = []
    /// Items whose page could not be judged this time (robots, a parked host, a 5xx), with why.
    public var undecided: [Int64: String] = [:]

    public init() {}
}

/// Step 8's check that enforcement worked: each listing under enforcement was re-fetched by the run. A 404 or
/// 410, a page that no longer shows a listing, or a listing page saying it has ended means **removed**; a listing
/// still up after `stillLiveAfter` seconds since the request means **still-live**. A removed listing seen again —
/// the same listing back, or the same seller offering the same identifiers under a new listing id — re-opens its
/// item as **reinstated**.
public struct TakedownVerifier: Sendable {
    public var store: Store
    public var logger: Logger
    public var stillLiveAfter: TimeInterval
    /// Words of an item page that mean the listing is gone (lower case), checked against the stored page.
    public var endedPhrases = [
        "this listing has ended", "this listing was ended", "listing has been removed", "listing was removed",
        "this item is no longer available", "this listing is no longer active",
    ]

    public init(store: Store, logger: Logger, stillLiveAfter: TimeInterval) {
        self.store = store
        self.logger = logger
        self.stillLiveAfter = stillLiveAfter
    }

    /// Judges every item under enforcement in `marketplaces` from run `run`'s fetches, then looks for relistings
    /// among the run's `listings`.
    public func verify(run: Int64, marketplaces: [String], listings: [Int64], normalizer: URLNormalizer,
                       now: Date) -> VerificationReport {
        var report = VerificationReport()
        let items = (try? store.enforcementItems(marketplaces: marketplaces)) ?? []
        for item in items {
            guard let url = normalizer.normalize(item.url),
                  let outcome = (try? store.frontierOutcome(run: run, url: url)) ?? nil else {
                report.undecided[item.id] = "not fetched by this run"
                continue
            }
            switch judge(outcome) {
            case .removed(let why):
                move(item.id, to: .removed, reason: why, into: &report.removed)
            case .live:
                let requested = item.requestedAt ?? now
                if item.status == .enforcementRequested, now.timeIntervalSince(requested) >= stillLiveAfter {
                    let hours = Int(now.timeIntervalSince(requested) / 3600)
                    move(item.id, to: .stillLive, reason: "still live \(hours) h after the takedown request", into: &report.stillLive)
                } else {
                    report.pending.append(item.id)
                }
            case .unknown(let why):
                report.undecided[item.id] = why
            }
        }
        for listing in listings {
            for item in (try? store.removedItemsRelisted(by: listing)) ?? [] {
                let what = (try? store.listing(id: listing)).flatMap { $0 }.map { "\($0.marketplace)/\($0.listingID)" } ?? "\(listing)"
                move(item, to: .reinstated, reason: "relisted as \(what)", into: &report.reinstated)
            }
        }
        return report
    }

    enum Judgement: Equatable { case removed(String), live, unknown(String) }

    func judge(_ outcome: FrontierOutcome) -> Judgement {
        if let status = outcome.httpStatus, status == 404 || status == 410 {
            return .removed("HTTP \(status) on rescan")
        }
        switch outcome.state {
        case .done:
            guard let ref = outcome.listingRef else { return .removed("the listing URL no longer shows a listing") }
            if let phrase = endedPhrase(listing: ref) { return .removed("the listing page says \"\(phrase)\"") }
            return .live
        case .failed: return .unknown(outcome.outcome ?? "fetch failed")
        case .robots: return .unknown("robots.txt disallows the listing URL")
        case .parked: return .unknown("the host was parked")
        case .pending: return .unknown("not fetched yet")
        }
    }

    /// The ended phrase the listing's latest stored page shows, if any. Seller-written text (title, description,
    /// item specifics) does not count: a seller could otherwise write "this listing has ended" to look removed.
    func endedPhrase(listing ref: Int64) -> String? {
        guard let last = (try? store.observations(listingRef: ref))?.last, last.status != 304,
              let body = (try? store.observationBody(last.id)) ?? nil else { return nil }
        let listing = (try? store.listing(id: ref)) ?? nil
        let sellerText = ([listing?.title ?? "", listing?.description ?? ""] + (listing?.specifics.map(\.value) ?? []))
            .joined(separator: "\n").lowercased()
        if let availability = listing?.availability?.lowercased(),
           ["discontinued", "ended"].contains(where: availability.contains) {
            return availability
        }
        let text = String(decoding: body.prefix(4 << 20), as: UTF8.self).lowercased()
        return endedPhrases.first { text.contains($0) && !sellerText.contains($0) }
    }

    private func move(_ id: Int64, to status: ReviewStatus, reason: String, into list: inout [Int64]) {
        do {
            _ = try store.setStatus(id, to: status, actor: "graywatch", reason: reason)
            list.append(id)
            logger.notice("review item \(id) → \(status.rawValue): \(LogSafe.text(reason))")
        } catch {
            logger.error("review item \(id) could not move to \(status.rawValue): \(error)")
        }
    }
}
