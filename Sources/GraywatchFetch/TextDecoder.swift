import Foundation

/// Turns a fetched body into text, choosing the charset the way a browser does.
///
/// Order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) overrides everything; then the Content-Type
/// `charset`; then `<meta charset>` / `<meta http-equiv=Content-Type>` in the first 1024 bytes; then
/// UTF-8 if the bytes are valid UTF-8 (a deliberate improvement over the WHATWG default); else
/// windows-1252. Unknown or unsupported labels are skipped. Never fails: bad bytes become U+FFFD.
public enum TextDecoder {
    /// The body as text (see the type's documentation for how the charset is chosen).
    public static func decode(_ body: Data, contentType: String?) -> String {
        decodeReportingCharset(body, contentType: contentType).text
    }

    /// The canonical name of the charset ``decode(_:contentType:)`` uses, e.g. `"utf-8"`, `"shift_jis"`.
    public static func detectedCharset(_ body: Data, contentType: String?) -> String {
        resolve(body, contentType: contentType).charset
    }

    /// The body as text together with the canonical name of the charset used.
    public static func decodeReportingCharset(_ body: Data, contentType: String?) -> (text: String, charset: String) {
        let choice = resolve(body, contentType: contentType)
        if let text = choice.text { return (text, choice.charset) }
        // Charset.decode drops a byte-order mark matching the charset, so the body goes in whole.
        let text = Charset.decode(body, label: choice.charset) ?? String(decoding: body, as: UTF8.self)
        return (text, choice.charset)
    }

    /// The `charset` parameter of a Content-Type value, lowercased and unquoted.
    public static func charset(inContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let name = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// The label named by the first `<meta charset>` or `<meta http-equiv=Content-Type content>` in the first 1024 bytes.
    public static func charset(inMeta body: Data) -> String? {
        let head = body.prefix(1024).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var index = 0
        while index < head.count {
            if head[index...].starts(with: Array("<!--".utf8)) {
                index = firstIndex(of: Array("-->".utf8), in: head, from: index + 4).map { $0 + 3 } ?? head.count
            } else if head[index...].starts(with: Array("<meta".utf8)), index + 5 < head.count,
                      isSpace(head[index + 5]) || head[index + 5] == UInt8(ascii: "/") {
                let (attributes, end) = attributes(in: head, from: index + 5)
                index = end
                if let label = attributes["charset"], !label.isEmpty { return label }
                if attributes["http-equiv"] == "content-type", let content = attributes["content"],
                   let label = charset(inMetaContent: content) {
                    return label
                }
            } else {
                index += 1
            }
        }
        return nil
    }

    // MARK: - Choosing

    /// A chosen charset, with the text when choosing already produced it (the UTF-8 sniff).
    private struct Choice {
        var charset: String
        var text: String?
    }

    private static func resolve(_ body: Data, contentType: String?) -> Choice {
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { return Choice(charset: "utf-8") }
        if body.starts(with: [0xFF, 0xFE]) { return Choice(charset: "utf-16le") }
        if body.starts(with: [0xFE, 0xFF]) { return Choice(charset: "utf-16be") }
        if let label = contentType.flatMap(charset(inContentType:)), Charset.isSupported(label: label),
           let name = Charset.canonicalName(forLabel: label) {
            return Choice(charset: name == "utf-16" ? "utf-16le" : name)
        }
        if let label = charset(inMeta: body), Charset.isSupported(label: label),
           let name = Charset.canonicalName(forLabel: label) {
            // WHATWG: a UTF-16 label found by sniffing an ASCII-compatible document means UTF-8.
            return Choice(charset: name.hasPrefix("utf-16") ? "utf-8" : name)
        }
        if let text = String(data: body, encoding: .utf8) { return Choice(charset: "utf-8", text: text) }
        return Choice(charset: "windows-1252")
    }

    // MARK: - Meta prescan helpers (bytes already ASCII-lowercased)

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return (start..<bytes.count).first { bytes[$0...].starts(with: needle) }
    }

    /// Parses `name=value` pairs up to the tag's `>`; returns them and the index after the tag.
    private static func attributes(in head: [UInt8], from start: Int) -> ([String: String], Int) {
        var result: [String: String] = [:]
        var index = start
        while index < head.count {
            while index < head.count, isSpace(head[index]) || head[index] == UInt8(ascii: "/") { index += 1 }
            guard index < head.count, head[index] != UInt8(ascii: ">") else { return (result, index + 1) }
            let nameStart = index
            while index < head.count, !isSpace(head[index]), head[index] != UInt8(ascii: "="), head[index] != UInt8(ascii: ">") {
                index += 1
            }
            let name = String(decoding: head[nameStart..<index], as: UTF8.self)
            while index < head.count, isSpace(head[index]) { index += 1 }
            var value = ""
            if index < head.count, head[index] == UInt8(ascii: "=") {
                index += 1
                while index < head.count, isSpace(head[index]) { index += 1 }
                if index < head.count, head[index] == UInt8(ascii: "\"") || head[index] == UInt8(ascii: "'") {
                    let quote = head[index]
                    let valueStart = index + 1
                    index = head[valueStart...].firstIndex(of: quote) ?? head.count
                    value = String(decoding: head[valueStart..<index], as: UTF8.self)
                    index += 1
                } else {
                    let valueStart = index
                    while index < head.count, !isSpace(head[index]), head[index] != UInt8(ascii: ">") { index += 1 }
                    value = String(decoding: head[valueStart..<index], as: UTF8.self)
                }
            } else if index == nameStart {
                index += 1  // a stray character such as "=" with no name: always make progress
            }
            if !name.isEmpty, result[name] == nil { result[name] = value }
        }
        return (result, index)
    }

    /// WHATWG "extract a character encoding from a meta element": `charset` anywhere in `content`.
    private static func charset(inMetaContent content: String) -> String? {
        guard let range = content.range(of: "charset") else { return nil }
        var rest = content[range.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return charset(inMetaContent: String(content[range.upperBound...])) }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        let label = rest.drop { $0 == "\"" || $0 == "'" }.prefix { !" \t;\"'".contains($0) }
        return label.isEmpty ? nil : String(label)
    }
}
