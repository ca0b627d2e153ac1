import Foundation
import GraywatchCore
import GraywatchEnrich

/// The market a fuzzed listing is scored against, chosen by bits 6–7 of the input's first byte.
///
/// The scanner's `MarketContextBuilder` needs a store; this builds the same shapes without one, so the price rules
/// (list-price, market-median and new-price ratios) and the serial-clone rule run on fuzzed prices too.
public enum MarketFixture: Int, Sendable, CaseIterable {
    /// No reference prices, no clones (`MarketContext()`).
    case none
    /// The catalog list price of the listing's SKU, for a US-dollar listing, as the scanner sets it.
    case catalog
    /// A market median and a new-unit median in the listing's own currency, and a clone of its first serial.
    case market
    /// References of one hundredth of a unit: the largest ratios a real price can reach.
    case tiny

    /// The fixture bits 6–7 of a selector byte name.
    public init(selector: UInt8) {
        self = MarketFixture(rawValue: Int(selector >> 6)) ?? .none
    }

    /// The context for an enriched listing.
    public func context(for listing: Listing, catalog: Catalog) -> MarketContext {
        var context = MarketContext()
        let sku = listing.primarySKU ?? "EX4300-48T"
        switch self {
        case .none:
            return context
        case .catalog:
            if let entry = catalog.entry(matching: sku), let price = entry.listPriceUSD, listing.price?.currency == "USD" {
                context.listPrice = ReferencePrice(price: Price(amount: price, currency: "USD"), source: .catalog,
                                                   sampleCount: 1, sku: entry.partNumber)
            }
        case .market, .tiny:
            let currency = listing.price?.currency ?? "USD"
            let amount = self == .tiny ? Decimal(string: "0.01")! : (catalog.entry(matching: sku)?.listPriceUSD ?? 1000)
            let median = ReferencePrice(price: Price(amount: amount, currency: currency), source: .marketMedian,
                                        sampleCount: 5, sku: sku)
            context.marketMedian = median
            context.newMarketMedian = median
            if let serial = listing.identifiers.first(where: { $0.kind == .serial }) {
                context.serialClones = [SerialClone(serial: serial.normalized, marketplace: "ebay", listingID: "1",
                                                    seller: "other", url: "https://www.ebay.com/itm/1")]
            }
        }
        return context
    }
}
