import Foundation
import GraywatchCore

/// Parses displayed prices ("US $1,299.99", "£115", "1.234,56 €", "EUR 1 234,56") into an exact amount and ISO 4217 code.
///
/// Returns nil when no amount can be read (missing, "contact seller"): never a zero price by accident.
public enum PriceParser {
    /// Currency markers, longest first so "US $" wins over "$".
    static let markers: [(String, String)] = [
        ("US $", "USD"), ("US$", "USD"), ("USD", "USD"), ("C $", "CAD"), ("C$", "CAD"), ("CA$", "CAD"), ("CAD", "CAD"),
        ("AU $", "AUD"), ("AU$", "AUD"), ("A$", "AUD"), ("AUD", "AUD"), ("R$", "BRL"), ("BRL", "BRL"),
        ("GBP", "GBP"), ("£", "GBP"), ("EUR", "EUR"), ("€", "EUR"), ("JPY", "JPY"), ("CNY", "CNY"), ("RMB", "CNY"),
        ("CHF", "CHF"), ("PLN", "PLN"), ("zł", "PLN"), ("SEK", "SEK"), ("NOK", "NOK"), ("DKK", "DKK"), ("kr", "SEK"),
        ("INR", "INR"), ("₹", "INR"), ("¥", "JPY"), ("$", "USD"),
    ].sorted { $0.0.count > $1.0.count }

    /// Parses displayed price text; `defaultCurrency` applies when the text names none.
    public static func parse(_ text: String, defaultCurrency: String? = nil) -> Price? {
        guard let amount = amount(in: text) else { return nil }
        guard let currency = currency(in: text) ?? defaultCurrency else { return nil }
        return Price(amount: amount, currency: currency)
    }

    /// Builds a price from machine-readable parts (microdata `content` and `priceCurrency`).
    public static func parse(amount text: String, currency code: String) -> Price? {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isLetter }), let amount = amount(in: text) else { return nil }
        return Price(amount: amount, currency: code)
    }

    /// The ISO code of the first currency marker in the text.
    public static func currency(in text: String) -> String? {
        var best: (String.Index, String)? = nil
        for (marker, code) in markers {
            if let range = text.range(of: marker), best.map({ range.lowerBound < $0.0 }) ?? true {
                best = (range.lowerBound, code)
            }
        }
        return best?.1
    }

    /// The first number in the text, with the decimal separator worked out from its shape.
    public static func amount(in text: String) -> Decimal? {
        let characters = Array(text)
        guard let start = characters.firstIndex(where: \.isASCIIDigit) else { return nil }
        var end = start
        while end < characters.count {
            let character = characters[end]
            let joinsDigits = [",", ".", "'", " ", "\u{00A0}", "\u{202F}"].contains(character)
                && end + 1 < characters.count && characters[end + 1].isASCIIDigit
            guard character.isASCIIDigit || joinsDigits else { break }
            end += 1
        }
        var number = String(characters[start..<end]).filter { !["'", " ", "\u{00A0}", "\u{202F}"].contains($0) }
        let lastDot = number.lastIndex(of: "."), lastComma = number.lastIndex(of: ",")
        let decimalSeparator: Character?
        switch (lastDot, lastComma) {
        case let (dot?, comma?): decimalSeparator = dot > comma ? "." : ","
        case let (dot?, nil): decimalSeparator = isDecimal(number, at: dot) ? "." : nil
        case let (nil, comma?): decimalSeparator = isDecimal(number, at: comma) ? "," : nil
        default: decimalSeparator = nil
        }
        if let separator = decimalSeparator, let index = number.lastIndex(of: separator) {
            let whole = number[..<index].filter(\.isASCIIDigit)
            let fraction = number[number.index(after: index)...].filter(\.isASCIIDigit)
            number = whole + "." + fraction
        } else {
            number = number.filter(\.isASCIIDigit)
        }
        return Decimal(string: number, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// A lone separator is decimal unless exactly three digits follow it and it is not the only group ("1,299" is thousands).
    private static func isDecimal(_ number: String, at index: String.Index) -> Bool {
        let digitsAfter = number.distance(from: number.index(after: index), to: number.endIndex)
        let occurrences = number.filter { $0 == number[index] }.count
        return occurrences == 1 && digitsAfter != 3
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
