import Foundation
import GraywatchScan
import GraywatchSampleSite
import GraywatchTestSupport
import Hummingbird
import Testing

/// Pages that fail (404, timeout, not HTML, empty, no title) are reported with URL and reason; the scan goes on.
@Suite struct FailingPagesTests {
    static func router() -> Router<BasicRequestContext> {
        let router = SampleSite.router(root: TestPaths.marketplace)
        let links = ["/itm/slow/1", "/itm/binary/2", "/itm/empty/3", "/itm/notitle/4", "/itm/310000000099",
                     "/itm/310000000001"]
        let search = """
            <html><body><ul class="srp-results">\(links.map {
                "<li class='s-item'><a class='s-item__link' href='\($0)?hash=x'>x</a></li>"
            }.joined())</ul></body></html>
            """
        router.get("/sch/broken.html") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: search)))
        }
        router.get("/itm/slow/1") { _, _ -> Response in
            try await Task.sleep(nanoseconds: 4_000_000_000)
            return Response(status: .ok)
        }
        router.get("/itm/binary/2") { _, _ in
            Response(status: .ok, headers: [.contentType: "image/png"],
                     body: .init(byteBuffer: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0])))
        }
        router.get("/itm/empty/3") { _, _ in Response(status: .ok, headers: [.contentType: "text/html"]) }
        router.get("/itm/notitle/4") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"],
                     body: .init(byteBuffer: ByteBuffer(string: "<html><body><p>This listing has ended.</p></body></html>")))
        }
        return router
    }

    @Test func eachFailureNamesItsPageAndReasonAndTheScanGoesOn() async throws {
        let store = try SampleMarketplaceScanTests.makeStore()
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let scanner = try SampleMarketplaceScanTests.scanner(store: store, start: [base + "/sch/broken.html"], timeout: 1)
            let report = await scanner.run()
            let byURL = Dictionary(uniqueKeysWithValues: report.failures.map { ($0.url, $0) })
            #expect(report.failures.count == 5)
            #expect(byURL[base + "/itm/slow/1"]?.stage == "fetch")
            #expect(byURL[base + "/itm/slow/1"]?.reason.contains("timed out") == true)
            #expect(byURL[base + "/itm/binary/2"]?.reason == "not an HTML page (Content-Type image/png)")
            #expect(byURL[base + "/itm/empty/3"]?.reason.contains("empty page") == true)
            #expect(byURL[base + "/itm/notitle/4"]?.stage == "extract")
            #expect(byURL[base + "/itm/notitle/4"]?.reason.contains("item page without a title") == true)
            #expect(byURL[base + "/itm/310000000099"]?.reason == "HTTP status 404")
            // The good page after all the bad ones was still scanned and stored.
            #expect(report.itemPages == 1)
            #expect(try store.listingCount() == 1)
        }
    }
}
