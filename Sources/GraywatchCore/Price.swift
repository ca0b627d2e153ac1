import Foundation

/// A price as an exact decimal amount and an ISO 4217 currency code.
public struct Price: Sendable, Codable, Equatable, CustomStringConvertible {
    /// The amount; for a range ("US $10.50 - 12.00") its low end.
    public var amount: Decimal
    /// ISO 4217 code, e.g. `USD`.
    public var currency: String
    /// The high end of a price range, when the page gave one.
    public var upperAmount: Decimal?
    /// The unit a per-unit price is for ("piece", "pair", "lot"), when the page said.
    public var unit: String?

    public init(amount: Decimal, currency: String, upperAmount: Decimal? = nil, unit: String? = nil) {
        self.amount = amount
        self.currency = currency
        self.upperAmount = upperAmount
        self.unit = unit
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
