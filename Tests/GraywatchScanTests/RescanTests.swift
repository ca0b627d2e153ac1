import Foundation
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Testing

/// Rescans ask "has it changed?" (ETag / Last-Modified); an unchanged page costs no parse and nothing is lost.
@Suite struct RescanTests {
    @Test func unchangedPagesAreNotParsedAgainAndStillCount() async throws {
        let log = RequestLog()
        let router = Router()
        router.add(middleware: LoggingMiddleware(log: log))
        router.add(middleware: StaticFilesMiddleware(root: TestPaths.marketplace))
        let store = try CrawlSite.store()
        let (first, second) = try await LoopbackServer.run(router: router) { base async throws in
            let scanner = try CrawlSite.scanner(start: base + "/sch/juniper-networks/page-1.html", store: store)
            return (await scanner.run(), await scanner.run())
        }
        #expect(first.stats.notModified == 0)
        // Every page answered 200 the first time answers 304 the second time: all search and item pages.
        let pages = first.itemPages + first.searchPages
        #expect(pages > 100)
        #expect(second.stats.notModified == pages)
        #expect(second.stats.responsesByStatusClass["3xx"] == pages)
        #expect(second.itemPages == first.itemPages && second.searchPages == first.searchPages)
        #expect(Set(second.listingRefs) == Set(first.listingRefs), "unchanged listings still belong to the rescan")
        #expect(second.updated == first.opened)
        let conditional = await log.entries.filter { $0.ifNoneMatch != nil }
        #expect(conditional.count == pages)
        // Each item fetch, 304 included, is an observation: the evidence that the listing was still there.
        let ref = try #require(second.listingRefs.first)
        #expect(try store.observations(listingRef: ref).map(\.status) == [200, 304])
    }

    @Test func changedPageIsFetchedAndParsedAgain() async throws {
        let log = RequestLog()
        let version = Version()
        let router = CrawlSite.router(log: log, items: ["/itm/1"])
        router.get("/itm/1") { request, _ in
            let current = await version.value
            let etag = "\"v\(current)\""
            if request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
            return CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T version \(current)"), headers: [.eTag: etag])
        }
        let store = try CrawlSite.store()
        let titles = try await LoopbackServer.run(router: router) { base async throws in
            let scanner = try CrawlSite.scanner(start: base + "/sch/s.html", store: store)
            var titles: [Set<String>] = []
            titles.append(try CrawlSite.titles(store, await scanner.run()))
            titles.append(try CrawlSite.titles(store, await scanner.run()))
            await version.bump()
            titles.append(try CrawlSite.titles(store, await scanner.run()))
            return titles
        }
        #expect(titles == [["Juniper EX4300-48T version 1"], ["Juniper EX4300-48T version 1"], ["Juniper EX4300-48T version 2"]])
    }

    actor Version {
        var value = 1
        func bump() { value += 1 }
    }
}

/// Pages in legacy charsets extract correctly (fixtures in Tests/Fixtures/charsets, see manifest.csv).
@Suite struct CharsetExtractionTests {
    struct Fixture: Sendable {
        var file: String
        var contentType: String
        var title: String
    }

    static func fixtures() throws -> [Fixture] {
        let manifest = try String(contentsOf: TestPaths.fixtures.appendingPathComponent("charsets/manifest.csv"), encoding: .utf8)
        return manifest.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", maxSplits: 2).map(String.init)
            return Fixture(file: fields[0], contentType: fields[1], title: fields[2])
        }
    }

    @Test func everyCharsetExtractsTheRightTitle() async throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count == 7)
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: fixtures.map { "/itm/" + $0.file })
        for fixture in fixtures {
            let bytes = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("charsets/" + fixture.file))
            router.get("/itm/\(fixture.file)") { _, _ in
                Response(status: .ok, headers: [.contentType: fixture.contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        #expect(report.failures.isEmpty)
        let titles = try CrawlSite.titles(store, report)
        for fixture in fixtures {
            #expect(titles.contains(fixture.title), "\(fixture.file)")
        }
        let skus = try report.listingRefs.compactMap { try store.listing(id: $0)?.skus }
        #expect(skus.allSatisfy { $0 == ["EX4300-48T"] })
    }
}
