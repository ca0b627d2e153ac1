import Foundation

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
    public func normalize(_ url: String) -> String? {
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
            let kept = items.filter { !isStripped($0.name) }.map {
                URLQueryItem(name: URLNormalizer.normalizeEscapes($0.name), value: $0.value.map(URLNormalizer.normalizeEscapes))
            }
            components.percentEncodedQueryItems = kept.isEmpty ? nil : kept
        }
        return components.string
    }

    private func isStripped(_ name: String) -> Bool {
        let lower = name.lowercased()
        return strippedParameters.contains { pattern in
            pattern.hasSuffix("*") ? lower.hasPrefix(pattern.dropLast()) : lower == pattern
        }
    }

    /// Decodes `%XX` of unreserved characters (ALPHA, DIGIT, -._~) and upper-cases the hex of the rest.
    static func normalizeEscapes(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                let value = high << 4 | low
                if isUnreserved(value) {
                    output.append(value)
                } else {
                    output += Array("%\(hexDigit(value >> 4))\(hexDigit(value & 0xF))".utf8)
                }
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func hexDigit(_ value: UInt8) -> Character {
        Character(Unicode.Scalar(value < 10 ? value + UInt8(ascii: "0") : value - 10 + UInt8(ascii: "A")))
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
