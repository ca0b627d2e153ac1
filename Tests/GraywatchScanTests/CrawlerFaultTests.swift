import Foundation
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Testing

/// Each fault a hostile or struggling server can produce, against a real server on 127.0.0.1; the assertions
/// are on what was requested and when (as the server measured it) and on what was stored.
@Suite struct CrawlerFaultTests {
    struct Failure: Error {}

    @Test func retryAfterSecondsIsHonoured() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/1"])
        router.get("/itm/1") { _, _ in
            await log.count("/itm/1") == 1
                ? CrawlSite.html("busy", status: .tooManyRequests, headers: [.retryAfter: "1"])
                : CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T after 429"))
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        let times = await log.times("/itm/1")
        #expect(times.count == 2)
        #expect(times[1].timeIntervalSince(times[0]) >= 0.95)
        #expect(report.stats.retries == 1)
        #expect(report.stats.responsesByStatusClass["4xx"] == 1)
        #expect(try CrawlSite.titles(store, report) == ["Juniper EX4300-48T after 429"])
    }

    @Test func retryAfterHTTPDateIsHonoured() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/1"])
        router.get("/itm/1") { _, _ in
            guard await log.count("/itm/1") == 1 else { return CrawlSite.html(CrawlSite.itemPage(title: "after date")) }
            // Two seconds ahead, at one-second precision: at least one second of waiting.
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
            let date = formatter.string(from: Date().addingTimeInterval(2))
            return CrawlSite.html("later", status: .serviceUnavailable, headers: [.retryAfter: date])
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        let times = await log.times("/itm/1")
        #expect(times.count == 2)
        #expect(times[1].timeIntervalSince(times[0]) >= 0.95)
        #expect(report.itemPages == 1)
    }

    @Test func serverErrorsAreRetriedWithBackoffThenSucceed() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/1"])
        router.get("/itm/1") { _, _ in
            await log.count("/itm/1") < 3
                ? CrawlSite.html("oops", status: .serviceUnavailable)
                : CrawlSite.html(CrawlSite.itemPage(title: "third time lucky"))
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        let times = await log.times("/itm/1")
        #expect(times.count == 3)
        // Backoff base 0.05 s with ±50% jitter, doubling: at least 0.025 s, then at least 0.05 s.
        #expect(times[1].timeIntervalSince(times[0]) >= 0.02)
        #expect(times[2].timeIntervalSince(times[1]) >= 0.045)
        #expect(report.stats.retries == 2)
        #expect(try CrawlSite.titles(store, report) == ["third time lucky"])
    }

    @Test func persistentServerErrorsStopAtMaxAttempts() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/1"])
        router.get("/itm/1") { _, _ in CrawlSite.html("down", status: .internalServerError) }
        let report = try await LoopbackServer.run(router: router) { base async throws in
            let report = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
            #expect(report.failures == [PageFailure(url: base + "/itm/1", stage: "http",
                                                    reason: "HTTP status 500 (after 3 attempts)")])
            return report
        }
        #expect(await log.count("/itm/1") == 3)
        #expect(report.stats.responsesByStatusClass["5xx"] == 3)
    }

    @Test func slowDripIsAbortedByTheLowSpeedLimit() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/drip"])
        router.get("/itm/drip") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody { writer in
                for _ in 0..<40 {
                    try await writer.write(ByteBuffer(string: "<"))
                    try await Task.sleep(nanoseconds: 250_000_000)
                }
                try await writer.finish(nil)
            })
        }
        var fetch = CrawlSite.fetchOptions
        fetch.lowSpeedBytes = 100
        fetch.lowSpeedSeconds = 1
        fetch.totalTimeout = 8
        var politeness = Politeness.loopback
        politeness.maxAttempts = 1
        let report = try await LoopbackServer.run(router: router) { [politeness, fetch] base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(),
                                        politeness: politeness, fetch: fetch).run()
        }
        #expect(report.failures.count == 1)
        // Aborted by the low-speed limit (libcurl says "too slow"), not by the 8 s total timeout ("timed out").
        #expect(report.failures.first?.reason.contains("slower than 100 bytes/s") == true, "\(report.failures)")
    }

    @Test func resetMidBodyIsRetried() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/reset"])
        router.get("/itm/reset") { _, _ in
            guard await log.count("/itm/reset") == 1 else {
                return CrawlSite.html(CrawlSite.itemPage(title: "complete after a reset"))
            }
            return Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody(contentLength: 100_000) { writer in
                try await writer.write(ByteBuffer(string: String(repeating: "<p>half", count: 100)))
                throw Failure()
            })
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        #expect(await log.count("/itm/reset") == 2)
        #expect(report.stats.transferErrors == 1)
        #expect(try CrawlSite.titles(store, report) == ["complete after a reset"])
    }

    @Test func redirectLoopIsCutAtTheFirstHopBackAndNotRetried() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/loop"])
        router.get("/itm/loop") { _, _ in Response(status: .found, headers: [.location: "/itm/loop"]) }
        try await LoopbackServer.run(router: router) { base async throws in
            let report = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
            #expect(report.failures == [PageFailure(url: base + "/itm/loop", stage: "fetch",
                                                    reason: "redirect loop: back to \(base)/itm/loop")])
            #expect(report.stats.retries == 0)
        }
        #expect(await log.count("/itm/loop") == 1, "the hop back is not fetched again")
    }

    @Test func endlessRedirectChainIsCutAtTheLimit() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/chain/1"])
        router.get("/itm/chain/:n") { _, context in
            let n = try context.parameters.require("n", as: Int.self)
            return Response(status: .found, headers: [.location: "/itm/chain/\(n + 1)"])
        }
        try await LoopbackServer.run(router: router) { base async throws in
            let report = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
            #expect(report.failures == [PageFailure(url: base + "/itm/chain/1", stage: "fetch", reason: "more than 5 redirects")])
        }
        #expect(await log.times(prefix: "/itm/chain/").count == 6, "the first URL and 5 hops")
    }

    @Test func redirectsToAnotherSchemeOrHostAreRefused() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/ftp", "/itm/elsewhere", "/itm/inside"])
        router.get("/itm/ftp") { _, _ in Response(status: .movedPermanently, headers: [.location: "ftp://127.0.0.1/item"]) }
        router.get("/itm/inside") { _, _ in Response(status: .found, headers: [.location: "/itm/target"]) }
        router.get("/itm/target") { _, _ in CrawlSite.html(CrawlSite.itemPage(title: "redirected inside the scope")) }
        router.get("/itm/outside-target") { _, _ in CrawlSite.html(CrawlSite.itemPage(title: "must not be fetched")) }
        router.get("/itm/elsewhere") { request, _ in
            // Same server, other host name: out of the scan's scope.
            let port = request.head.authority?.split(separator: ":").last.map(String.init) ?? "80"
            return Response(status: .found, headers: [.location: "http://localhost:\(port)/itm/outside-target"])
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        let reasons = Dictionary(uniqueKeysWithValues: report.failures.map { (URLComponents(string: $0.url)?.path ?? "", $0.reason) })
        #expect(reasons["/itm/ftp"]?.contains("redirect to ftp://127.0.0.1/item refused") == true)
        #expect(reasons["/itm/elsewhere"]?.contains("refused") == true)
        #expect(await log.count("/itm/outside-target") == 0)
        #expect(try CrawlSite.titles(store, report) == ["redirected inside the scope"])
    }

    @Test func oversizedBodyAbortsTheTransfer() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/huge"])
        router.get("/itm/huge") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html"],
                     body: .init(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "a"), count: 3_000_000)))
        }
        var fetch = CrawlSite.fetchOptions
        fetch.maxBodyBytes = 1_000_000
        try await LoopbackServer.run(router: router) { [fetch] base async throws in
            let report = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(), fetch: fetch).run()
            #expect(report.failures == [PageFailure(url: base + "/itm/huge", stage: "fetch",
                                                    reason: "body larger than the 1000000-byte cap; transfer aborted")])
        }
        #expect(await log.count("/itm/huge") == 1, "a size-cap failure is final, not retried")
    }

    @Test(arguments: [("item.html.gz", "gzip"), ("item.html.deflate", "deflate")])
    func compressedBodiesAreDecoded(_ file: String, _ encoding: String) async throws {
        let bytes = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("encoded/\(file)"))
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/zipped"])
        router.get("/itm/zipped") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html", .contentEncoding: encoding],
                     body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        let listing = try #require(try report.listingRefs.first.flatMap { try store.listing(id: $0) })
        #expect(listing.title == "Juniper SRX300 Gateway (compressed page)")
        #expect(listing.skus == ["SRX300"])
        #expect(report.stats.bytes > bytes.count * 10, "bytes are counted decoded")
    }
}
