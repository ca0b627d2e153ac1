import Foundation
import GraywatchFetch
import GraywatchSampleSite
import GraywatchTestSupport
import Testing

@Suite struct StaticFilesTests {
    @Test func servesPagesByPathWithAndWithoutTheHtmlSuffix() async throws {
        try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            let fetcher = Fetcher()
            let item = try await fetcher.fetch(base + "/itm/310000000001?hash=item48:g:x")
            #expect(item.status == 200)
            #expect(item.mediaType == "text/html")
            #expect(item.text.contains("itemTitle"))
            #expect(try await fetcher.fetch(base + "/robots.txt").text.contains("Disallow: /itm/preview/"))
            #expect(try await fetcher.fetch(base + "/").text.contains("/sch/juniper-networks/page-1.html"))
        }
    }

    @Test func missingFilesAnswer404() async throws {
        try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
            #expect(try await Fetcher().fetch(base + "/itm/310000000099").status == 404)
        }
    }

    @Test func pathsCannotLeaveTheFolder() async throws {
        let root = TestPaths.marketplace.appendingPathComponent("itm")
        try await LoopbackServer.run(router: SampleSite.router(root: root)) { base async throws in
            let fetcher = Fetcher()
            #expect(try await fetcher.fetch(base + "/%2E%2E/robots.txt").status == 404)
            #expect(try await fetcher.fetch(base + "/..%2Frobots.txt").status == 404)
            #expect(try await fetcher.fetch(base + "/.hidden").status == 404)
        }
    }

    @Test func locatesTheSamplesFromASubfolder() throws {
        let root = try SampleSite.locateRoot(startingAt: TestPaths.root.appendingPathComponent("Sources"))
        #expect(root.standardizedFileURL.path == TestPaths.marketplace.standardizedFileURL.path)
    }
}
