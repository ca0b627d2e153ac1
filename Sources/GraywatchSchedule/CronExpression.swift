/// A parse error: where in the expression (1-based column, counting characters) and what is wrong.
public struct CronError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The 1-based column (in characters) of the offending token.
    public var column: Int
    /// What is wrong, in words.
    public var message: String
    /// Creates an error at `column` with `message`.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }
    /// "column N: message".
    public var description: String { "column \(column): \(message)" }
}

/// A five-field cron schedule (POSIX crontab(5) with the Vixie/cronie extensions).
///
/// Fields: minute (0-59), hour (0-23), day of month (1-31), month (1-12 or JAN-DEC) and day of week
/// (0-7 or SUN-SAT; 0 and 7 are Sunday); names are case-insensitive. Each field is a comma list of
/// `*`, `n`, `a-b`, `*/s`, `a-b/s` or `a/s` (which means `a-max/s`, as in cronie). The macros `@yearly`
/// (`@annually`), `@monthly`, `@weekly`, `@daily` (`@midnight`) and `@hourly` are accepted; `@reboot` is not.
///
/// Day matching follows Vixie cron: when both the day-of-month and day-of-week fields are restricted
/// (neither starts with `*`), a day matches if *either* matches; otherwise both must match.
/// So `0 0 13 * FRI` fires on every 13th and on every Friday, while `0 0 */2 * FRI` fires on odd-dated Fridays.
///
/// Two expressions are equal when their source texts are equal. `next(after:in:)` documents the DST rules:
/// in a spring-forward gap a skipped fixed time fires once right after the gap; in a fall-back overlap a
/// fixed time fires only at its first occurrence, while wildcard/stepped times fire at every real occurrence.
public struct CronExpression: Sendable, Equatable, CustomStringConvertible {
    private let source: String
    let minutes: CronBits
    let hours: CronBits
    let daysOfMonth: CronBits
    let months: CronBits
    /// Days of the week, 0 = Sunday ... 6 = Saturday (a 7 in the source is folded into 0).
    let daysOfWeek: CronBits
    /// Whether the day-of-month field starts with `*` (Vixie's DOM_STAR).
    let dayOfMonthIsStar: Bool
    /// Whether the day-of-week field starts with `*` (Vixie's DOW_STAR).
    let dayOfWeekIsStar: Bool
    /// Whether both the minute and hour fields are fixed values (numbers, ranges or lists; no `*` and no `/`).
    let hasFixedTime: Bool

    /// The source text, exactly as given.
    public var description: String { source }

    /// Parses a cron expression; throws a `CronError` pointing at the offending column.
    public init(_ text: String) throws(CronError) {
        source = text
        let chars = Array(text)
        var fields: [(chars: [Character], column: Int)] = []
        var index = 0
        while index < chars.count {
            if chars[index] == " " || chars[index] == "\t" { index += 1; continue }
            let start = index
            while index < chars.count, chars[index] != " ", chars[index] != "\t" { index += 1 }
            fields.append((Array(chars[start..<index]), start + 1))
        }
        if let first = fields.first, first.chars.first == "@" {
            if fields.count > 1 {
                throw CronError(column: fields[1].column, message: "unexpected text after macro \(String(first.chars))")
            }
            fields = try Self.expand(macro: String(first.chars), column: first.column)
        }
        guard !fields.isEmpty else {
            throw CronError(column: 1, message: "empty expression; expected 5 fields (minute hour day-of-month month day-of-week)")
        }
        guard fields.count >= 5 else {
            throw CronError(column: chars.count + 1, message: "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)")
        }
        guard fields.count == 5 else {
            throw CronError(column: fields[5].column, message: "unexpected 6th field; expected exactly 5")
        }
        let specs = CronFieldSpec.all
        var bits: [CronBits] = []
        for (field, spec) in zip(fields, specs) {
            bits.append(try Self.parseField(field.chars, column: field.column, spec: spec))
        }
        var weekdays = bits[4]
        if weekdays.contains(7) { weekdays.raw = (weekdays.raw | 1) & ~(1 << 7) }
        (minutes, hours, daysOfMonth, months, daysOfWeek) = (bits[0], bits[1], bits[2], bits[3], weekdays)
        dayOfMonthIsStar = fields[2].chars.first == "*"
        dayOfWeekIsStar = fields[4].chars.first == "*"
        hasFixedTime = fields[0...1].allSatisfy { !$0.chars.contains("*") && !$0.chars.contains("/") }
    }

    /// Expands a macro into its five fields.
    private static func expand(macro: String, column: Int) throws(CronError) -> [(chars: [Character], column: Int)] {
        let expansion: String
        switch macro.lowercased() {
        case "@yearly", "@annually": expansion = "0 0 1 1 *"
        case "@monthly": expansion = "0 0 1 * *"
        case "@weekly": expansion = "0 0 * * 0"
        case "@daily", "@midnight": expansion = "0 0 * * *"
        case "@hourly": expansion = "0 * * * *"
        case "@reboot": throw CronError(column: column, message: "@reboot has no meaning for a scheduler")
        default: throw CronError(column: column, message: "unknown macro \(macro)")
        }
        return expansion.split(separator: " ").map { (Array($0), column) }
    }

    /// Parses one field (a comma list of elements) into the set of values it allows.
    private static func parseField(_ chars: [Character], column: Int, spec: CronFieldSpec) throws(CronError) -> CronBits {
        var result = CronBits(raw: 0)
        var start = 0
        for end in 0...chars.count where end == chars.count || chars[end] == "," {
            guard end > start else { throw CronError(column: column + start, message: "empty list element in the \(spec.name) field") }
            result.raw |= try parseElement(Array(chars[start..<end]), column: column + start, spec: spec).raw
            start = end + 1
        }
        return result
    }

    /// Parses `*`, `n`, `a-b`, each optionally followed by `/step`.
    private static func parseElement(_ c: [Character], column: Int, spec: CronFieldSpec) throws(CronError) -> CronBits {
        var p = 0
        var low = spec.min, high = spec.max
        if c[p] == "*" {
            p += 1
        } else {
            low = try value(c, &p, column: column, spec: spec)
            high = low
            if p < c.count, c[p] == "-" {
                p += 1
                high = try value(c, &p, column: column, spec: spec)
                guard high >= low else {
                    throw CronError(column: column, message: "reversed range \(String(c[0..<p])) in the \(spec.name) field")
                }
            }
        }
        var step = 1
        if p < c.count, c[p] == "/" {
            p += 1
            let stepColumn = column + p
            guard p < c.count, c[p].isASCII, c[p].isNumber else {
                throw CronError(column: stepColumn, message: "expected a step number after '/'")
            }
            step = digits(c, &p)
            guard step > 0 else { throw CronError(column: stepColumn, message: "step must be at least 1") }
            guard step <= spec.max - spec.min + 1 else {
                throw CronError(column: stepColumn, message: "step \(step) is larger than the \(spec.name) range \(spec.min)-\(spec.max)")
            }
            if c[0] != "*", !c[0..<p].contains("-") { high = spec.max }
        }
        guard p == c.count else { throw CronError(column: column + p, message: "unexpected character \(quoted(c[p])) in the \(spec.name) field") }
        var bits = CronBits(raw: 0)
        for v in stride(from: low, through: high, by: step) { bits.raw |= 1 << UInt64(v) }
        return bits
    }

    /// Reads a number or a name at `p` and checks it against the field's range.
    private static func value(_ c: [Character], _ p: inout Int, column: Int, spec: CronFieldSpec) throws(CronError) -> Int {
        let start = p
        guard p < c.count else { throw CronError(column: column + p, message: "expected a value in the \(spec.name) field") }
        if c[p].isASCII, c[p].isNumber {
            let number = digits(c, &p)
            guard (spec.min...spec.max).contains(number) else {
                throw CronError(column: column + start, message: "\(String(c[start..<p])) is out of range for the \(spec.name) field (\(spec.min)-\(spec.max))")
            }
            return number
        }
        guard c[p].isASCII, c[p].isLetter else {
            throw CronError(column: column + p, message: "unexpected character \(quoted(c[p])) in the \(spec.name) field")
        }
        while p < c.count, c[p].isASCII, c[p].isLetter { p += 1 }
        let name = String(c[start..<p])
        guard let index = spec.names.firstIndex(of: name.uppercased()) else {
            throw CronError(column: column + start, message: "unknown name '\(name)' in the \(spec.name) field")
        }
        return spec.nameBase + index
    }

    /// `'x'` for a printable character, `U+000A` for a control or space character.
    private static func quoted(_ character: Character) -> String {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.count == 1, first.properties.generalCategory == .control
            || first.properties.isWhitespace else { return "'\(character)'" }
        let hex = String(first.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }

    /// Reads decimal digits at `p`; values too long to matter saturate at Int.max.
    private static func digits(_ c: [Character], _ p: inout Int) -> Int {
        var number = 0
        while p < c.count, c[p].isASCII, let digit = c[p].wholeNumberValue {
            number = number > 1_000_000 ? Int.max : number * 10 + digit
            p += 1
        }
        return number
    }
}

/// The range and names of one cron field.
struct CronFieldSpec: Sendable {
    let name: String
    let min: Int
    let max: Int
    let names: [String]
    let nameBase: Int

    /// The five fields in order.
    static let all: [CronFieldSpec] = [
        CronFieldSpec(name: "minute", min: 0, max: 59, names: [], nameBase: 0),
        CronFieldSpec(name: "hour", min: 0, max: 23, names: [], nameBase: 0),
        CronFieldSpec(name: "day-of-month", min: 1, max: 31, names: [], nameBase: 1),
        CronFieldSpec(name: "month", min: 1, max: 12,
                      names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], nameBase: 1),
        CronFieldSpec(name: "day-of-week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], nameBase: 0),
    ]
}

/// A set of small non-negative integers (0...63) as a bit mask.
struct CronBits: Sendable, Equatable {
    var raw: UInt64

    /// Whether `value` is in the set.
    func contains(_ value: Int) -> Bool { value >= 0 && value < 64 && raw & (1 << UInt64(value)) != 0 }

    /// The smallest member that is at least `value`, if any.
    func next(atLeast value: Int) -> Int? {
        guard value < 64 else { return nil }
        let masked = raw & (~0 << UInt64(Swift.max(value, 0)))
        return masked == 0 ? nil : masked.trailingZeroBitCount
    }
}
