import Foundation

/// Markup that is safe to send: every interpolated `String` is HTML-escaped, so seller text can only ever be text.
///
/// Build pages with string interpolation: `HTML("<td>\(listing.title)</td>")` escapes the title; interpolating another
/// `HTML` inserts it as is; `\(url: link)` admits only http(s) or same-site URLs. Attributes are always written quoted,
/// and the escaping (`& < > " '`) is right for both element text and quoted attribute values.
public struct HTML: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    public private(set) var rendered: String

    public init(stringLiteral value: String) { rendered = value }
    public init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }
    init(raw: String) { rendered = raw }

    public var description: String { rendered }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.rendered + rhs.rendered) }

    /// The builder behind the interpolation: literals pass through, values are escaped.
    public struct Interpolation: StringInterpolationProtocol {
        var output = ""

        public init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { output += literal }
        public mutating func appendInterpolation(_ html: HTML) { output += html.rendered }
        public mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { output += HTML.escape(text ?? "") }
        public mutating func appendInterpolation<N: BinaryInteger>(_ number: N) { output += String(number) }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { output += part.rendered } }
        /// A URL for `href`/`src`: http(s) and same-site paths only; anything else (javascript:, data:) becomes "#".
        public mutating func appendInterpolation(url: String) { output += HTML.escape(HTML.safeURL(url)) }
    }

    /// Escapes text for HTML element content and quoted attribute values. NUL becomes U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The URL when it is absolute http(s) or a path on this site; "#" otherwise.
    public static func safeURL(_ url: String) -> String {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("/"), !trimmed.hasPrefix("//"), !trimmed.contains("\\") { return trimmed }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", components.host?.isEmpty == false
        else { return "#" }
        return trimmed
    }

    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Query-string encoding for one value of a link this app builds.
    public static func queryValue(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: HTML.unreserved) ?? ""
    }
}

extension Sequence {
    /// Renders each element and joins the markup.
    func html(_ render: (Element) -> HTML) -> HTML { HTML(raw: map { render($0).rendered }.joined()) }
}
