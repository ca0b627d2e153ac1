import GraywatchCore

/// Upper bounds on what one field of an extracted listing holds, so that a hostile page (a 1 MB attribute, a
/// description of several megabytes) costs enrichment, rules and the store no more than a large real one.
///
/// Lengths count Unicode scalars. The raw page is kept whole as evidence; only the fields are cut.
public enum FieldLimits {
    /// The longest one-line field: title, price, seller, condition, an item-specifics label or value, an image URL.
    /// Marketplace titles are at most 80 (eBay) to 200 (Amazon) characters; a price never comes near it.
    public static let line = 1_000
    /// The longest description: eBay allows 500,000 characters including the markup, real ones are a few thousand.
    public static let description = 100_000
    /// The most item-specifics rows and image URLs kept.
    public static let rows = 200

    /// `text` cut to at most `limit` Unicode scalars.
    public static func cut(_ text: String, to limit: Int) -> String {
        var scalars = text.unicodeScalars.makeIterator()
        var kept = String.UnicodeScalarView()
        for _ in 0..<limit {
            guard let scalar = scalars.next() else { return text }
            kept.append(scalar)
        }
        return scalars.next() == nil ? text : String(kept)
    }

    /// The listing with every text field within its limit.
    public static func bound(_ listing: Listing) -> Listing {
        var bounded = listing
        func line(_ text: String?) -> String? { text.map { cut($0, to: FieldLimits.line) } }
        bounded.listingID = cut(listing.listingID, to: FieldLimits.line)
        bounded.title = cut(listing.title, to: FieldLimits.line)
        bounded.description = cut(listing.description, to: FieldLimits.description)
        bounded.conditionRaw = line(listing.conditionRaw)
        bounded.availability = line(listing.availability)
        bounded.siteSKU = line(listing.siteSKU)
        bounded.mpn = line(listing.mpn)
        bounded.gtin = line(listing.gtin)
        bounded.brand = line(listing.brand)
        bounded.seller.name = line(listing.seller.name)
        bounded.seller.location = line(listing.seller.location)
        bounded.seller.memberSince = line(listing.seller.memberSince)
        bounded.specifics = listing.specifics.prefix(rows).map {
            Specific(label: cut($0.label, to: FieldLimits.line), value: cut($0.value, to: FieldLimits.line))
        }
        bounded.imageURLs = listing.imageURLs.prefix(rows).filter { $0.unicodeScalars.count <= FieldLimits.line }
        return bounded
    }
}
