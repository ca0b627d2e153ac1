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

    /// The facts with every field within ``FieldLimits`` (a JSON-LD string or a meta tag can be megabytes long).
    var bounded: ProductFacts {
        var copy = self
        func line(_ text: String?) -> String? { text.map { FieldLimits.cut($0, to: FieldLimits.line) } }
        copy.name = line(name)
        copy.amount = line(amount)
        copy.highAmount = line(highAmount)
        copy.currency = line(currency)
        copy.priceText = line(priceText)
        copy.availability = line(availability)
        copy.condition = line(condition)
        copy.sku = line(sku)
        copy.mpn = line(mpn)
        copy.gtin = line(gtin)
        copy.brand = line(brand)
        copy.seller = line(seller)
        copy.description = description.map { FieldLimits.cut($0, to: FieldLimits.description) }
        copy.images = Array(images.prefix(FieldLimits.rows))
        return copy
    }

    var isEmpty: Bool { name == nil && amount == nil && priceText == nil && sku == nil && mpn == nil }
}
