import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchFetch
import GraywatchParse

/// One input through the parsers that read hostile text outside the page pipeline's usual shapes.
///
/// Prices (PriceParser in every mode, PriceFinder), identifiers (IdentifierScanner, SKUMatcher) and claims
/// (ClaimExtractor) over each listing field, condition normalizing, robots.txt (Robots, with paths taken from the
/// input), charset sniffing (TextDecoder's meta prescan) and text normalizing. Spans are checked with ``Invariants``.
public enum TextParsers {
    public static func run(_ bytes: UnsafeBufferPointer<UInt8>, environment: FuzzEnvironment = .shared) {
        let data = Data(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let hint = text.split(separator: "\n", maxSplits: 1).first.map(String.init)

        _ = PriceParser.parse(text)
        _ = PriceParser.parse(text, hint: hint, decimalSeparator: ",", defaultCurrency: "EUR")
        _ = PriceParser.parse(text, hint: nil, decimalSeparator: ".", defaultCurrency: hint)
        _ = PriceParser.parse(amount: text, currency: hint ?? "USD")
        _ = PriceParser.currency(in: text)
        _ = PriceParser.amount(in: text)
        for found in PriceFinder.prices(in: text) {
            Invariants.check(start: found.start, length: found.length, quotes: found.text, in: text, what: "price \(found.price)")
        }

        let scanner = IdentifierScanner(catalog: environment.enricher.catalog)
        let matcher = SKUMatcher(catalog: environment.enricher.catalog)
        let claims = ClaimExtractor()
        for field in ListingField.allCases {
            for identifier in scanner.identifiers(in: text, field: field) + matcher.identifiers(in: text, field: field) {
                Invariants.check(start: identifier.span.start, length: identifier.span.length, quotes: identifier.raw,
                                 in: text, what: "identifier \(identifier.normalized)")
            }
            for claim in claims.claims(in: text, field: field) {
                guard let span = claim.span else { continue }
                Invariants.check(start: span.start, length: span.length, quotes: claim.text, in: text, what: "claim \(claim.value)")
            }
        }
        _ = ConditionNormalizer.normalize(text)
        _ = ConditionNormalizer.normalize(hint)

        let robots = Robots(data: data, productToken: "graywatch")
        for line in text.split(separator: "\n").prefix(16) {
            _ = robots.allows(String(line))
        }
        _ = robots.allows("/itm/310000000005?hash=x")
        _ = PercentEncoding.normalize(text)

        _ = TextDecoder.charset(inMeta: data)
        _ = TextDecoder.charset(inContentType: text)
        _ = TextDecoder.detectedCharset(data, contentType: hint)
        _ = TextNormalizer.collapse(text)
        _ = TextNormalizer.singleLine(TextNormalizer.stripInvisible(text))
    }
}
