import Foundation
import GraywatchFetch
import GraywatchSampleSite
import Hummingbird
import Testing

/// Real HTTP over 127.0.0.1 against a Hummingbird server each test starts.
@Suite struct FetcherTests {
    static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/ok") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .init("X-Test")!: "yes"],
                     body: .init(byteBuffer: ByteBuffer(string: "<html><body><h1>ok</h1></body></html>")))
        }
        router.get("/redirect") { _, _ in Response(status: .found, headers: [.location: "/ok"]) }
        router.get("/loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("/missing") { _, _ in Response(status: .notFound) }
        router.get("/slow") { _, _ -> Response in
            try await Task.sleep(nanoseconds: 3_000_000_000)
            return Response(status: .ok)
        }
        router.get("/big") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"],
                     body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "a"), count: 300_000)))
        }
        router.get("/latin1") { _, _ in
            // "Café £5" in ISO-8859-1 bytes.
            Response(status: .ok, headers: [.contentType: "text/html; charset=iso-8859-1"],
                     body: .init(byteBuffer: ByteBuffer(bytes: [0x43, 0x61, 0x66, 0xE9, 0x20, 0xA3, 0x35])))
        }
        router.get("/user-agent") { request, _ in
            Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: request.headers[.userAgent] ?? "")))
        }
        return router
    }

    @Test func fetchesStatusHeadersBodyAndTiming() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let page = try await Fetcher().fetch(base + "/ok")
            #expect(page.status == 200)
            #expect(page.finalURL == base + "/ok")
            #expect(page.header("x-test") == "yes")
            #expect(page.mediaType == "text/html")
            #expect(page.text.contains("<h1>ok</h1>"))
            #expect(page.elapsed > 0)
            #expect(page.redirectCount == 0)
        }
    }

    @Test func followsRedirectsAndReportsTheFinalURL() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let page = try await Fetcher().fetch(base + "/redirect")
            #expect(page.status == 200)
            #expect(page.finalURL == base + "/ok")
            #expect(page.redirectCount == 1)
        }
    }

    @Test func redirectLoopStopsAtTheLimit() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            await #expect(throws: FetchError.tooManyRedirects(url: base + "/loop", limit: 5)) {
                try await Fetcher().fetch(base + "/loop")
            }
        }
    }

    @Test func notFoundIsAPageNotAnError() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let page = try await Fetcher().fetch(base + "/missing")
            #expect(page.status == 404)
            #expect(!page.isSuccess)
        }
    }

    @Test func slowServerTimesOut() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let fetcher = Fetcher(options: FetchOptions(totalTimeout: 1))
            let error = try #require(await #expect(throws: FetchError.self) { try await fetcher.fetch(base + "/slow") })
            #expect(error == .timeout(url: base + "/slow", seconds: 1))
            #expect(error.description.hasPrefix(base + "/slow: timed out"))
        }
    }

    @Test func bodyLargerThanTheCapAbortsTheTransfer() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let fetcher = Fetcher(options: FetchOptions(maxBodyBytes: 100_000))
            await #expect(throws: FetchError.tooLarge(url: base + "/big", limit: 100_000)) {
                try await fetcher.fetch(base + "/big")
            }
            #expect(try await Fetcher().fetch(base + "/big").body.count == 300_000)
        }
    }

    @Test func decodesTheCharsetNamedByTheServer() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            #expect(try await Fetcher().fetch(base + "/latin1").text == "Café £5")
        }
    }

    @Test func sendsTheConfiguredUserAgent() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let page = try await Fetcher(options: FetchOptions(userAgent: "graywatch-test/9")).fetch(base + "/user-agent")
            #expect(String(decoding: page.body, as: UTF8.self) == "graywatch-test/9")
        }
    }

    @Test func refusesNonHTTPSchemes() async {
        await #expect(throws: FetchError.unsupportedScheme(url: "file:///etc/passwd")) {
            try await Fetcher().fetch("file:///etc/passwd")
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        // Take a port from a server that has stopped: nothing listens there any more.
        let base = try await LoopbackServer.run(router: Self.router()) { $0 }
        await #expect {
            try await Fetcher(options: FetchOptions(connectTimeout: 2, totalTimeout: 3)).fetch(base + "/ok")
        } throws: { error in
            guard case .transport(let url, _, _) = error as? FetchError else { return false }
            return url == base + "/ok"
        }
    }
}

@Suite struct ContentEncodingTests {
    @Test func libcurlDecodesGzipDeflateAndBrotli() {
        let encodings = Fetcher.contentEncodings
        #expect(encodings.contains("gzip"))
        #expect(encodings.contains("deflate"))
        #expect(encodings.contains("br"))
    }
}
