/// What the market knows about a listing's product, used by price rules.
public struct MarketContext: Sendable, Equatable {
    /// The catalog list price of the listing's SKU, when the catalog has one.
    public var listPrice: ReferencePrice?
    /// The median price of other listings of the same SKU, condition and currency (enough of them).
    public var marketMedian: ReferencePrice?
    /// The median price of other NEW listings of the same SKU and currency (what a working new unit fetches).
    public var newMarketMedian: ReferencePrice?
    /// Other listings in the store that show one of this listing's serial numbers.
    public var serialClones: [SerialClone]

    /// The reference price: the catalog list price when known, else the market median (labeling policy).
    public var referencePrice: ReferencePrice? { listPrice ?? marketMedian }

    public init(listPrice: ReferencePrice? = nil, marketMedian: ReferencePrice? = nil, serialClones: [SerialClone] = []) {
        self.listPrice = listPrice
        self.marketMedian = marketMedian
        self.serialClones = serialClones
        self.newMarketMedian = nil
    }

    /// A market context with just a reference price (market median unless it says catalog).
    public init(referencePrice: ReferencePrice?) {
        if referencePrice?.source == .catalog {
            self.init(listPrice: referencePrice)
        } else {
            self.init(marketMedian: referencePrice)
        }
    }
}

/// Another listing that shows the same serial number.
public struct SerialClone: Sendable, Equatable, Codable {
    public var serial: String
    public var marketplace: String
    public var listingID: String
    public var seller: String?
    public var url: String

    public init(serial: String, marketplace: String, listingID: String, seller: String?, url: String) {
        self.serial = serial
        self.marketplace = marketplace
        self.listingID = listingID
        self.seller = seller
        self.url = url
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
