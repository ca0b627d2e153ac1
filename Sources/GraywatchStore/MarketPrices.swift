import Foundation
import GraywatchCore

/// The prices of the listings of one primary SKU, condition and currency: the sample a market median is taken
/// from. Read once per scoring pass and asked for each listing's median without that listing itself.
public struct MarketPrices: Sendable {
    public let sku: String
    public let currency: String
    /// Ascending.
    let amounts: [Decimal]
    let amountByListing: [Int64: Decimal]

    init(sku: String, currency: String, rows: [(id: Int64, amount: Decimal)]) {
        self.sku = sku
        self.currency = currency
        amounts = rows.map(\.amount).sorted()
        amountByListing = Dictionary(rows.map { ($0.id, $0.amount) }, uniquingKeysWith: { first, _ in first })
    }

    /// The median of the others' prices (the listing `id` left out), when at least `minimumSamples` remain.
    public func median(excluding id: Int64, minimumSamples: Int) -> ReferencePrice? {
        // The sample without the listing's own price: position `removed` skipped, nothing copied.
        let removed = amountByListing[id].flatMap { Self.index(of: $0, in: amounts) }
        let count = amounts.count - (removed == nil ? 0 : 1)
        guard count >= max(1, minimumSamples) else { return nil }
        func at(_ position: Int) -> Decimal { amounts[removed.map { position >= $0 ? position + 1 : position } ?? position] }
        let middle = count / 2
        let median = count % 2 == 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2
        return ReferencePrice(price: Price(amount: median, currency: currency), source: .marketMedian,
                              sampleCount: count, sku: sku)
    }

    /// Binary search for one occurrence of `value` in ascending `values`.
    static func index(of value: Decimal, in values: [Decimal]) -> Int? {
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            if values[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < values.count && values[low] == value ? low : nil
    }
}
