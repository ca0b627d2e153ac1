import ArgumentParser
import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchScan

/// `graywatch inspect text`: the identifiers, claims and prices graywatch finds in a string, with spans.
struct InspectText: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Show the Juniper identifiers, claims and prices found in a piece of text, with their spans.",
        discussion: "Example: graywatch inspect text \"NEW sealed ex4300 48t, S/N PE3714100218, US $450\"")

    @Argument(help: "The text to read (as a listing's description).")
    var text: String

    @Option(help: "text or json.")
    var format: String = "text"

    @OptionGroup var rules: RulesOptions

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() async throws {
        let (_, catalog) = try rules.load()
        let identifiers = IdentifierScanner(catalog: catalog).identifiers(in: text, field: .description)
        let claims = ClaimExtractor().claims(in: text, field: .description)
        let prices = PriceFinder.prices(in: text)
        if format == "json" {
            let report = Report(
                identifiers: identifiers.map { .init(kind: $0.kind.rawValue, raw: $0.raw, normalized: $0.normalized,
                                                     qualifiers: $0.qualifiers, start: $0.span.start, length: $0.span.length) },
                claims: claims.map { .init(kind: $0.kind.rawValue, value: $0.value, text: $0.text,
                                           start: $0.span?.start, length: $0.span?.length) },
                prices: prices.map { .init(amount: $0.price.amountText, currency: $0.price.currency, text: $0.text,
                                           start: $0.start, length: $0.length) })
            print(try JSONOutput.string(report))
            return
        }
        print("Identifiers:" + (identifiers.isEmpty ? " none" : ""))
        for item in identifiers {
            let qualifiers = item.qualifiers.isEmpty ? "" : " (\(item.qualifiers.joined(separator: ", ")))"
            print("  \(item.kind.rawValue) \(item.normalized)\(qualifiers) ← \"\(LogSafe.text(item.raw))\" at \(item.span.start)+\(item.span.length)")
        }
        print("Claims:" + (claims.isEmpty ? " none" : ""))
        for claim in claims {
            let at = claim.span.map { " at \($0.start)+\($0.length)" } ?? ""
            print("  \(claim.kind.rawValue) \(claim.value) ← \"\(LogSafe.text(claim.text))\"\(at)")
        }
        print("Prices:" + (prices.isEmpty ? " none" : ""))
        for price in prices {
            print("  \(price.price) ← \"\(LogSafe.text(price.text))\" at \(price.start)+\(price.length)")
        }
    }

    struct Report: Encodable {
        struct IdentifierJSON: Encodable { var kind, raw, normalized: String; var qualifiers: [String]; var start, length: Int }
        struct ClaimJSON: Encodable { var kind, value, text: String; var start, length: Int? }
        struct PriceJSON: Encodable { var amount, currency, text: String; var start, length: Int }
        var identifiers: [IdentifierJSON]
        var claims: [ClaimJSON]
        var prices: [PriceJSON]
    }
}

/// `graywatch inspect price`: how graywatch reads one displayed price.
struct InspectPrice: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price",
        abstract: "Parse one displayed price into an exact amount and an ISO 4217 currency.",
        discussion: """
            Example: graywatch inspect price "1.234,56 €" --format json   →  {"amount": "1234.56", "currency": "EUR"}
            Example: graywatch inspect price "1.299" --hint "Preis (EUR)" --decimal-separator ,
            """)

    @Argument(help: "The price as displayed.")
    var text: String

    @Option(help: "Nearby text naming the currency (a column label, the site's currency).")
    var hint: String?

    @Option(help: "The site's decimal separator, \".\" or \",\", for ambiguous numbers.")
    var decimalSeparator: String?

    @Option(help: "text or json.")
    var format: String = "text"

    func validate() throws {
        if let decimalSeparator, decimalSeparator != ".", decimalSeparator != "," {
            throw ValidationError("--decimal-separator must be \".\" or \",\"")
        }
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() async throws {
        let price = PriceParser.parse(text, hint: hint, decimalSeparator: decimalSeparator?.first, defaultCurrency: nil)
        if format == "json" {
            struct Output: Encodable { var amount: String?; var currency: String? }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try encoder.encode(Output(amount: price?.amountText, currency: price?.currency))
            // Keep explicit nulls: {"amount": null, "currency": null}.
            var json = String(decoding: data, as: UTF8.self)
            if price == nil { json = #"{"amount":null,"currency":null}"# }
            print(json)
        } else if let price {
            print("\(price.amountText) \(price.currency)" + (price.upperAmount.map { " (up to \(NSDecimalNumber(decimal: $0).stringValue))" } ?? "")
                  + (price.unit.map { " per \($0)" } ?? ""))
        } else {
            print("no price")
        }
    }
}
