import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchRules
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Logging
import Testing

/// The hostile corpus (samples/hostile): every case gives a clear per-page error or a sane extraction, and the scan
/// goes on to the good page after them all. Served over real loopback HTTP as the expectations say.
@Suite struct HostileCorpusTests {
    static func scanner(store: Store, start: [String]) throws -> ListingScanner {
        var fetch = FetchOptions()
        fetch.totalTimeout = 20
        fetch.connectTimeout = 5
        let configuration = ScanConfiguration(startURLs: start, maxPages: 200, politeness: .loopback, fetch: fetch)
        var logger = Logger(label: "test.hostile")
        logger.logLevel = .critical
        return ListingScanner(
            configuration: configuration, adapters: try AdapterSet.load(directory: TestPaths.sites),
            enricher: Enricher(catalog: try Catalog.load(directory: TestPaths.catalog)),
            rules: try RuleSet.load(directory: TestPaths.rules), store: store, logger: logger)
    }

    @Test func oneScanOverTheWholeCorpusFailsEachHostilePageClearlyAndStoresTheRest() async throws {
        let cases = try HostileCorpus.cases()
        let store = try TestStores.make("hostile")
        let (report, market, shop) = try await HostileServer.run { market, shop in
            let scanner = try Self.scanner(store: store, start: [market + "/sch/hostile.html", shop + "/"])
            return (await scanner.run(), market, shop)
        }
        #expect(report.finished, "the run was not finished")
        #expect(report.searchPages == 1)
        var stored: [String: Listing] = [:]
        for ref in report.listingRefs {
            let listing = try #require(try store.listing(id: ref))
            stored[listing.url] = listing
        }
        var failures: [String: [PageFailure]] = [:]
        for failure in report.failures { failures[failure.url, default: []].append(failure) }
        for item in cases {
            let url = HostileServer.url(of: item, market: market, shop: shop)
            if let expected = item.expect.failure {
                let found = failures[url] ?? []
                #expect(found.count == 1, "\(item.id): one failure for \(url), found \(found)")
                if let failure = found.first {
                    HostileChecks.check(stage: failure.stage, reason: failure.reason, expected, id: item.id)
                }
                #expect(stored[url] == nil, "\(item.id): a failed page stored a listing")
            } else if let expected = item.expect.listing {
                #expect(failures[url] == nil, "\(item.id): failed: \(failures[url] ?? [])")
                guard let listing = stored[url] else {
                    Issue.record("\(item.id): no listing stored for \(url)")
                    continue
                }
                HostileChecks.check(listing, expected, id: item.id)
            }
        }
        // Nothing failed but the cases meant to, and every listing is one of the corpus's.
        let expectedFailures = Set(cases.filter { $0.expect.failure != nil }.map { HostileServer.url(of: $0, market: market, shop: shop) })
        #expect(Set(failures.keys) == expectedFailures)
        #expect(stored.count == cases.filter { $0.expect.listing != nil }.count)
        let good = try #require(cases.last)
        #expect(stored[HostileServer.url(of: good, market: market, shop: shop)] != nil, "the good page after the hostile ones")
    }

    /// Each case alone, at the stage it is meant for: the fetcher for fetch failures, else the page as served
    /// (decoded by its Content-Type) through parse, extract, enrich and the rules, as `graywatch check` reads it.
    @Test(arguments: try HostileCorpus.cases())
    func eachCaseOnItsOwn(_ item: HostileCase) async throws {
        let checker = PageChecker(
            adapters: try AdapterSet.load(directory: TestPaths.sites), catalog: try Catalog.load(directory: TestPaths.catalog),
            rules: try RuleSet.load(directory: TestPaths.rules), store: nil)
        if let expected = item.expect.failure, expected.stage == "fetch" {
            let reason = try await HostileServer.run { market, shop in
                do throws(FetchError) {
                    let page = try await Fetcher(options: FetchOptions()).fetch(HostileServer.url(of: item, market: market, shop: shop))
                    return "fetched \(page.body.count) bytes with status \(page.status)"
                } catch {
                    return error.reason
                }
            }
            HostileChecks.check(stage: "fetch", reason: reason, expected, id: item.id)
            return
        }
        let body = try HostileBodies.data(try #require(item.body, "\(item.id) has no body"))
        let text = TextDecoder.decode(body, contentType: item.headers?["Content-Type"])
        let url = HostileServer.url(of: item, market: "http://127.0.0.1:8080", shop: "http://\(HostileServer.shopHost):8080")
        do {
            let verdict = try checker.check(html: text, url: url)
            if let expected = item.expect.failure {
                Issue.record("\(item.id): expected a \(expected.stage) failure, got a \(verdict.pageKind) page")
                return
            }
            let listing = try #require(verdict.listing, "\(item.id): a \(verdict.pageKind) page, not an item")
            HostileChecks.check(listing, try #require(item.expect.listing), id: item.id)
        } catch let error as ParseError {
            try checkFailure(item, stage: "parse", reason: "\(error)")
        } catch let error as ExtractError {
            try checkFailure(item, stage: "extract", reason: "\(error)")
        }
    }

    private func checkFailure(_ item: HostileCase, stage: String, reason: String) throws {
        let expected = try #require(item.expect.failure, "\(item.id): expected a listing, got a \(stage) failure: \(reason)")
        HostileChecks.check(stage: stage, reason: reason, expected, id: item.id)
        // A per-page error names the page.
        #expect(reason.contains(item.path), "\(item.id): the reason does not name the page: \(reason)")
    }
}
