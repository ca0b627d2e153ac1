import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchRules
import GraywatchStore
import Logging

/// The scan: the one entry point that runs the pipeline's stages in order over a persistent frontier.
///
/// 1 plan (start URLs into the run's frontier, in the store) → 2 fetch (politely: robots.txt, per-host pace,
/// retries) → 3 parse → 4 extract (search pages feed the frontier) → 5 enrich → 7 store each page's results
/// in one transaction; once the frontier is empty, 6 score every listing of the run with market context from
/// the store, and 7 store findings and review items. A page that fails is reported with its URL and reason,
/// and the scan goes on. A run killed at any moment continues with ``resume(run:)``.
public struct ListingScanner: Sendable {
    public let configuration: ScanConfiguration
    public let enricher: Enricher
    public let rules: RuleSet
    public let store: Store
    public let logger: Logger
    /// Set when this process is one of several sharing the run: it leases URLs instead of loading them all.
    public var worker: CrawlWorker?
    /// Set for a scan profile's runs: finishing records what is new, changed and gone since its last run.
    public var profile: String?
    /// Told of each stored page and of the end of scoring (progress display, metrics); called on the crawl loop.
    public var observer: (@Sendable (ScanProgress) -> Void)?
    /// When requested, no new page starts; pages in flight are stored and the run is left open to continue.
    public var stop: StopSignal?
    let fetcher: Fetcher
    let extractor: Extractor
    let normalizer: URLNormalizer

    public init(
        configuration: ScanConfiguration, adapters: AdapterSet, enricher: Enricher, rules: RuleSet, store: Store,
        logger: Logger
    ) {
        self.configuration = configuration
        self.extractor = Extractor(adapters: adapters)
        self.enricher = enricher
        self.rules = rules
        self.store = store
        self.logger = logger
        self.fetcher = Fetcher(options: configuration.fetch)
        self.normalizer = URLNormalizer(strippedParameters: configuration.stripQueryParameters)
    }

    /// Starts a new scan run from the configuration's start URLs and crawls it to the end.
    public func run() async -> ScanReport {
        let start = configuration.startURLs.compactMap { normalizer.normalize($0) }.map { FrontierEntry(url: $0, depth: 0) }
        do {
            let json = String(decoding: try JSONEncoder().encode(configuration), as: UTF8.self)
            return await crawl(run: try store.beginRun(configurationJSON: json, start: start))
        } catch {
            var report = ScanReport()
            report.failures.append(PageFailure(url: configuration.startURLs.first ?? "", stage: "store", reason: "\(error)"))
            return report
        }
    }

    /// Continues an interrupted run where it stopped: its pending URLs are fetched, nothing done is fetched again.
    public func resume(run: Int64) async -> ScanReport {
        await crawl(run: run)
    }

    /// The configuration an unfinished run was started with.
    public static func unfinishedRun(in store: Store) throws -> (id: Int64, configuration: ScanConfiguration)? {
        guard let run = try store.unfinishedRun() else { return nil }
        return (run.id, try JSONDecoder().decode(ScanConfiguration.self, from: Data(run.configurationJSON.utf8)))
    }

    /// Hosts (scheme://host[:port]) of the start URLs: the only ones the scan fetches from.
    var scope: Set<String> {
        Set(configuration.startURLs.compactMap { normalizer.normalize($0) }.compactMap(ListingScanner.origin))
    }

    /// scheme://host[:port] of a URL.
    static func origin(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host
        else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    /// Step 6 and the rest of 7: score each listing of the run with market context; update findings and the queue.
    /// Listings elsewhere in the store that share a serial number with one of them are scored again too, so every
    /// listing of a serial clone is flagged and each names the others.
    func score(run: Int64, report: inout ScanReport) {
        do {
            report.listingRefs = try store.listingRefs(run: run)
        } catch {
            report.failures.append(PageFailure(url: "", stage: "store", reason: "\(error)"))
            return
        }
        let market = MarketContextBuilder(catalog: enricher.catalog, store: store,
                                          minimumSamples: configuration.minimumMarketSamples, cachingPrices: true)
        var queue = report.listingRefs
        var scored = Set<Int64>()
        var next = 0
        while next < queue.count {
            let ref = queue[next]
            next += 1
            guard scored.insert(ref).inserted else { continue }
            do {
                guard let listing = try store.listing(id: ref) else { continue }
                let context = try market.context(for: listing, ref: ref)
                for clone in context.serialClones {
                    if let partner = try store.listingRef(marketplace: clone.marketplace, listingID: clone.listingID),
                        !scored.contains(partner) { queue.append(partner) }
                }
                let assessment = rules.assess(listing, context: context)
                report.findings += assessment.findings.count
                for finding in assessment.findings { report.findingsByCategory[finding.category.rawValue, default: 0] += 1 }
                switch try store.save(assessment, listingRef: ref, threshold: rules.threshold,
                                      reopenPriceShare: configuration.reopenPriceShare ?? 0.2) {
                case .opened: report.opened += 1
                case .updated: report.updated += 1
                case .notQueued: break
                }
            } catch {
                let failure = PageFailure(url: "listing \(ref)", stage: "store", reason: "\(error)")
                logger.error("scoring failed: \(failure)")
                report.failures.append(failure)
            }
        }
    }
}
