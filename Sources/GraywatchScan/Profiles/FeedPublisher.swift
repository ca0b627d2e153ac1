import Crypto
import Foundation
import GraywatchCore
import GraywatchFeeds
import GraywatchSchedule
import GraywatchStore
import Logging

/// Puts a profile run's events in the webhook outbox: new items at or above the notify score, status changes of
/// the profile's marketplaces since the feed's cursor, and the run's summary. Event ids are derived from what they
/// describe, so a resumed run queues nothing twice.
struct FeedPublisher {
    let profile: ScanProfile
    let store: Store
    let logger: Logger
    let notifyScore: Int

    func enqueue(_ report: ProfileRunReport, duration: TimeInterval) {
        guard let webhook = profile.webhook else { return }
        let events = Set(webhook.events)
        var queued: [WebhookEvent] = []
        if events.contains(.newItem) {
            for item in (try? store.itemsOpened(run: report.run)) ?? [] where item.score >= notifyScore {
                let data = WebhookEvent.NewItem(
                    reviewItemID: item.id,
                    listing: .init(marketplace: item.marketplace, listingID: item.listingID, url: item.url, title: item.title),
                    score: item.score, categories: item.categories.compactMap(GraywatchCore.Category.init(rawValue:)),
                    profile: profile.name)
                queued.append(.newItem(data, at: Date(), id: Self.eventID("\(profile.name):new_item:\(item.id)")))
            }
        }
        let cursor = ((try? store.feedCursor(profile: profile.name)) ?? nil) ?? 0
        let changes = (try? store.statusChanges(after: cursor, marketplaces: profile.marketplaces.map(\.name))) ?? []
        for change in changes {
            guard let from = change.entry.from.flatMap(ReviewStatus.init(rawValue:)),
                  let to = change.entry.to.flatMap(ReviewStatus.init(rawValue:)) else { continue }
            guard events.contains(.statusChange) || (events.contains(.stillLive) && to == .stillLive) else { continue }
            let at = ISO8601DateFormatter.storeTimestamps.date(from: change.entry.at) ?? Date()
            let data = WebhookEvent.StatusChange(reviewItemID: change.reviewID, from: from, to: to, actor: change.entry.actor,
                                                 reason: change.entry.reason, changedAt: at)
            queued.append(.statusChange(data, id: Self.eventID("\(profile.name):status:\(change.id)")))
        }
        if events.contains(.scanFinished) {
            let counts = WebhookEvent.ScanFinished.Counts(
                new: report.changes.new.count, changed: report.changes.changed.count, gone: report.changes.gone.count,
                failed: report.scan.failures.count)
            let data = WebhookEvent.ScanFinished(profile: profile.name, runID: report.run, counts: counts,
                                                 durationSeconds: duration)
            queued.append(.scanFinished(data, at: Date(), id: Self.eventID("\(profile.name):scan:\(report.run)")))
        }
        for event in queued {
            do {
                let body = String(decoding: try event.jsonData(), as: UTF8.self)
                try store.enqueueWebhook(profile: profile.name, url: webhook.url, secretEnv: webhook.secretEnv,
                                         eventKind: event.kind.rawValue, eventID: event.idString, body: body)
            } catch {
                logger.error("profile \(profile.name): webhook event not queued: \(error)")
            }
        }
        if let last = changes.last?.id { try? store.setFeedCursor(profile: profile.name, to: last) }
    }

    /// A UUID (version 5 layout, SHA-256 based) naming `text`: the same text always gives the same id.
    static func eventID(_ text: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Data(("graywatch-event:" + text).utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}

/// The store's webhook table as the dispatcher's outbox (`dead` rows are the dead-letter).
struct StoreWebhookOutbox: WebhookOutbox {
    let store: Store

    func dueDeliveries(now: Date, limit: Int) throws -> [WebhookDelivery] {
        try store.dueWebhooks(at: now, limit: limit).map { entry in
            WebhookDelivery(id: entry.id, url: entry.url, secretName: entry.secretEnv, eventKind: entry.eventKind,
                            eventID: entry.eventID, body: Data(entry.body.utf8), attempts: entry.attempts,
                            createdAt: ISO8601DateFormatter.storeTimestamps.date(from: entry.createdAt) ?? now,
                            nextAttemptAt: ISO8601DateFormatter.storeTimestamps.date(from: entry.nextAttemptAt) ?? now)
        }
    }

    func markDelivered(_ id: Int64, status: Int, at: Date) throws {
        try store.markWebhook(id, status: "delivered", attempts: nil, httpStatus: status, at: at)
    }

    func markRetry(_ id: Int64, attempts: Int, nextAttemptAt: Date, error: String) throws {
        try store.markWebhook(id, status: "pending", attempts: attempts, error: error, next: nextAttemptAt)
    }

    func markDead(_ id: Int64, attempts: Int, error: String, at: Date) throws {
        try store.markWebhook(id, status: "dead", attempts: attempts, error: error, at: at)
    }
}
