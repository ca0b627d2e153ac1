import HTTPTypes
import Hummingbird
import GraywatchStore
import NIOCore

/// Who is making a request, and how they proved it.
public struct Identity: Sendable {
    public enum Proof: Sendable {
        /// A browser session cookie; state-changing requests must carry `csrfToken`.
        case session(token: String, csrfToken: String)
        /// An API bearer token (not sent automatically by browsers, so no CSRF token is needed).
        case bearer
    }

    public var user: UserRecord
    public var proof: Proof

    /// The session's CSRF token, nil for bearer-token requests.
    public var csrfToken: String? {
        if case .session(_, let token) = proof { return token }
        return nil
    }
}

/// The request context of the review UI: the caller's identity (set by `IdentifyMiddleware`) and address.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    /// The peer's IP address, for login rate limiting ("unknown" when the transport has none).
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in user, or a 401 for routes that need one (the middleware normally answers first).
    public func requireUser() throws -> UserRecord {
        guard let identity else { throw WebError(.unauthorized, "sign in first") }
        return identity.user
    }

    /// The signed-in admin, or 403.
    public func requireAdmin() throws -> UserRecord {
        let user = try requireUser()
        guard user.role == .admin else { throw WebError(.forbidden, "this needs the admin role") }
        return user
    }
}

/// An error answered to the client with its status and a plain message (HTML page or JSON by route).
public struct WebError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status.code) \(message)" }
}

extension HTTPField.Name {
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
}
