import Foundation

/// Turns a body into text: charset from the Content-Type header, then a byte-order mark, then `<meta>`,
/// then UTF-8 if the bytes are valid UTF-8, else windows-1252. Never fails: undecodable bytes become U+FFFD.
public enum TextDecoder {
    public static func decode(_ body: Data, contentType: String?) -> String {
        if let name = contentType.flatMap(charset(inContentType:)), let text = decode(body, charset: name) {
            return text
        }
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return String(decoding: body.dropFirst(3), as: UTF8.self) }
        if body.starts(with: [0xFF, 0xFE]), let text = String(data: body, encoding: .utf16LittleEndian) {
            return String(text.drop { $0 == "\u{FEFF}" })
        }
        if body.starts(with: [0xFE, 0xFF]), let text = String(data: body, encoding: .utf16BigEndian) {
            return String(text.drop { $0 == "\u{FEFF}" })
        }
        if let name = charset(inMeta: body), let text = decode(body, charset: name) { return text }
        if let text = String(data: body, encoding: .utf8) { return text }
        return String(data: body, encoding: .windowsCP1252) ?? String(decoding: body, as: UTF8.self)
    }

    /// The `charset` parameter of a Content-Type value, lowercased.
    public static func charset(inContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'")).lowercased()
        }
        return nil
    }

    /// The charset named by a `<meta charset>` or `<meta http-equiv content>` in the first 2 KiB.
    public static func charset(inMeta body: Data) -> String? {
        let head = String(decoding: body.prefix(2048), as: UTF8.self).lowercased()
        guard let range = head.range(of: #"<meta[^>]*charset\s*=\s*["']?([a-z0-9_\-:.]+)"#, options: .regularExpression)
        else { return nil }
        let match = head[range]
        guard let equals = match.range(of: "charset") else { return nil }
        let rest = match[equals.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return rest.isEmpty ? nil : String(rest)
    }

    static func decode(_ body: Data, charset name: String) -> String? {
        switch name {
        case "utf-8", "utf8":
            return String(data: body, encoding: .utf8) ?? String(decoding: body, as: UTF8.self)
        case "iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "windows-1252", "cp1252":
            // WHATWG: these labels all mean windows-1252.
            return String(data: body, encoding: .windowsCP1252)
        case "utf-16le": return String(data: body, encoding: .utf16LittleEndian)
        case "utf-16be": return String(data: body, encoding: .utf16BigEndian)
        case "utf-16": return String(data: body, encoding: .utf16)
        case "shift_jis", "shift-jis", "sjis": return String(data: body, encoding: .shiftJIS)
        case "euc-jp": return String(data: body, encoding: .japaneseEUC)
        default: return nil
        }
    }
}
