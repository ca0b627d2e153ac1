import Foundation

/// URL helpers for links found in pages.
public enum URLTools {
    /// Resolves `href` against `base`; nil for empty, `javascript:`, `mailto:` and other non-HTTP links.
    public static func resolve(_ href: String, against base: String) -> String? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, let baseURL = URL(string: base),
            let url = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL,
            let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else { return nil }
        return url.absoluteString
    }

    /// The URL without query and fragment.
    public static func strippingQuery(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.query = nil
        components.fragment = nil
        return components.string ?? url
    }

    /// The URL without its fragment.
    public static func strippingFragment(_ url: String) -> String {
        guard let hash = url.firstIndex(of: "#") else { return url }
        return String(url[..<hash])
    }

    /// The path of a URL ("/itm/123"), or "" when it has none.
    public static func path(_ url: String) -> String {
        URLComponents(string: url)?.path ?? ""
    }

    /// Path plus query ("/itm/1?x=2"), "/" when empty.
    public static func pathAndQuery(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return "/" }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return path + (components.percentEncodedQuery.map { "?" + $0 } ?? "")
    }

    /// Host, lowercased, without a leading "www.".
    public static func host(_ url: String) -> String? {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }
}
