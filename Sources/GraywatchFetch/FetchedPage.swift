import Foundation

/// One HTTP response as the crawler received it.
public struct FetchedPage: Sendable {
    /// The URL asked for.
    public var requestedURL: String
    /// The URL after redirects.
    public var finalURL: String
    public var status: Int
    /// Response headers of the final response, in order, names as sent.
    public var headers: [(name: String, value: String)]
    /// The raw body bytes, as received after content decoding (kept as evidence).
    public var body: Data
    /// When the request started (UTC).
    public var fetchedAt: Date
    /// Wall-clock seconds from start to the end of the transfer.
    public var elapsed: TimeInterval
    public var redirectCount: Int

    public init(
        requestedURL: String, finalURL: String, status: Int, headers: [(name: String, value: String)],
        body: Data, fetchedAt: Date, elapsed: TimeInterval, redirectCount: Int
    ) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.status = status
        self.headers = headers
        self.body = body
        self.fetchedAt = fetchedAt
        self.elapsed = elapsed
        self.redirectCount = redirectCount
    }

    /// The last value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.last { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The media type of the body without parameters, lowercased ("text/html").
    public var mediaType: String? {
        header("Content-Type").map {
            $0.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
    }

    /// True for 2xx responses.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body decoded to text (see ``TextDecoder``).
    public var text: String { TextDecoder.decode(body, contentType: header("Content-Type")) }

    /// The status class for statistics: "2xx" … "5xx".
    public var statusClass: String { "\(status / 100)xx" }
}
