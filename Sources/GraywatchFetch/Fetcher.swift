import Foundation

/// Fetches URLs over HTTP(S) through the process's libcurl multi engine, inside the limits of ``FetchOptions``.
///
/// Redirects are followed here, not by libcurl, so that every hop is checked: only http and https, at most
/// ``FetchOptions/maxRedirects`` hops, never back to a URL of the same chain, and only targets the caller's `allow` accepts (the scan's scope).
public struct Fetcher: Sendable {
    public var options: FetchOptions

    public init(options: FetchOptions = FetchOptions()) {
        self.options = options
    }

    /// Fetches `url`; a non-2xx final status is a page, not an error.
    public func fetch(
        _ url: String, headers: [String] = [], allow: @Sendable (String) -> Bool = { _ in true }
    ) async throws(FetchError) -> FetchedPage {
        var current = url
        var hops = 0
        var visited: Set<String> = [url]
        while true {
            guard Fetcher.isHTTP(current) else {
                throw hops == 0 ? .unsupportedScheme(url: url) : .redirectRefused(url: url, target: current)
            }
            var page = try await TransferEngine.shared.perform(current, headers: headers, options: options).get()
            guard (300..<400).contains(page.status), page.status != 304, let location = page.header("Location"),
                let target = URL(string: location, relativeTo: URL(string: current))?.absoluteURL.absoluteString
            else {
                page.requestedURL = url
                page.redirectCount = hops
                return page
            }
            hops += 1
            guard hops <= options.maxRedirects else { throw .tooManyRedirects(url: url, limit: options.maxRedirects) }
            guard Fetcher.isHTTP(target), allow(target) else { throw .redirectRefused(url: url, target: target) }
            guard visited.insert(target).inserted else { throw .redirectLoop(url: url, target: target) }
            current = target
        }
    }

    /// The content encodings requests accept and libcurl decodes (sent as Accept-Encoding).
    public static var contentEncodings: [String] { TransferEngine.contentEncodings }

    static func isHTTP(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }
}
