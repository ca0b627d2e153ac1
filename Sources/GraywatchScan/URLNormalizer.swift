import Foundation
import GraywatchFetch

/// Puts URLs in one canonical form so that the frontier fetches each page once.
///
/// Lower-cases scheme and host, drops the default port and the fragment, makes an empty path "/", decodes
/// percent-escapes of unreserved characters and upper-cases the others, and removes tracking query parameters.
public struct URLNormalizer: Sendable {
    /// Tracking parameters of the marketplaces graywatch knows (prefix match with a trailing `*`).
    public static let defaultStripped = ["utm_*", "_trksid", "_trkparms", "_trkmod", "amdata", "hash", "mkevt", "mkcid",
                                         "campid", "ref_", "pf_rd_*", "pd_rd_*", "spm", "gclid", "fbclid"]
    public var strippedParameters: [String]

    public init(strippedParameters: [String] = URLNormalizer.defaultStripped) {
        self.strippedParameters = strippedParameters
    }

    /// The canonical form, or nil for anything that is not an absolute http(s) URL with a host.
    /// `alsoStripping` adds a site's own tracking parameters; `keeping`, when given, keeps only those parameters.
    public func normalize(_ url: String, alsoStripping extra: [String] = [], keeping kept: [String]? = nil) -> String? {
        guard var components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        components.percentEncodedPath = URLNormalizer.normalizeEscapes(
            components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath)
        if let items = components.percentEncodedQueryItems {
            let stripped = strippedParameters + extra
            let kept = items.filter { item in
                if let kept { return kept.contains(item.name) }
                return !URLNormalizer.matches(item.name, stripped)
            }.map {
                URLQueryItem(name: URLNormalizer.normalizeEscapes($0.name), value: $0.value.map(URLNormalizer.normalizeEscapes))
            }
            components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        return components.string
    }

    private static func matches(_ name: String, _ patterns: [String]) -> Bool {
        let lower = name.lowercased()
        return patterns.contains { pattern in
            let pattern = pattern.lowercased()
            return pattern.hasSuffix("*") ? lower.hasPrefix(pattern.dropLast()) : lower == pattern
        }
    }

    static func normalizeEscapes(_ text: String) -> String { PercentEncoding.normalize(text) }
}
