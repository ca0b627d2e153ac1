import GraywatchCore

/// What a rule set evaluates one listing against: the listing, its market context, its text prepared once, and
/// the rules already evaluated (for meta rules).
public struct RuleInput {
    public let listing: Listing
    public let market: MarketContext
    /// Rule id → the evidence it fired with (private rules included).
    var hits: [String: [Evidence]] = [:]
    private let fields: [PhraseMatcher.FieldIndex]
    /// Every word of every field: a phrase whose first word is not here is skipped with one lookup.
    let allWords: Set<String>
    /// The `juniper-presented` claim, found once.
    let presentation: Claim?

    public init(listing: Listing, market: MarketContext) {
        self.listing = listing
        self.market = market
        fields = ListingField.allCases.map { PhraseMatcher.FieldIndex(listing.text(of: $0)) }
        allWords = Set(fields.flatMap(\.wordStarts.keys))
        presentation = listing.claims.first { $0.kind == .authenticity && $0.value == "juniper-presented" }
    }

    func index(_ field: ListingField) -> PhraseMatcher.FieldIndex {
        fields[RuleInput.ordinal(field)]
    }

    static func ordinal(_ field: ListingField) -> Int {
        switch field {
        case .title: return 0
        case .description: return 1
        case .condition: return 2
        case .specifics: return 3
        case .seller: return 4
        }
    }
}
