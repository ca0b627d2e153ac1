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
        router.get("/chain/:n") { _, context in
            let n = try context.parameters.require("n", as: Int.self)
            return Response(status: .found, headers: [.location: "/chain/\(n + 1)"])
        }
        router.get("/gzip-lie") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html", .contentEncoding: "gzip"],
                     body: .init(byteBuffer: ByteBuffer(string: "<html><body>not gzip at all</body></html>")))
        }
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

    @Test func endlessRedirectChainStopsAtTheLimit() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            await #expect(throws: FetchError.tooManyRedirects(url: base + "/chain/1", limit: 5)) {
                try await Fetcher().fetch(base + "/chain/1")
            }
        }
    }

    @Test func redirectLoopIsReportedAsALoopAndNotRetried() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let error = FetchError.redirectLoop(url: base + "/loop", target: base + "/loop")
            await #expect(throws: error) { try await Fetcher().fetch(base + "/loop") }
            #expect(error.reason == "redirect loop: back to \(base)/loop")
            #expect(!error.isRetryable)
        }
    }

    @Test func bodyItsContentEncodingCannotDecodeIsAPermanentTransportError() async throws {
        try await LoopbackServer.run(router: Self.router()) { base async throws in
            let url = base + "/gzip-lie"
            await #expect {
                try await Fetcher().fetch(url)
            } throws: { error in
                guard let error = error as? FetchError, case .transport(let failed, let code, _) = error else { return false }
                return failed == url && code == 61 && !error.isRetryable
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
        // A socket bound to a loopback port but not listening: the kernel refuses connections to it, and holding it
        // keeps any other test's server off that port (a port from a stopped server can be taken again meanwhile).
        let port = try ClosedPort()
        defer { port.close() }
        let url = "http://127.0.0.1:\(port.number)/ok"
        await #expect {
            try await Fetcher(options: FetchOptions(connectTimeout: 2, totalTimeout: 3)).fetch(url)
        } throws: { error in
            guard case .transport(let failed, _, _) = error as? FetchError else { return false }
            return failed == url
        }
    }
}

/// A TCP socket bound to 127.0.0.1 on a port of the kernel's choosing, never listening: connections to it are refused.
struct ClosedPort {
    let descriptor: Int32
    let number: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { Glibc.close(descriptor); throw POSIXError(.EADDRINUSE) }
        self.descriptor = descriptor
        number = UInt16(bigEndian: address.sin_port)
    }

    func close() { _ = Glibc.close(descriptor) }
}

@Suite struct ContentEncodingTests {
    @Test func libcurlDecodesGzipDeflateAndBrotli() {
        let encodings = Fetcher.contentEncodings
        #expect(encodings.contains("gzip"))
        #expect(encodings.contains("deflate"))
        #expect(encodings.contains("br"))
    }
}
