import Foundation

/// A price as an exact decimal amount and an ISO 4217 currency code.
public struct Price: Sendable, Codable, Equatable, CustomStringConvertible {
    public var amount: Decimal
    /// ISO 4217 code, e.g. `USD`.
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount as plain decimal text with a dot separator ("1299.99"), for storage and JSON.
    public var amountText: String {
        NSDecimalNumber(decimal: amount).stringValue
    }

    public var description: String {
        "\(currency) \(Price.format(amount))"
    }

    /// Formats an amount with two decimals and thousands separators ("3,950.00").
    public static func format(_ amount: Decimal) -> String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        let text = NSDecimalNumber(decimal: rounded).stringValue
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        let negative = whole.hasPrefix("-")
        if negative { whole.removeFirst() }
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var grouped = ""
        for (index, character) in whole.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return (negative ? "-" : "") + String(grouped.reversed()) + "." + fraction
    }
}
