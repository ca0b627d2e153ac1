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

    public init(catalog: Catalog, store: Store?, minimumSamples: Int = 3) {
        self.catalog = catalog
        self.store = store
        self.minimumSamples = minimumSamples
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
            context.marketMedian = try store.marketReference(for: listing, excluding: ref ?? -1, minimumSamples: minimumSamples)
            context.serialClones = try store.serialClones(of: listing, excluding: ref ?? -1)
            context.newMarketMedian = listing.condition == .new
                ? context.marketMedian
                : try store.marketReference(for: listing, excluding: ref ?? -1, minimumSamples: minimumSamples, condition: .new)
        }
        return context
    }
}
