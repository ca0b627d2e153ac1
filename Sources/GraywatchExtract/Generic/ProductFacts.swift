/// What one source (JSON-LD, microdata, OpenGraph, DOM) says about the product on a page.
struct ProductFacts {
    var name: String?
    var amount: String?
    var highAmount: String?
    var currency: String?
    var priceText: String?
    var availability: String?
    var condition: String?
    var sku: String?
    var mpn: String?
    var gtin: String?
    var brand: String?
    var seller: String?
    var description: String?
    var images: [String] = []

    /// Fills each missing field from `other` (earlier sources win).
    mutating func fill(from other: ProductFacts) {
        name = name ?? other.name
        if amount == nil && priceText == nil {
            amount = other.amount
            highAmount = other.highAmount
            priceText = other.priceText
        }
        currency = currency ?? other.currency
        availability = availability ?? other.availability
        condition = condition ?? other.condition
        sku = sku ?? other.sku
        mpn = mpn ?? other.mpn
        gtin = gtin ?? other.gtin
        brand = brand ?? other.brand
        seller = seller ?? other.seller
        description = description ?? other.description
        if images.isEmpty { images = other.images }
    }

    var isEmpty: Bool { name == nil && amount == nil && priceText == nil && sku == nil && mpn == nil }
}
