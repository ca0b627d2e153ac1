/// What a listing showed at one run of a profile: the fields whose change the profile reports.
public struct ListingSnapshot: Sendable, Codable, Equatable {
    public var title: String?
    public var price: String?
    public var currency: String?
    public var condition: String?
    public var quantity: Int?

    public init(title: String?, price: String?, currency: String?, condition: String?, quantity: Int?) {
        self.title = title
        self.price = price
        self.currency = currency
        self.condition = condition
        self.quantity = quantity
    }

    /// The names of the fields that differ from `other` (price and currency count as one field, price).
    public func changedFields(from other: ListingSnapshot) -> [String] {
        var fields: [String] = []
        if title != other.title { fields.append("title") }
        if price != other.price || currency != other.currency { fields.append("price") }
        if condition != other.condition { fields.append("condition") }
        if quantity != other.quantity { fields.append("quantity") }
        return fields
    }
}

/// How a listing differs from the last run of the same profile.
public struct ListingChange: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case new, changed, gone }
    public var kind: Kind
    public var listingRef: Int64
    public var marketplace: String
    public var listingID: String
    public var url: String
    /// For `changed`: which fields (title, price, condition, quantity; `returned` when a gone listing is back).
    public var fields: [String]
    public var before: ListingSnapshot?
    public var after: ListingSnapshot?
}

/// A profile run's incremental result.
public struct RunChanges: Sendable, Codable, Equatable {
    public var run: Int64
    public var changes: [ListingChange]

    public init(run: Int64, changes: [ListingChange]) {
        self.run = run
        self.changes = changes
    }

    public var new: [ListingChange] { changes.filter { $0.kind == .new } }
    public var changed: [ListingChange] { changes.filter { $0.kind == .changed } }
    public var gone: [ListingChange] { changes.filter { $0.kind == .gone } }
}
