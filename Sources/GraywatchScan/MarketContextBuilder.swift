import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchStore

/// Gathers what the market knows about a listing: the catalog list price (US dollars; listings in other
/// currencies get none, as no exchange rate is assumed), the median of other listings in the store, and the
/// other listings that show the same serial number.
public struct MarketContextBuilder: Sendable {
    public let catalog: Catalog
    public let store: Store?
    public let minimumSamples: Int
    /// Market prices read so far, when the builder serves one scoring pass (the store's prices do not change
    /// while a pass scores): each SKU, condition and currency is read once, not once per listing.
    let cache: MarketPriceCache?

    public init(catalog: Catalog, store: Store?, minimumSamples: Int = 3, cachingPrices: Bool = false) {
        self.catalog = catalog
        self.store = store
        self.minimumSamples = minimumSamples
        cache = cachingPrices ? MarketPriceCache() : nil
    }

    /// The context of a listing; `ref` is its row in the store (excluded from the median and the clones).
    public func context(for listing: Listing, ref: Int64?) throws -> MarketContext {
        var context = MarketContext()
        if let sku = listing.primarySKU, let entry = catalog.entry(matching: sku), let price = entry.listPriceUSD,
            listing.price?.currency == "USD"
        {
            context.listPrice = ReferencePrice(price: Price(amount: price, currency: "USD"), source: .catalog,
                                               sampleCount: 1, sku: entry.partNumber)
        }
        if let store {
            context.marketMedian = try median(listing, condition: listing.condition, excluding: ref ?? -1, store: store)
            context.serialClones = try store.serialClones(of: listing, excluding: ref ?? -1)
            context.newMarketMedian = listing.condition == .new
                ? context.marketMedian
                : try median(listing, condition: .new, excluding: ref ?? -1, store: store)
        }
        return context
    }

    private func median(_ listing: Listing, condition: Condition, excluding ref: Int64, store: Store) throws -> ReferencePrice? {
        guard let cache else {
            return try store.marketReference(for: listing, excluding: ref, minimumSamples: minimumSamples, condition: condition)
        }
        guard let sku = listing.primarySKU, let currency = listing.price?.currency else { return nil }
        let prices = try cache.prices(MarketPriceCache.Key(sku: sku, condition: condition, currency: currency)) {
            try store.marketPrices(sku: sku, condition: condition, currency: currency)
        }
        return prices.median(excluding: ref, minimumSamples: minimumSamples)
    }
}

/// Market prices by SKU, condition and currency, read once per scoring pass.
final class MarketPriceCache: @unchecked Sendable {
    struct Key: Hashable {
        var sku: String
        var condition: Condition
        var currency: String
    }

    private let lock = NSLock()
    private var prices: [Key: MarketPrices] = [:]

    func prices(_ key: Key, read: () throws -> MarketPrices) throws -> MarketPrices {
        if let known = lock.withLock({ prices[key] }) { return known }
        let fresh = try read()
        lock.withLock { prices[key] = fresh }
        return fresh
    }
}
