import GraywatchCore

/// Step 5 of the pipeline: adds identifiers and claims to an extracted listing.
public struct Enricher: Sendable {
    public let catalog: Catalog
    let scanner: IdentifierScanner
    let extractor = ClaimExtractor()

    public init(catalog: Catalog) {
        self.catalog = catalog
        self.scanner = IdentifierScanner(catalog: catalog)
    }

    /// Fills in the normalized condition, the identifiers and the claims the listing makes.
    ///
    /// Identifiers: the catalog SKUs first (item specifics, then title, then description, each in text order),
    /// then the serials, CLEI codes and assembly numbers in the same field order, so that the first identifier
    /// is a SKU whenever there is one. Claims: the site's condition and the `juniper-presented` claim (which
    /// the rules read), then every claim ``ClaimExtractor`` finds in the title, condition, specifics and description.
    public func enrich(_ input: Listing) -> Listing {
        var listing = input
        if listing.condition == .unknown { listing.condition = ConditionNormalizer.normalize(listing.conditionRaw) }
        let found = [ListingField.specifics, .title, .description].flatMap {
            scanner.identifiers(in: listing.text(of: $0), field: $0)
        }
        listing.identifiers = found.filter { $0.kind == .sku }.map(withCatalogFacts) + found.filter { $0.kind != .sku }
        var claims: [Claim] = []
        if let raw = listing.conditionRaw {
            claims.append(Claim(kind: .condition, value: listing.condition.rawValue, text: raw))
        }
        if let presented = Presentation.juniperClaim(for: listing, catalog: catalog) { claims.append(presented) }
        claims += extractor.claims(for: listing)
        listing.claims = claims
        return listing
    }

    /// Adds what the catalog knows to a SKU: `end-of-sale:<date>` when the product is end of sale.
    private func withCatalogFacts(_ identifier: Identifier) -> Identifier {
        guard let endOfSale = catalog.entry(matching: identifier.normalized)?.endOfSale,
            !identifier.qualifiers.contains(where: { $0.hasPrefix("end-of-sale") })
        else { return identifier }
        var copy = identifier
        copy.qualifiers.append("end-of-sale:\(endOfSale)")
        return copy
    }
}
