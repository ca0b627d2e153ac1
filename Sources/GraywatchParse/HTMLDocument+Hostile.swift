import CLibXML2

/// The checks that keep hostile bytes from passing for a page: binary data sent as HTML, NUL bytes, and the
/// messages for a parse libxml2 gave up on.
extension HTMLDocument {
    /// What the text is when it is not text at all: "a PNG image", "a ZIP archive", … or "binary data" when more than
    /// 1 in 16 of its first 1,024 scalars are control characters no text uses (NUL, U+0001–U+0008, U+000B,
    /// U+000E–U+001A, U+001C–U+001F: the WHATWG "binary data bytes"). Nil for text, including text with a few stray NULs.
    ///
    /// It works on the decoded text because that is what the parser gets: a byte at or above 0x80 has become U+FFFD or
    /// a windows-1252 character by then, so the signatures match any scalar at or above U+0080 there.
    public static func binaryKind(of text: String) -> String? {
        let head = Array(text.unicodeScalars.prefix(1024))
        for (name, signature) in signatures where head.count >= signature.count {
            if zip(head, signature).allSatisfy({ scalar, byte in byte == nil ? scalar.value >= 0x80 : scalar.value == UInt32(byte!) }) {
                return name
            }
        }
        let controls = head.lazy.filter { binaryScalars.contains($0.value) }.count
        return controls >= 4 && controls * 16 > head.count ? "binary data" : nil
    }

    /// Magic numbers of formats servers send by mistake (or on purpose); nil stands for a byte at or above 0x80.
    private static let signatures: [(String, [UInt8?])] = [
        ("a PNG image", [nil, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("a GIF image", Array("GIF8".utf8)),
        ("a PDF document", Array("%PDF-".utf8)),
        ("a ZIP archive", [0x50, 0x4B, 0x03, 0x04]),
        ("gzip-compressed data", [0x1F, nil, 0x08]),
        ("an executable", [0x7F, 0x45, 0x4C, 0x46]),
    ]

    private static let binaryScalars: Set<UInt32> = Set(Array(0x00...0x08) + [0x0B] + Array(0x0E...0x1A) + Array(0x1C...0x1F))

    /// The bytes with every NUL replaced by U+FFFD's UTF-8 encoding, in one pass.
    static func replacingNUL(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        for byte in bytes {
            if byte == 0 { output.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { output.append(byte) }
        }
        return output
    }

    /// Why libxml2 stopped before the end of the input, in words an analyst can act on.
    static func stopReason(_ report: gw_parse_report) -> String {
        var copy = report
        var message = withUnsafeBytes(of: &copy.message) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        while message.last?.isWhitespace == true { message.removeLast() }
        if message.contains("depth") {
            return "elements nested more than \(gw_parser_max_depth()) levels deep; the parser stops there and the rest of the page is lost"
        }
        return "the parser stopped before the end of the page" + (message.isEmpty ? "" : ": \(message)")
    }
}
