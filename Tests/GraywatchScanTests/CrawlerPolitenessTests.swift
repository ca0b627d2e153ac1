import Foundation
import GraywatchExtract
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Testing

/// The pace the crawler keeps with one host, measured by the server.
@Suite struct CrawlerPolitenessTests {
    static func items(_ count: Int) -> [String] { (1...count).map { "/itm/\($0)" } }

    static func router(log: RequestLog, robots: String = "User-agent: *\nAllow: /\n", count: Int, pause: UInt64 = 0)
        -> Router<BasicRequestContext>
    {
        let router = CrawlSite.router(log: log, robots: robots, items: items(count))
        router.get("/itm/:id") { _, context in
            await log.began("items")
            if pause > 0 { try await Task.sleep(nanoseconds: pause) }
            await log.ended("items")
            let id = context.parameters.get("id") ?? "?"
            return CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T unit \(id)"))
        }
        return router
    }

    /// Gaps between arrivals as the server measured them. The crawler spaces request *starts*; arrival adds a
    /// few milliseconds of jitter either way, so assertions allow 0.05 s below the configured delay.
    static func gaps(_ times: [Date]) -> [Double] {
        let sorted = times.sorted()
        return zip(sorted.dropFirst(), sorted).map { $0.timeIntervalSince($1) }
    }

    @Test func minimumDelayIsKeptBetweenRequestsToOneHost() async throws {
        let log = RequestLog()
        var politeness = Politeness.loopback
        politeness.minimumDelay = 0.25
        try await LoopbackServer.run(router: Self.router(log: log, count: 4)) { [politeness] base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(), politeness: politeness).run()
        }
        // The search page and four items: five page requests, each at least 0.25 s after the one before.
        let times = await log.times(prefix: "/itm/") + log.times("/sch/s.html")
        #expect(times.count == 5)
        #expect(Self.gaps(times).allSatisfy { $0 >= 0.2 }, "\(Self.gaps(times))")
    }

    @Test func crawlDelayForOurTokenRaisesTheDelay() async throws {
        let log = RequestLog()
        let robots = "User-agent: other\nCrawl-delay: 0\n\nUser-agent: graywatch\nCrawl-delay: 0.4\nAllow: /\n"
        try await LoopbackServer.run(router: Self.router(log: log, robots: robots, count: 3)) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        let times = await log.times(prefix: "/itm/") + log.times("/sch/s.html")
        #expect(times.count == 4)
        #expect(Self.gaps(times).allSatisfy { $0 >= 0.35 }, "\(Self.gaps(times))")
    }

    @Test func oneTransferPerHostByDefault() async throws {
        let log = RequestLog()
        try await LoopbackServer.run(router: Self.router(log: log, count: 6, pause: 100_000_000)) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        #expect(await log.maxInFlight["items"] == 1)
    }

    @Test func perHostConcurrencyRunsTransfersTogether() async throws {
        let log = RequestLog()
        var politeness = Politeness.loopback
        politeness.perHostConcurrency = 3
        try await LoopbackServer.run(router: Self.router(log: log, count: 6, pause: 300_000_000)) { [politeness] base async throws in
            let report = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(),
                                                     politeness: politeness).run()
            #expect(report.itemPages == 6)
        }
        #expect(await log.maxInFlight["items"] == 3, "the multi engine runs several transfers at once, never more than allowed")
    }

    @Test func hostThatKeepsFailingIsParked() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: Self.items(8))
        router.get("/itm/:id") { _, _ in CrawlSite.html("down", status: .badGateway) }
        var politeness = Politeness.loopback
        politeness.maxAttempts = 1
        politeness.parkAfterFailures = 3
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { [politeness] base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store, politeness: politeness).run()
        }
        #expect(await log.times(prefix: "/itm/").count == 3)
        #expect(report.stats.parkedHosts.count == 1)
        #expect(report.failures.filter { $0.stage == "parked" }.count == 5)
        let states = try store.frontierStates(run: report.runID)
        #expect(states.values.filter { $0 == .parked }.count == 5)
    }

    @Test func hostThatKeepsFailingIsSlowedBeforeItIsParked() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: Self.items(5))
        router.get("/itm/:id") { _, _ in CrawlSite.html("down", status: .badGateway) }
        var politeness = Politeness.loopback
        politeness.maxAttempts = 1
        politeness.backoffBase = 0.1
        try await LoopbackServer.run(router: router) { [politeness] base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(), politeness: politeness).run()
        }
        let gaps = Self.gaps(await log.times(prefix: "/itm/"))
        #expect(gaps.count == 4)
        // After three failures in a row the delay becomes max(0, 0.1) × 4 = 0.4 s.
        #expect(gaps[2] >= 0.35 && gaps[3] >= 0.35, "\(gaps)")
    }

    @Test func linksOutsideTheScopeAreNotFollowed() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/1", "http://localhost:1/itm/2", "https://elsewhere.invalid/itm/3"])
        router.get("/itm/1") { _, _ in CrawlSite.html(CrawlSite.itemPage(title: "in scope")) }
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        #expect(report.stats.outOfScope == 2)
        #expect(report.pagesFetched == 2)
        #expect(report.failures.isEmpty)
    }

    @Test func siteAdapterSlowsItsHostAndStripsItsTrackingParameters() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/1?session=a", "/itm/1?session=b", "/itm/2", "/itm/3"])
        router.get("/itm/:id") { _, context in
            CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T unit \(context.parameters.get("id") ?? "")"))
        }
        var adapters = AdapterSet()
        try adapters.add(yaml: """
            site: careful
            hosts: [127.0.0.1]
            strip_query: [session]
            politeness: {delay: 0.3}
            pages:
              - kind: search
                url: '^/sch/'
                item_links: {xpath: "//a[contains(@class,'s-item__link')]/@href"}
              - kind: item
                url: '^/itm/'
                fields:
                  title: {xpath: "//h1[@id='itemTitle']/text()", join: " "}
            """, file: "careful.yml")
        let report = try await LoopbackServer.run(router: router) { [adapters] base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(), adapters: adapters).run()
        }
        // "?session=a" and "?session=b" are one page once the adapter's tracking parameter is dropped.
        #expect(report.itemPages == 3)
        let times = await log.times(prefix: "/itm/") + log.times("/sch/s.html")
        #expect(Self.gaps(times).allSatisfy { $0 >= 0.25 }, "\(Self.gaps(times))")
    }

    @Test func userAgentNamesGraywatchAndAContact() async throws {
        let log = RequestLog()
        var fetch = CrawlSite.fetchOptions
        fetch.userAgent = FetchOptions.userAgent(contact: "mailto:brand-protection@example.com")
        try await LoopbackServer.run(router: Self.router(log: log, count: 1)) { [fetch] base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(), fetch: fetch).run()
        }
        let agents = Set(await log.entries.compactMap(\.userAgent))
        #expect(agents == ["graywatch/0.2 (+mailto:brand-protection@example.com; brand-protection scanner)"])
    }

    @Test func statisticsAreKeptWithTheRun() async throws {
        let log = RequestLog()
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: Self.router(log: log, count: 2)) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        #expect(report.stats.responsesByStatusClass == ["2xx": 3])
        #expect(report.stats.bytes > 0)
        #expect(report.stats.durationSeconds > 0)
        let saved = try #require(try store.runStats(report.runID))
        #expect(try JSONDecoder().decode(ScanStats.self, from: Data(saved.utf8)) == report.stats)
    }

    /// Guards against a resumed run keeping only its last process's counts: each page's counts are stored with
    /// the page, and a resumed run goes on from them.
    @Test func resumedRunStatisticsCountEveryProcessesPages() async throws {
        let log = RequestLog()
        let store = try CrawlSite.store()
        let (capped, resumed) = try await LoopbackServer.run(router: Self.router(log: log, count: 4)) { base async throws in
            let capped = try await CrawlSite.scanner(start: base + "/sch/s.html", store: store, maxPages: 2).run()
            let midway = try #require(try store.runStats(capped.runID), "kept with the pages while the run is open")
            #expect(try JSONDecoder().decode(ScanStats.self, from: Data(midway.utf8)).responsesByStatusClass == ["2xx": 2])
            let resumed = try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).resume(run: capped.runID)
            return (capped, resumed)
        }
        #expect(capped.hitPageCap && capped.pagesFetched == 2)
        #expect(resumed.pagesFetched == 3, "the rest of the 1 search + 4 item pages")
        #expect(resumed.stats.responsesByStatusClass == ["2xx": 5], "both processes' pages")
        #expect(resumed.stats.bytes > capped.stats.bytes)
        #expect(resumed.stats.durationSeconds >= capped.stats.durationSeconds)
        let saved = try #require(try store.runStats(resumed.runID))
        #expect(try JSONDecoder().decode(ScanStats.self, from: Data(saved.utf8)) == resumed.stats)
        #expect(await log.entries.filter { $0.path.hasPrefix("/itm/") }.count == 4, "no page fetched twice")
    }
}
