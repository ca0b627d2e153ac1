/// Why a fetch produced no page. Every case names the URL.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The transfer did not finish within the total timeout (or stalled below the low-speed limit).
    case timeout(url: String, seconds: Double)
    /// The body grew past the size cap and the transfer was aborted.
    case tooLarge(url: String, limit: Int)
    /// More redirects than allowed.
    case tooManyRedirects(url: String, limit: Int)
    /// Only http and https are fetched.
    case unsupportedScheme(url: String)
    /// Connection refused, reset, DNS failure and other transport errors (libcurl's code and message).
    case transport(url: String, code: Int, message: String)

    public var url: String {
        switch self {
        case .timeout(let url, _), .tooLarge(let url, _), .tooManyRedirects(let url, _),
            .unsupportedScheme(let url), .transport(let url, _, _):
            return url
        }
    }

    /// The reason alone, without the URL.
    public var reason: String {
        switch self {
        case .timeout(_, let seconds): return "timed out after \(seconds)s"
        case .tooLarge(_, let limit): return "body larger than the \(limit)-byte cap; transfer aborted"
        case .tooManyRedirects(_, let limit): return "more than \(limit) redirects"
        case .unsupportedScheme: return "only http and https URLs are fetched"
        case .transport(_, let code, let message): return "transport error \(code): \(message)"
        }
    }

    public var description: String { "\(url): \(reason)" }
}
