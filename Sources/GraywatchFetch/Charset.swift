import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Character-set labels and byte-to-text conversion through the C library's iconv.
///
/// Labels follow the WHATWG Encoding Standard: `iso-8859-1`, `ascii` and `windows-1252` all mean
/// windows-1252, `gb2312`/`gbk` decode as GB18030, `shift_jis` decodes as CP932 (Windows-31J).
/// Undecodable bytes become U+FFFD; conversion never fails once the converter is open.
public enum Charset {
    /// The canonical (WHATWG) name for a label, e.g. `"latin1"` → `"windows-1252"`; nil if unknown.
    public static func canonicalName(forLabel label: String) -> String? {
        let key = label.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n\"'")).lowercased()
        return aliases[key] ?? (iconvNames[key] != nil ? key : nil)
    }

    /// True if the label is known and the C library can convert from it.
    public static func isSupported(label: String) -> Bool {
        guard let name = canonicalName(forLabel: label) else { return false }
        if name == "utf-8" { return true }
        guard let converter = openConverter(for: name) else { return false }
        iconv_close(converter)
        return true
    }

    /// Decodes `bytes` in the charset named by `label`; nil if the label is unknown or unsupported.
    ///
    /// A leading byte-order mark that matches the charset is dropped; `utf-16` without a mark is little-endian.
    public static func decode(_ bytes: Data, label: String) -> String? {
        guard var name = canonicalName(forLabel: label) else { return nil }
        var body = bytes
        if name == "utf-16" {
            name = body.starts(with: [0xFE, 0xFF]) ? "utf-16be" : "utf-16le"
        }
        let marks: [String: [UInt8]] = ["utf-8": [0xEF, 0xBB, 0xBF], "utf-16le": [0xFF, 0xFE], "utf-16be": [0xFE, 0xFF]]
        if let mark = marks[name], body.starts(with: mark) { body = body.dropFirst(mark.count) }
        if name == "utf-8" { return String(decoding: body, as: UTF8.self) }
        guard let converter = openConverter(for: name) else { return nil }
        defer { iconv_close(converter) }
        if body.isEmpty { return "" }
        let unit = name.hasPrefix("utf-16") ? 2 : 1
        return String(decoding: convert(body, with: converter, unit: unit, fallback: fallback(for: name)), as: UTF8.self)
    }

    // MARK: - Conversion

    /// Runs iconv over `body` in bounded chunks, replacing bad input with U+FFFD (or `fallback`).
    private static func convert(_ body: Data, with converter: iconv_t, unit: Int, fallback: (UInt8) -> Unicode.Scalar?) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(body.count * 2 + 16)
        let chunkSize = min(body.count * 4 + 1024, 256 * 1024)
        var chunk = [CChar](repeating: 0, count: chunkSize)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var input: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self))
            var inputLeft = raw.count
            while inputLeft > 0 {
                let before = inputLeft
                var produced = 0
                var failure: Int32 = 0
                chunk.withUnsafeMutableBufferPointer { out in
                    var cursor = out.baseAddress
                    var outputLeft = out.count
                    if iconv(converter, &input, &inputLeft, &cursor, &outputLeft) == -1 { failure = errno }
                    produced = out.count - outputLeft
                    output.append(contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(out)[0..<produced]))
                }
                switch failure {
                case 0:
                    break
                case E2BIG where produced > 0 || inputLeft < before:
                    continue
                case EILSEQ:
                    let skip = min(unit, inputLeft)
                    let byte = input.map { UInt8(bitPattern: $0.pointee) } ?? 0
                    if skip == 1, let scalar = fallback(byte) { output.append(contentsOf: Array(String(scalar).utf8)) }
                    else { output.append(contentsOf: replacement) }
                    input = input.map { $0 + skip }
                    inputLeft -= skip
                default:
                    // EINVAL (input truncated mid-character) or anything unexpected: mark it and stop.
                    output.append(contentsOf: replacement)
                    inputLeft = 0
                }
            }
            // Flush any pending shift sequence (stateful encodings such as ISO-2022-JP).
            chunk.withUnsafeMutableBufferPointer { out in
                var cursor = out.baseAddress
                var outputLeft = out.count
                _ = iconv(converter, nil, nil, &cursor, &outputLeft)
                let produced = out.count - outputLeft
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(out)[0..<produced]))
            }
        }
        return output
    }

    /// WHATWG mappings for single bytes glibc rejects: C1 controls in windows-1252, 0x80 → € in GBK.
    private static func fallback(for name: String) -> (UInt8) -> Unicode.Scalar? {
        switch name {
        case "windows-1252": return { byte in (0x80...0x9F).contains(byte) ? Unicode.Scalar(byte) : nil }
        case "gbk", "gb18030": return { byte in byte == 0x80 ? "\u{20AC}" : nil }
        default: return { _ in nil }
        }
    }

    /// Opens a converter to UTF-8 from the first iconv name the C library accepts.
    private static func openConverter(for name: String) -> iconv_t? {
        for candidate in iconvNames[name] ?? [] {
            guard let converter = iconv_open("UTF-8", candidate), converter != iconv_t(bitPattern: -1) else { continue }
            return converter
        }
        return nil
    }

    // MARK: - Tables

    /// Canonical name → iconv names to try, in order.
    private static let iconvNames: [String: [String]] = {
        var table: [String: [String]] = [
            "utf-8": ["UTF-8"], "utf-16le": ["UTF-16LE"], "utf-16be": ["UTF-16BE"], "utf-16": ["UTF-16LE"],
            "windows-1252": ["WINDOWS-1252", "CP1252"], "shift_jis": ["CP932", "WINDOWS-31J", "SHIFT_JIS"],
            "gbk": ["GB18030", "GBK"], "gb18030": ["GB18030"], "euc-jp": ["EUC-JP"], "iso-2022-jp": ["ISO-2022-JP"],
            "euc-kr": ["CP949", "EUC-KR"], "big5": ["BIG5", "BIG5-HKSCS"], "koi8-r": ["KOI8-R"], "koi8-u": ["KOI8-U"],
            "macintosh": ["MACINTOSH"], "windows-874": ["WINDOWS-874", "CP874"],
        ]
        for number in 1250...1258 where number != 1252 { table["windows-\(number)"] = ["WINDOWS-\(number)", "CP\(number)"] }
        for number in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] { table["iso-8859-\(number)"] = ["ISO-8859-\(number)"] }
        return table
    }()

    /// Other labels → canonical name (a subset of the WHATWG label table).
    private static let aliases: [String: String] = {
        var table: [String: String] = [:]
        func add(_ name: String, _ labels: [String]) { for label in labels { table[label] = name } }
        add("utf-8", ["utf8", "unicode-1-1-utf-8", "x-unicode20utf8"])
        add("utf-16le", ["unicode", "ucs-2", "csunicode", "iso-10646-ucs-2", "unicodefeff"])
        add("utf-16be", ["unicodefffe"])
        add("windows-1252", ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "iso-ir-100", "cp819", "ibm819",
                             "csisolatin1", "us-ascii", "ascii", "ansi_x3.4-1968", "cp1252", "x-cp1252"])
        add("shift_jis", ["sjis", "shift-jis", "ms_kanji", "ms932", "x-sjis", "windows-31j", "csshiftjis", "cp932"])
        add("gbk", ["gb2312", "gb_2312", "gb_2312-80", "x-gbk", "chinese", "csgb2312", "iso-ir-58", "cp936"])
        add("euc-jp", ["x-euc-jp", "cseucpkdfmtjapanese"])
        add("euc-kr", ["cp949", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "windows-949", "korean"])
        add("big5", ["big5-hkscs", "cn-big5", "x-x-big5", "csbig5"])
        add("koi8-r", ["koi8", "koi", "cskoi8r", "koi8_r"])
        add("windows-1254", ["iso-8859-9", "iso8859-9", "latin5", "l5"])
        add("windows-874", ["iso-8859-11", "tis-620", "dos-874"])
        add("macintosh", ["mac", "x-mac-roman", "csmacintosh"])
        for number in 1250...1258 { table["cp\(number)"] = "windows-\(number)"; table["x-cp\(number)"] = "windows-\(number)" }
        for number in [2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16] {
            table["iso8859-\(number)"] = "iso-8859-\(number)"; table["iso_8859-\(number)"] = "iso-8859-\(number)"
        }
        table["latin9"] = "iso-8859-15"; table["latin2"] = "iso-8859-2"
        return table
    }()
}
