/// What the market knows about a listing's product, used by price rules.
public struct MarketContext: Sendable, Equatable {
    /// The reference price for the listing's SKU and condition, when one is known.
    public var referencePrice: ReferencePrice?

    public init(referencePrice: ReferencePrice? = nil) {
        self.referencePrice = referencePrice
    }
}

/// A reference price and where it came from.
public struct ReferencePrice: Sendable, Equatable {
    public enum Source: String, Sendable {
        /// The catalog's list price.
        case catalog
        /// The median over other listings of the same SKU, condition and currency.
        case marketMedian = "market-median"
    }

    public var price: Price
    public var source: Source
    /// How many listings the median was taken over (1 for a catalog price).
    public var sampleCount: Int
    public var sku: String

    public init(price: Price, source: Source, sampleCount: Int, sku: String) {
        self.price = price
        self.source = source
        self.sampleCount = sampleCount
        self.sku = sku
    }
}
