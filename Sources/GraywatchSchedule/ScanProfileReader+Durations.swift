import Foundation
import Yams

/// A span of time written as `30m`, `12h`, `3d`, `1w` or a sum such as `1d12h`.
public struct ProfileDuration: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Whole seconds.
    public var seconds: Int
    /// The text as written.
    public var text: String

    public init(seconds: Int, text: String) {
        self.seconds = seconds
        self.text = text
    }

    public var description: String { text }

    /// Seconds per unit letter.
    static let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400, "w": 604_800]

    /// Parses one or more `<number><unit>` groups (units s, m, h, d, w); nil for anything else, zero, or overflow.
    public static func parse(_ text: String) -> ProfileDuration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var total = 0, digits = ""
        for character in trimmed {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else if let unit = units[character], let count = Int(digits) {
                let (product, overflowA) = count.multipliedReportingOverflow(by: unit)
                let (sum, overflowB) = total.addingReportingOverflow(product)
                guard !overflowA, !overflowB else { return nil }
                total = sum
                digits = ""
            } else {
                return nil
            }
        }
        guard digits.isEmpty, total > 0 else { return nil }
        return ProfileDuration(seconds: total, text: trimmed)
    }
}

extension ScanProfileReader {
    /// A duration string; a bare number is refused, since its unit would be a guess.
    func duration(_ node: Node, _ what: String) throws -> ProfileDuration {
        let text = try string(node, what)
        guard let parsed = ProfileDuration.parse(text) else {
            throw fail(node, "\(what) '\(text)' is not a duration (write a positive number with a unit: "
                + "30m, 12h, 3d, 1w, or a sum such as 1d12h)")
        }
        return parsed
    }
}
