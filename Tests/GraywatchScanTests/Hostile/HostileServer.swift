import Foundation
import GraywatchSampleSite
import Hummingbird
import Logging

/// Serves the hostile corpus on loopback as samples/hostile/expectations.json says: every case at its path with its
/// status and headers, search pages linking to the cases (the hostile ones, then the good page), and the shop's home.
enum HostileServer {
    /// The shop's host: no adapter claims it, so its pages go to the generic extractor.
    static let shopHost = "shop.localhost"

    /// Runs the corpus server for the length of `body`, which gets the market's and the shop's base URLs.
    static func run<Result: Sendable>(_ body: @Sendable (_ market: String, _ shop: String) async throws -> Result)
        async throws -> Result
    {
        var logger = Logger(label: "graywatch.hostile-corpus")
        logger.logLevel = .critical  // clients hanging up on the 50 MiB page and the bomb is the point, not news
        return try await LoopbackServer.run(router: try router(), logger: logger) { base in
            let port = URLComponents(string: base)?.port ?? 0
            return try await body(base, "http://\(shopHost):\(port)")
        }
    }

    /// The full URL of a case on a server whose market origin is `market`.
    static func url(of item: HostileCase, market: String, shop: String) -> String {
        (item.host == .market ? market : shop) + item.path
    }

    static func router() throws -> Router<BasicRequestContext> {
        let cases = try HostileCorpus.cases()
        let router = Router()
        router.get("/robots.txt") { _, _ in text("User-agent: *\nAllow: /\n", type: "text/plain") }
        router.get("/") { _, _ in try file("pages/shop-home.html") }
        router.get("/sch/hostile.html") { request, _ in search(cases, request: request) }
        router.get("/sch/heavy.html") { request, _ in
            search(cases.filter { $0.isHeavy || $0.id == cases.last?.id }, request: request)
        }
        for item in cases {
            // A counting case answers every number in its last path segment.
            let path = item.counting == true
                ? item.path.split(separator: "/").dropLast().map { "/" + $0 }.joined() + "/:n" : item.path
            router.get(RouterPath(path)) { _, context in
                let n = item.counting == true ? try context.parameters.require("n", as: Int.self) : 0
                return try response(item, next: n + 1)
            }
            for extra in item.also ?? [] {
                router.get(RouterPath(extra.path)) { _, _ in
                    Response(status: .init(code: extra.status), headers: fields(extra.headers, next: 0))
                }
            }
        }
        return router
    }

    /// A results page in the sample marketplace's markup linking to `cases` in order (shop cases by absolute URL).
    static func search(_ cases: [HostileCase], request: Request) -> Response {
        let port = request.head.authority.flatMap { $0.split(separator: ":").last }.map(String.init) ?? ""
        let links = cases.map { item in
            let href = item.host == .shop ? "http://\(shopHost):\(port)\(item.path)" : item.path
            return "<li class='s-item'><a class='s-item__link' href='\(href)'>\(item.id)</a></li>"
        }
        return text("<html><body><h1>Hostile corpus</h1><ul class='srp-results'>\(links.joined())</ul></body></html>")
    }

    static func response(_ item: HostileCase, next: Int) throws -> Response {
        let status = HTTPResponse.Status(code: item.status ?? 200)
        let headers = fields(item.headers ?? [:], next: next)
        guard let spec = item.body else { return Response(status: status, headers: headers) }
        if let bomb = spec.gzipBomb {
            return Response(status: status, headers: headers, body: ResponseBody { writer in
                for chunk in GzipBomb(expandingTo: bomb.expandsTo).chunks() { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            })
        }
        let data = try HostileBodies.data(spec)
        guard item.stream == true else {
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return Response(status: status, headers: headers, body: ResponseBody { writer in
            var offset = 0
            while offset < data.count {
                let end = min(offset + (64 << 10), data.count)
                try await writer.write(ByteBuffer(bytes: data[offset..<end]))
                offset = end
            }
            try await writer.finish(nil)
        })
    }

    static func fields(_ headers: [String: String], next: Int) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            // HTTPField.Name is not among Hummingbird's exports: reach it through the subscript's parameter type.
            fields[.init(name)!] = value.replacingOccurrences(of: "{next}", with: String(next))
        }
        return fields
    }

    static func file(_ path: String) throws -> Response {
        let data = try HostileBodies.data(BodySpec(file: path))
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func text(_ text: String, type: String = "text/html; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
