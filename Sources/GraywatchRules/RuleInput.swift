import GraywatchCore

/// What a rule set evaluates one listing against: the listing, its market context, its text prepared once, and
/// the rules already evaluated (for meta rules).
public struct RuleInput {
    public let listing: Listing
    public let market: MarketContext
    /// Rule id → the evidence it fired with (private rules included).
    var hits: [String: [Evidence]] = [:]
    private var fields: [ListingField: PhraseMatcher.FieldIndex] = [:]

    public init(listing: Listing, market: MarketContext) {
        self.listing = listing
        self.market = market
        for field in ListingField.allCases { fields[field] = PhraseMatcher.FieldIndex(listing.text(of: field)) }
    }

    func index(_ field: ListingField) -> PhraseMatcher.FieldIndex {
        fields[field] ?? PhraseMatcher.FieldIndex(listing.text(of: field))
    }
}
