import Foundation

/// Writes RFC 4180 CSV that is safe to open in a spreadsheet.
///
/// - Every line, the last included, ends with CRLF.
/// - A field containing a comma, a double quote, CR or LF is wrapped in double quotes, with
///   each inner double quote doubled.
/// - Formula injection (OWASP "CSV Injection"): before quoting, every cell (header cells too)
///   goes through `neutralize(_:)`.
/// - `nil` cells are written as empty fields; a row shorter than the header is padded with empty
///   fields; a longer row is written in full (nothing is dropped).
/// - With `byteOrderMark`, the output starts with U+FEFF (UTF-8 `EF BB BF`) so Excel reads the
///   file as UTF-8. `string()` and `data()` both include it.
public struct CSVWriter: Sendable {
    public let header: [String]
    public let byteOrderMark: Bool
    private var body: String

    public init(header: [String], byteOrderMark: Bool = false) {
        self.header = header
        self.byteOrderMark = byteOrderMark
        self.body = Self.line(header.map { Optional($0) }, width: header.count)
    }

    public mutating func append(_ row: [String?]) {
        body += Self.line(row, width: header.count)
    }

    public func string() -> String {
        byteOrderMark ? "\u{FEFF}" + body : body
    }

    public func data() -> Data {
        Data(string().utf8)
    }

    /// Prefixes `'` to a cell a spreadsheet could read as a formula: one whose first character is
    /// `=`, `+`, `-`, `@`, TAB or CR, or whose first character after leading white space
    /// (spaces, tabs, line breaks, other Unicode white space) is `=`, `+`, `-` or `@`.
    /// Everything else is returned unchanged. Note that negative numbers (`-5`) become text too,
    /// as OWASP recommends.
    public static func neutralize(_ cell: String) -> String {
        // Unicode scalars, not Characters: "\r\n" is a single Character in Swift.
        guard let first = cell.unicodeScalars.first else { return cell }
        if triggers.contains(first) || first == "\t" || first == "\r" { return "'" + cell }
        if let firstVisible = cell.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
           firstVisible != first, triggers.contains(firstVisible) {
            return "'" + cell
        }
        return cell
    }

    /// RFC 4180 field: neutralized, then quoted when it holds a comma, quote, CR or LF.
    public static func field(_ cell: String?) -> String {
        guard let cell else { return "" }
        let safe = neutralize(cell)
        let needsQuotes = safe.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return safe }
        // Doubled per scalar so a quote followed by a combining mark is doubled too.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in safe.unicodeScalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@"]

    private static func line(_ row: [String?], width: Int) -> String {
        var cells = row.map(field)
        if cells.count < width { cells += Array(repeating: "", count: width - cells.count) }
        return cells.joined(separator: ",") + "\r\n"
    }
}
