import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchRules

/// Runs the `examples` written inside rule files: each is turned into a listing, enriched like a scanned one,
/// and the rule must fire (match) or stay silent (no_match).
public struct RuleExampleRunner: Sendable {
    public let rules: RuleSet
    public let enricher: Enricher

    public init(rules: RuleSet, catalog: Catalog) {
        self.rules = rules
        self.enricher = Enricher(catalog: catalog)
    }

    /// One example that did not do what it says.
    public struct Failure: Sendable, CustomStringConvertible {
        public var location: SourceLocation
        public var ruleID: String
        public var message: String
        public var description: String { "\(location): rule '\(ruleID)': \(message)" }
    }

    /// How many examples ran, and the ones that failed.
    public func run() -> (count: Int, failures: [Failure]) {
        var count = 0
        var failures: [Failure] = []
        for rule in rules.rules {
            for example in rule.examples {
                count += 1
                let (listing, market) = build(example)
                let fired = rules.hits(listing, context: market).contains(rule.id)
                if fired != example.mustMatch {
                    let title = example.fields["title"].map { " (\"\($0)\")" } ?? ""
                    failures.append(Failure(
                        location: example.location, ruleID: rule.id,
                        message: example.mustMatch ? "example should match but did not\(title)" : "example should not match but did\(title)"))
                }
            }
        }
        return (count, failures)
    }

    /// The listing and market context an example describes.
    public func build(_ example: RuleExample) -> (Listing, MarketContext) {
        let fields = example.fields
        var listing = Listing(marketplace: "example", listingID: "example", url: "https://example.invalid/itm/1",
                              title: fields["title"] ?? "")
        listing.description = fields["description"] ?? ""
        if let condition = fields["condition"] {
            listing.conditionRaw = condition
            listing.condition = Condition(rawValue: condition) ?? ConditionNormalizer.normalize(condition)
        }
        listing.price = fields["price"].flatMap { PriceParser.parse($0) }
        listing.quantityAvailable = fields["quantity"].flatMap { Int($0) }
        listing.seller = Seller(
            name: fields["seller"], feedbackScore: fields["seller_feedback"].flatMap { Int($0) },
            location: fields["seller_location"], feedbackPercent: fields["seller_feedback_percent"].flatMap { Double($0) },
            memberSince: fields["member_since"])
        var specifics = example.specifics.sorted { $0.key < $1.key }.map { Specific(label: $0.key, value: $0.value) }
        if let brand = fields["brand"] { specifics.insert(Specific(label: "Brand", value: brand), at: 0) }
        if let mpn = fields["mpn"] { specifics.append(Specific(label: "MPN", value: mpn)) }
        listing.specifics = specifics
        listing = enricher.enrich(listing)
        let sku = listing.primarySKU ?? "the SKU"
        var market = MarketContext(
            listPrice: fields["list_price"].flatMap { PriceParser.parse($0) }
                .map { ReferencePrice(price: $0, source: .catalog, sampleCount: 1, sku: sku) },
            marketMedian: fields["reference"].flatMap { PriceParser.parse($0) }
                .map { ReferencePrice(price: $0, source: .marketMedian, sampleCount: 3, sku: sku) },
            serialClones: (0..<(fields["serial_clones"].flatMap { Int($0) } ?? 0)).map {
                SerialClone(serial: "example", marketplace: "example", listingID: "clone-\($0)", seller: "other-\($0)",
                            url: "https://example.invalid/itm/clone-\($0)")
            })
        market.newMarketMedian = fields["new_price"].flatMap { PriceParser.parse($0) }
            .map { ReferencePrice(price: $0, source: .marketMedian, sampleCount: 3, sku: sku) }
        return (listing, market)
    }
}
