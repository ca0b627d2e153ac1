import Foundation

/// What a webhook receiver answered: status, headers (names lowercased), and the start of the body.
public struct WebhookHTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header values by lowercased name (the last value when a name repeats).
    public var headers: [String: String]
    /// At most the transport's response cap of the body.
    public var body: Data
    /// Whether the body was cut at the cap.
    public var truncated: Bool

    public init(status: Int, headers: [String: String] = [:], body: Data = Data(), truncated: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.truncated = truncated
    }
}

/// Why a webhook request got no HTTP answer.
public enum WebhookTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No complete answer within the timeout.
    case timedOut(seconds: Double)
    /// The connection could not be made or broke (refused, reset, DNS, TLS, ...); `why` says which.
    case connectionFailed(why: String)
    /// The request was cancelled (e.g. the drain's task was).
    case cancelled

    public var description: String {
        switch self {
        case .timedOut(let seconds): return "no answer within \(seconds) s"
        case .connectionFailed(let why): return "connection failed: \(why)"
        case .cancelled: return "cancelled"
        }
    }
}

/// Sends one HTTP POST; ``URLSessionWebhookTransport`` in production, a stub where a test wants one.
public protocol WebhookTransport: Sendable {
    /// POSTs `body` with `headers` to `url`, waiting at most `timeout` seconds for the whole answer and reading at
    /// most `maxResponseBytes` of its body. Redirects are not followed (the 3xx comes back as the answer).
    func post(url: URL, headers: [(String, String)], body: Data, timeout: TimeInterval,
              maxResponseBytes: Int) async throws(WebhookTransportError) -> WebhookHTTPResponse
}
