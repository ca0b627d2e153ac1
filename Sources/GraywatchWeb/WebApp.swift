import Foundation
import GraywatchStore
import Hummingbird
import Logging

/// The analysts' review UI and its JSON API over one store (`graywatch serve`).
///
/// Routes: `/login`, `/logout`, `/` (queue), `/items/{id}` (item, actions, captures), `/bulk`, `/export/{kind}`,
/// `/audit`, `/admin/users`, `/static/app.css`, `/healthz`, and the same operations under `/api/` with bearer tokens.
public struct WebApp: Sendable {
    /// What the item page says about a rule.
    public struct RuleInfo: Sendable {
        public var title: String
        public var description: String
        public var enforcement: String?

        public init(title: String, description: String, enforcement: String?) {
            self.title = title
            self.description = description
            self.enforcement = enforcement
        }
    }

    /// The catalog's list price of a part number, when it has one.
    public typealias ListPriceLookup = @Sendable (String) -> (partNumber: String, usd: Decimal)?

    public let store: Store
    public let rules: [String: RuleInfo]
    public let listPrice: ListPriceLookup
    /// Marks cookies Secure and sends HSTS: set when served over TLS (directly or behind a TLS proxy).
    public let secureCookies: Bool
    public let sessionLifetime: TimeInterval
    let throttle: LoginThrottle

    /// Largest form or JSON body accepted.
    static let maxFormBytes = 256 * 1024

    public init(store: Store, rules: [String: RuleInfo] = [:], listPrice: @escaping ListPriceLookup = { _ in nil },
                secureCookies: Bool = false, sessionLifetime: TimeInterval = 12 * 3600,
                throttle: LoginThrottle = LoginThrottle()) {
        self.store = store
        self.rules = rules
        self.listPrice = listPrice
        self.secureCookies = secureCookies
        self.sessionLifetime = sessionLifetime
        self.throttle = throttle
    }

    /// Every route, wrapped so that every answer (404s and errors too) carries the security headers.
    public func responder() -> WebResponder {
        let router = Router(context: WebContext.self)
        router.add(middleware: IdentifyMiddleware(store: store))
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        router.get("/healthz") { _, _ in "ok" }
        addLoginRoutes(router)
        let pages = router.group().add(middleware: RequireUserMiddleware(api: false))
        addQueueRoutes(pages)
        addItemRoutes(pages)
        addAuditRoutes(pages)
        addExportRoutes(pages, prefix: "/export")
        addUserRoutes(pages)
        let api = router.group("api").add(middleware: RequireUserMiddleware(api: true))
        addAPIRoutes(api)
        addExportRoutes(api, prefix: "/export")
        return WebResponder(inner: router.buildResponder(), headers: SecurityHeadersMiddleware(secure: secureCookies))
    }

    /// Serves the UI on `host:port` until the task is cancelled or the process is signalled; `onRunning` gets the
    /// bound port (useful with port 0).
    public func serve(host: String, port: Int, logger: Logger, onRunning: @escaping @Sendable (Int) async -> Void = { _ in })
        async throws
    {
        let app = Application(
            responder: responder(),
            configuration: .init(address: .hostname(host, port: port), serverName: "graywatch"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }
}

/// The router's responder behind the security-headers layer.
public struct WebResponder: HTTPResponder {
    public typealias Context = WebContext
    let inner: RouterResponder<WebContext>
    let headers: SecurityHeadersMiddleware

    public func respond(to request: Request, context: WebContext) async throws -> Response {
        try await headers.handle(request, context: context) { request, context in
            try await inner.respond(to: request, context: context)
        }
    }
}

extension WebContext {
    public var requestDecoder: WebRequestDecoder { WebRequestDecoder() }
}
