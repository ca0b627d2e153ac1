import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchRules
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Logging
import Testing

/// The whole pipeline over real loopback HTTP against the bundled sample marketplace, checked against
/// samples/labels.csv.
@Suite struct SampleMarketplaceScanTests {
    static func scanner(store: Store, start: [String], timeout: Double = 10) throws -> ListingScanner {
        let catalog = try Catalog.load(directory: TestPaths.catalog)
        let rules = try RuleSet.load(directory: TestPaths.rules)
        var fetch = FetchOptions()
        fetch.totalTimeout = timeout
        let configuration = ScanConfiguration(
            startURLs: start, marketplace: "tradewell", maxPages: 200, politeness: .loopback, fetch: fetch)
        var logger = Logger(label: "test.scan")
        logger.logLevel = .error
        return ListingScanner(configuration: configuration, adapters: try AdapterSet.load(directory: TestPaths.sites), enricher: Enricher(catalog: catalog), rules: rules, store: store,
                              logger: logger)
    }

    static func makeStore() throws -> Store {
        try TestStores.make("scan")
    }

    @Test func everyItemPageMatchesItsLabel() async throws {
        let labels = try Label.all()
        #expect(labels.count >= 24)
        let store = try Self.makeStore()
        let report = try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            try await Self.scanner(store: store, start: [base + "/sch/juniper-networks/page-1.html"]).run()
        }
        let searchPages = try FileManager.default.contentsOfDirectory(
            atPath: TestPaths.marketplace.appendingPathComponent("sch/juniper-networks").path).count
        #expect(report.searchPages == searchPages)
        #expect(report.itemPages == labels.count)
        #expect(report.listingRefs.count == labels.count)

        var byPath: [String: Listing] = [:]
        for ref in report.listingRefs {
            let listing = try #require(try store.listing(id: ref))
            byPath[URLComponents(string: listing.url)?.path ?? ""] = listing
        }
        let queue = try store.queue()
        let queued = Dictionary(uniqueKeysWithValues: queue.map { ("/itm/" + $0.listingID, $0) })
        for label in labels {
            let listing = try #require(byPath[label.path], "\(label.path) was not scanned")
            #expect(listing.skus == label.skus, "\(label.path) SKUs")
            #expect(listing.condition.rawValue == label.condition, "\(label.path) condition")
            #expect((queued[label.path] != nil) == label.flagged, "\(label.path) flag decision")
            if let entry = queued[label.path] {
                #expect(Set(entry.categories) == label.categories, "\(label.path) categories")
                let detail = try #require(try store.queueItem(id: entry.id))
                #expect(!detail.findings.isEmpty)
                #expect(detail.findings.allSatisfy { !$0.evidence.isEmpty }, "\(label.path) evidence")
            }
        }
    }

    @Test func scanningTwiceDuplicatesNothing() async throws {
        let store = try Self.makeStore()
        let (first, second) = try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) {
            base in
            let scanner = try Self.scanner(store: store, start: [base + "/sch/juniper-networks/page-1.html"])
            let first = await scanner.run()
            let queueAfterFirst = try store.queue().count
            let second = await scanner.run()
            #expect(try store.queue().count == queueAfterFirst)
            return (first, second)
        }
        #expect(first.opened > 0)
        #expect(second.opened == 0)
        #expect(second.updated == first.opened)
        #expect(try store.listingCount() == first.listingRefs.count)
    }

    @Test func robotsDisallowedAndDeadLinksAreReportedNotFetched() async throws {
        let store = try Self.makeStore()
        let report = try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            let report = try await Self.scanner(store: store, start: [base + "/sch/juniper-networks/page-1.html"]).run()
            #expect(report.skippedByRobots == [base + "/itm/preview/310000000098"])
            #expect(report.failures == [PageFailure(url: base + "/itm/310000000099", stage: "http", reason: "HTTP status 404")])
            return report
        }
        #expect(report.pagesFetched == report.searchPages + report.itemPages + report.failures.count)
    }
}
