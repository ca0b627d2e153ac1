import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchRules
import GraywatchStore
import Logging

/// The scan: the one entry point that runs the pipeline's stages in order over a frontier of URLs.
///
/// 1 plan (start URLs into the frontier) → 2 fetch → 3 parse → 4 extract (search pages feed the frontier)
/// → 5 enrich → 7 store the listing; once the frontier is empty, 6 score every listing seen with market
/// context from the store, and 7 store findings and review items. A page that fails is reported with its
/// URL and reason, and the scan goes on.
public struct ListingScanner: Sendable {
    public let configuration: ScanConfiguration
    public let enricher: Enricher
    public let rules: RuleSet
    public let store: Store
    public let logger: Logger
    let fetcher: Fetcher
    let extractor = Extractor()

    public init(configuration: ScanConfiguration, enricher: Enricher, rules: RuleSet, store: Store, logger: Logger) {
        self.configuration = configuration
        self.enricher = enricher
        self.rules = rules
        self.store = store
        self.logger = logger
        self.fetcher = Fetcher(options: configuration.fetch)
    }

    /// Runs the scan to the end of its frontier (or its page cap) and returns what happened.
    public func run() async -> ScanReport {
        var report = ScanReport()
        var frontier = Frontier(startURLs: configuration.startURLs)
        var robots = RobotsCache(fetcher: fetcher, logger: logger)
        var lastRequest: [String: Date] = [:]
        var listings: [Int64: Listing] = [:]

        while let url = frontier.next() {
            guard report.pagesFetched < configuration.maxPages else {
                report.hitPageCap = true
                break
            }
            guard let host = URLTools.host(url), frontier.scope.contains(host) else {
                report.skippedOutOfScope.append(url)
                continue
            }
            guard await robots.allows(url) else {
                logger.info("robots.txt disallows \(LogSafe.text(url))")
                report.skippedByRobots.append(url)
                continue
            }
            await politenessDelay(host: host, lastRequest: &lastRequest)
            report.pagesFetched += 1
            switch await process(url, frontier: &frontier, report: &report) {
            case .success(let saved?):
                listings[saved.ref] = saved.listing
                if !report.listingRefs.contains(saved.ref) { report.listingRefs.append(saved.ref) }
            case .success(nil):
                break
            case .failure(let failure):
                logger.warning("page failed: \(failure)")
                report.failures.append(failure)
            }
        }
        score(listings, report: &report)
        return report
    }

    /// Fetches, parses and extracts one page; item pages are enriched and stored.
    private func process(_ url: String, frontier: inout Frontier, report: inout ScanReport)
        async -> Result<(ref: Int64, listing: Listing)?, PageFailure>
    {
        let page: FetchedPage
        do {
            page = try await fetcher.fetch(url)
        } catch {
            return .failure(PageFailure(url: url, stage: "fetch", reason: error.reason))
        }
        guard page.isSuccess else {
            return .failure(PageFailure(url: url, stage: "http", reason: "HTTP status \(page.status)"))
        }
        if let type = page.mediaType, !type.isEmpty, !type.contains("html") {
            return .failure(PageFailure(url: url, stage: "parse", reason: "not an HTML page (Content-Type \(type))"))
        }
        let document: HTMLDocument
        do {
            document = try HTMLDocument(html: page.text, url: page.finalURL)
        } catch {
            return .failure(PageFailure(url: url, stage: "parse", reason: "\(error)"))
        }
        let marketplace = configuration.marketplace ?? URLTools.host(page.finalURL) ?? "unknown"
        let extracted: ExtractedPage
        do {
            extracted = try extractor.extract(document, url: page.finalURL, marketplace: marketplace)
        } catch {
            return .failure(PageFailure(url: url, stage: "extract", reason: "\(error)"))
        }
        switch extracted {
        case .search(let results):
            report.searchPages += 1
            results.itemLinks.forEach { frontier.add($0) }
            if let next = results.nextPage { frontier.add(next) }
            return .success(nil)
        case .item(let raw):
            report.itemPages += 1
            let listing = enricher.enrich(raw)
            do {
                let ref = try store.upsert(listing, seenAt: page.fetchedAt)
                return .success((ref, listing))
            } catch {
                return .failure(PageFailure(url: url, stage: "store", reason: "\(error)"))
            }
        case .other:
            report.otherPages += 1
            return .success(nil)
        }
    }

    /// Step 6 and the rest of 7: score each listing with market context and update findings and the queue.
    private func score(_ listings: [Int64: Listing], report: inout ScanReport) {
        for ref in report.listingRefs {
            guard let listing = listings[ref] else { continue }
            do {
                let reference = try store.marketReference(
                    for: listing, excluding: ref, minimumSamples: configuration.minimumMarketSamples)
                let assessment = rules.assess(listing, context: MarketContext(referencePrice: reference))
                switch try store.save(assessment, listingRef: ref, threshold: rules.threshold) {
                case .opened: report.opened += 1
                case .updated: report.updated += 1
                case .notQueued: break
                }
            } catch {
                let failure = PageFailure(url: listing.url, stage: "store", reason: "\(error)")
                logger.error("scoring failed: \(failure)")
                report.failures.append(failure)
            }
        }
    }

    private func politenessDelay(host: String, lastRequest: inout [String: Date]) async {
        if let last = lastRequest[host] {
            let wait = configuration.minimumDelay - Date().timeIntervalSince(last)
            if wait > 0 { try? await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
        }
        lastRequest[host] = Date()
    }
}
