import Foundation
import GraywatchFetch
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Testing

/// robots.txt as the crawler meets it over HTTP: rules, wildcards, errors, redirects and expiry.
@Suite struct CrawlerRobotsTests {
    static let paths = ["/itm/1", "/itm/private/2", "/itm/private/ok-3", "/itm/4.pdf", "/itm/5"]

    static func router(log: RequestLog, robots: @escaping @Sendable (Int) -> Response) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: LoggingMiddleware(log: log))
        router.get("/robots.txt") { _, _ in robots(await log.count("/robots.txt")) }
        router.get("/sch/s.html") { _, _ in CrawlSite.html(CrawlSite.searchPage(links: paths)) }
        router.get("/itm/**") { request, _ in CrawlSite.html(CrawlSite.itemPage(title: "item \(request.uri.path)")) }
        return router
    }

    static func text(_ body: String) -> Response {
        CrawlSite.html(body, headers: [.contentType: "text/plain"])
    }

    static func fetched(_ log: RequestLog) async -> Set<String> {
        Set(await log.entries.map(\.path).filter { $0.hasPrefix("/itm/") })
    }

    @Test func disallowAllowAndWildcardsDecideWhatIsFetched() async throws {
        let log = RequestLog()
        let robots = """
            User-agent: *
            Disallow: /

            User-agent: GrayWatch
            Disallow: /itm/private/
            Allow: /itm/private/ok-
            Disallow: /*.pdf$
            """
        let router = Self.router(log: log) { _ in Self.text(robots) }
        let store = try CrawlSite.store()
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        #expect(await Self.fetched(log) == ["/itm/1", "/itm/private/ok-3", "/itm/5"])
        #expect(report.skippedByRobots.map { URLComponents(string: $0)?.path ?? "" }.sorted() == ["/itm/4.pdf", "/itm/private/2"])
        #expect(report.stats.robotsBlocked == 2)
        let states = try store.frontierStates(run: report.runID)
        #expect(states.values.filter { $0 == .robots }.count == 2)
    }

    @Test func robotsClientErrorAllowsAll() async throws {
        let log = RequestLog()
        let router = Self.router(log: log) { _ in CrawlSite.html("gone", status: .notFound) }
        try await LoopbackServer.run(router: router) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        #expect(await Self.fetched(log) == Set(Self.paths))
    }

    @Test func robotsServerErrorDisallowsAllThenRetries() async throws {
        let log = RequestLog()
        let router = Self.router(log: log) { count in
            count == 1 ? CrawlSite.html("later", status: .serviceUnavailable) : Self.text("User-agent: *\nDisallow: /itm/private/\n")
        }
        try await LoopbackServer.run(router: router) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        let entries = await log.entries
        let secondRobots = try #require(entries.filter { $0.path == "/robots.txt" }.dropFirst().first)
        #expect(entries.filter { $0.path != "/robots.txt" }.allSatisfy { $0.time >= secondRobots.time },
                "nothing was fetched while robots.txt was unavailable")
        #expect(await Self.fetched(log) == ["/itm/1", "/itm/4.pdf", "/itm/5"])
    }

    @Test func robotsUnavailableForGoodParksTheHost() async throws {
        let log = RequestLog()
        let router = Self.router(log: log) { _ in CrawlSite.html("down", status: .internalServerError) }
        let report = try await LoopbackServer.run(router: router) { base async throws in
            try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        #expect(await log.count("/robots.txt") == Politeness.loopback.robotsMaxAttempts)
        #expect(await log.count("/sch/s.html") == 0)
        #expect(report.stats.parkedHosts.count == 1)
        #expect(report.failures.first?.reason.contains("robots.txt unavailable") == true)
    }

    @Test func robotsRedirectsAreFollowed() async throws {
        let log = RequestLog()
        let router = Self.router(log: log) { _ in Response(status: .movedPermanently, headers: [.location: "/real/robots.txt"]) }
        router.get("/real/robots.txt") { _, _ in Self.text("User-agent: *\nDisallow: /itm/private/\nDisallow: /itm/5\n") }
        try await LoopbackServer.run(router: router) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store()).run()
        }
        #expect(await Self.fetched(log) == ["/itm/1", "/itm/4.pdf"])
    }

    @Test func robotsCacheExpires() async throws {
        let log = RequestLog()
        let router = Self.router(log: log) { _ in Self.text("User-agent: *\nAllow: /\n") }
        var politeness = Politeness.loopback
        politeness.robotsExpiry = 0.3
        politeness.minimumDelay = 0.2
        try await LoopbackServer.run(router: router) { [politeness] base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: try CrawlSite.store(), politeness: politeness).run()
        }
        // Six pages 0.2 s apart take over a second: a robots.txt kept 0.3 s is asked for again on the way.
        #expect(await log.count("/robots.txt") >= 3)
        #expect(await Self.fetched(log) == Set(Self.paths))
    }
}
