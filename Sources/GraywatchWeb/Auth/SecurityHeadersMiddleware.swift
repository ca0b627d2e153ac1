import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Puts a Content-Security-Policy and the other protective headers on every response, errors included, and turns
/// errors into answers: an HTML page for the UI, `{"error": …}` for `/api/`.
struct SecurityHeadersMiddleware: RouterMiddleware {
    /// The UI's policy: no inline script or style, nothing from elsewhere, frames only from this site.
    static let pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// Captured marketplace pages: sandboxed (no script, no same-origin), nothing loaded live, inline style only.
    static let capturePolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
    let secure: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = SecurityHeadersMiddleware.answer(error, request: request, context: context)
        }
        if response.headers[.contentSecurityPolicy] == nil { response.headers[.contentSecurityPolicy] = Self.pagePolicy }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        if response.headers[.xFrameOptions] == nil { response.headers[.xFrameOptions] = "DENY" }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }

    static func answer(_ error: any Error, request: Request, context: WebContext) -> Response {
        let status: HTTPResponse.Status
        let message: String
        var headers: HTTPFields = [:]
        switch error {
        case let error as WebError: (status, message, headers) = (error.status, error.message, error.headers)
        case let error as HTTPError: (status, message) = (error.status, error.body ?? error.status.reasonPhrase)
        default:
            context.logger.error("request failed", metadata: ["path": .string(LogText.safe(request.uri.path)), "error": "\(error)"])
            (status, message) = (.internalServerError, "the server could not answer this request")
        }
        if request.uri.path.hasPrefix("/api/") {
            headers[.contentType] = "application/json"
            let body = (try? JSONEncoder().encode(["error": message])) ?? Data("{}".utf8)
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
        let page = Layout.page(title: "\(status.code) \(status.reasonPhrase)", identity: context.identity, body: """
            <h1>\(String(status.code)) \(status.reasonPhrase)</h1><p class="error">\(message)</p><p><a href="/">Back to the queue</a></p>
            """)
        return page.response(status: status, headers: headers)
    }
}

/// Log text from request or seller data: control characters escaped, length bounded.
enum LogText {
    static func safe(_ text: String, limit: Int = 200) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(limit) {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\u{%02X}", scalar.value) } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
