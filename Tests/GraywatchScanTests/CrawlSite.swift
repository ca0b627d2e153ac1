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
import Hummingbird
import Logging

/// What the test server saw: every request with its path, headers and arrival time (measured by the server).
actor RequestLog {
    struct Entry: Sendable {
        var path: String
        var time: Date
        var ifNoneMatch: String?
        var userAgent: String?
    }

    private(set) var entries: [Entry] = []
    private var inFlight: [String: Int] = [:]
    private(set) var maxInFlight: [String: Int] = [:]

    func record(_ request: Request) {
        entries.append(Entry(path: request.uri.path, time: Date(), ifNoneMatch: request.headers[.ifNoneMatch],
                             userAgent: request.headers[.userAgent]))
    }

    /// How many requests for `path` (query ignored) arrived so far.
    func count(_ path: String) -> Int { entries.filter { $0.path == path }.count }

    func times(_ path: String) -> [Date] { entries.filter { $0.path == path }.map(\.time) }

    /// Arrival times of requests whose path starts with `prefix`.
    func times(prefix: String) -> [Date] { entries.filter { $0.path.hasPrefix(prefix) }.map(\.time) }

    func began(_ group: String) {
        inFlight[group, default: 0] += 1
        maxInFlight[group] = max(maxInFlight[group] ?? 0, inFlight[group] ?? 0)
    }

    func ended(_ group: String) { inFlight[group, default: 0] -= 1 }
}

/// A small marketplace built per test: robots.txt, one search page linking to the given item paths, item pages.
enum CrawlSite {
    /// An item page in the sample marketplace's markup.
    static func itemPage(title: String, sku: String = "EX4300-48T", price: String = "2500.00", serial: String? = nil,
                         seller: String = "test_seller") -> String {
        let serialRow = serial.map { "<tr><td class=\"attrLabels\">Serial Number:</td><td>\($0)</td></tr>" } ?? ""
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(title)</title></head><body>
        <h1 class="it-ttl" itemprop="name" id="itemTitle"><span class="g-hdn">Details about </span>\(title)</h1>
        <div class="u-flL condText" id="vi-itm-cond" itemprop="itemCondition">Used</div>
        <span class="notranslate" id="prcIsum" itemprop="price" content="\(price)">US $\(price)</span>
        <span itemprop="priceCurrency" content="USD"></span>
        <div class="itemAttr"><table><tr><td class="attrLabels">Brand:</td><td>Juniper Networks</td>
        <td class="attrLabels">MPN:</td><td>\(sku)</td></tr>\(serialRow)</table></div>
        <div class="mbg"><span class="mbg-nw">\(seller)</span></div>
        <div id="ds_div"><p>Used unit, tested.</p></div></body></html>
        """
    }

    static func searchPage(links: [String], next: String? = nil) -> String {
        let items = links.map { "<li class='s-item'><a class='s-item__link' href='\($0)?hash=item1'>x</a></li>" }.joined()
        let nextLink = next.map { "<a class='pagination__next' href='\($0)'>next</a>" } ?? ""
        return "<html><body><ul class='srp-results'>\(items)</ul>\(nextLink)</body></html>"
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = fields[.contentType] ?? "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A router that logs every request, serves `robots` at /robots.txt and a search page at /sch/s.html.
    static func router(log: RequestLog, robots: String = "User-agent: *\nAllow: /\n", items: [String])
        -> Router<BasicRequestContext>
    {
        let router = Router()
        router.add(middleware: LoggingMiddleware(log: log))
        router.get("/robots.txt") { _, _ in html(robots, headers: [.contentType: "text/plain"]) }
        router.get("/sch/s.html") { _, _ in html(searchPage(links: items)) }
        return router
    }

    /// A scanner over a fresh store with test-friendly politeness.
    static func scanner(
        start: String, store: Store, politeness: Politeness = .loopback, fetch: FetchOptions = CrawlSite.fetchOptions,
        maxPages: Int = 200, adapters: AdapterSet? = nil
    ) throws -> ListingScanner {
        let configuration = ScanConfiguration(
            startURLs: [start], marketplace: "test", maxPages: maxPages, politeness: politeness, fetch: fetch)
        var logger = Logger(label: "test.crawl")
        logger.logLevel = .critical
        return ListingScanner(
            configuration: configuration, adapters: try adapters ?? AdapterSet.load(directory: TestPaths.sites), enricher: Enricher(catalog: try Catalog.load(directory: TestPaths.catalog)),
            rules: try RuleSet.load(directory: TestPaths.rules), store: store, logger: logger)
    }

    static var fetchOptions: FetchOptions {
        var options = FetchOptions()
        options.totalTimeout = 5
        options.connectTimeout = 2
        return options
    }

    static func store() throws -> Store {
        try TestStores.make("crawl")
    }

    /// Titles of the listings the store holds.
    static func titles(_ store: Store, _ report: ScanReport) throws -> Set<String> {
        Set(try report.listingRefs.compactMap { try store.listing(id: $0)?.title })
    }
}

/// Records each request in the log before answering it.
struct LoggingMiddleware<Context: RequestContext>: RouterMiddleware {
    let log: RequestLog
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        await log.record(request)
        return try await next(request, context)
    }
}
