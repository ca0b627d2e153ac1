import Foundation
import HTTPTypes
import Hummingbird
import GraywatchStore

/// Names of the cookies the review UI sets.
enum CookieName {
    static let session = "gw_session"
    static let login = "gw_login"
}

/// Resolves the caller from the session cookie or an `Authorization: Bearer` header. Never refuses by itself.
struct IdentifyMiddleware: RouterMiddleware {
    let store: Store

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let user = try store.user(apiToken: token) else {
                throw WebError(.unauthorized, "unknown or revoked API token", headers: [.wwwAuthenticate: "Bearer"])
            }
            context.identity = Identity(user: user, proof: .bearer)
        } else if let token = request.cookies[CookieName.session]?.value, let session = try store.session(token: token) {
            context.identity = Identity(user: session.user, proof: .session(token: token, csrfToken: session.csrfToken))
        }
        return try await next(request, context)
    }
}

/// Refuses anonymous callers (pages: 303 to the sign-in page; API: 401) and, for session-cookie callers,
/// any state-changing request without the session's CSRF token (form field `csrf` or header `X-CSRF-Token`): 403.
struct RequireUserMiddleware: RouterMiddleware {
    /// Answer with JSON 401 rather than a redirect.
    let api: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let identity = context.identity else {
            if api || request.method != .get {
                throw WebError(.unauthorized, "sign in first", headers: [.wwwAuthenticate: "Bearer"])
            }
            let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            return Response(status: .seeOther, headers: [.location: "/login?next=" + HTML.queryValue(target)])
        }
        var request = request
        if request.method != .get, request.method != .head, let expected = identity.csrfToken {
            let presented = try await CSRF.token(in: &request)
            guard let presented, CSRF.equal(presented, expected) else {
                throw WebError(.forbidden, "missing or wrong CSRF token: reload the page and try again")
            }
        }
        return try await next(request, context)
    }
}

/// Reading and comparing CSRF tokens.
enum CSRF {
    /// The token from the `X-CSRF-Token` header or the `csrf` field of a form body (the body stays readable).
    static func token(in request: inout Request) async throws -> String? {
        if let header = request.headers[.csrfToken] { return header }
        guard request.hasFormBody else {
            return nil
        }
        let body = try await request.collectBody(upTo: WebApp.maxFormBytes)
        return FormFields(String(buffer: body))["csrf"]
    }

    /// Constant-time comparison.
    static func equal(_ a: String, _ b: String) -> Bool { Secret.equal(Array(a.utf8), Array(b.utf8)) }
}
