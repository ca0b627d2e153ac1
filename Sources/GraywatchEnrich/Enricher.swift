import GraywatchCore

/// Step 5 of the pipeline: adds identifiers and claims to an extracted listing.
public struct Enricher: Sendable {
    public let catalog: Catalog
    let matcher: SKUMatcher

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.matcher = SKUMatcher(catalog: catalog)
    }

    /// Fills in the normalized condition, the catalog identifiers (item specifics first, then title, then
    /// description) and the claims the listing makes.
    public func enrich(_ input: Listing) -> Listing {
        var listing = input
        if listing.condition == .unknown { listing.condition = ConditionNormalizer.normalize(listing.conditionRaw) }
        listing.identifiers = [ListingField.specifics, .title, .description].flatMap {
            matcher.identifiers(in: listing.text(of: $0), field: $0)
        }
        var claims: [Claim] = []
        if let raw = listing.conditionRaw {
            claims.append(Claim(kind: .condition, value: listing.condition.rawValue, text: raw))
        }
        if let presented = Presentation.juniperClaim(for: listing, catalog: catalog) { claims.append(presented) }
        listing.claims = claims
        return listing
    }
}
