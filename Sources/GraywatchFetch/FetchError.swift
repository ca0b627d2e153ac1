/// Why a fetch produced no page. Every case names the URL.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The transfer did not finish within the total timeout (or stalled below the low-speed limit).
    case timeout(url: String, seconds: Double)
    /// The body grew past the size cap and the transfer was aborted.
    case tooLarge(url: String, limit: Int)
    /// More redirects than allowed.
    case tooManyRedirects(url: String, limit: Int)
    /// A redirect pointed back to a URL already visited in the same chain (`target`).
    case redirectLoop(url: String, target: String)
    /// The transfer stalled below the low-speed limit (a slow-drip server).
    case tooSlow(url: String, bytesPerSecond: Int, seconds: Int)
    /// Only http and https are fetched.
    case unsupportedScheme(url: String)
    /// A redirect pointed outside the scan's scope or to a scheme other than http(s).
    case redirectRefused(url: String, target: String)
    /// Connection refused, reset, DNS failure and other transport errors (libcurl's code and message).
    case transport(url: String, code: Int, message: String)

    public var url: String {
        switch self {
        case .timeout(let url, _), .tooLarge(let url, _), .tooManyRedirects(let url, _), .tooSlow(let url, _, _),
            .redirectLoop(let url, _), .unsupportedScheme(let url), .redirectRefused(let url, _), .transport(let url, _, _):
            return url
        }
    }

    /// The reason alone, without the URL.
    public var reason: String {
        switch self {
        case .timeout(_, let seconds): return "timed out after \(seconds)s"
        case .tooLarge(_, let limit): return "body larger than the \(limit)-byte cap; transfer aborted"
        case .tooManyRedirects(_, let limit): return "more than \(limit) redirects"
        case .redirectLoop(_, let target): return "redirect loop: back to \(target)"
        case .tooSlow(_, let rate, let seconds): return "slower than \(rate) bytes/s for \(seconds)s; transfer aborted"
        case .unsupportedScheme: return "only http and https URLs are fetched"
        case .redirectRefused(_, let target): return "redirect to \(target) refused (other scheme or out of scope)"
        case .transport(_, let code, let message): return "transport error \(code): \(message)"
        }
    }

    public var description: String { "\(url): \(reason)" }

    /// True for failures worth retrying later: timeouts, stalls and transport errors (resets, refused connections),
    /// except those the same answer would give again (``permanentTransportCodes``).
    public var isRetryable: Bool {
        switch self {
        case .timeout, .tooSlow: return true
        case .transport(_, let code, _): return !Self.permanentTransportCodes.contains(code)
        case .tooLarge, .tooManyRedirects, .redirectLoop, .unsupportedScheme, .redirectRefused: return false
        }
    }

    /// libcurl codes that describe the request or the server's answer, not the network: CURLE_UNSUPPORTED_PROTOCOL (1),
    /// CURLE_URL_MALFORMAT (3) and CURLE_BAD_CONTENT_ENCODING (61, a body its Content-Encoding does not decode).
    public static let permanentTransportCodes: Set<Int> = [1, 3, 61]
}
