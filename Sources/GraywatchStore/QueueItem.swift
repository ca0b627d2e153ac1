import GraywatchCore

/// One row of the review queue, as listed.
public struct QueueEntry: Sendable, Codable, Equatable {
    public var id: Int64
    public var score: Int
    /// Ranked, highest total weight first.
    public var categories: [String]
    public var status: String
    public var marketplace: String
    public var listingID: String
    public var title: String
    public var price: String?
    public var condition: String
    public var sku: String?
    public var seller: String?
    public var url: String
    public var openedAt: String
    public var updatedAt: String
    public var assignee: String?

    public init(id: Int64, score: Int, categories: [String], status: String, marketplace: String, listingID: String,
                title: String, price: String?, condition: String, sku: String?, seller: String?, url: String,
                openedAt: String, updatedAt: String, assignee: String?) {
        self.id = id
        self.score = score
        self.categories = categories
        self.status = status
        self.marketplace = marketplace
        self.listingID = listingID
        self.title = title
        self.price = price
        self.condition = condition
        self.sku = sku
        self.seller = seller
        self.url = url
        self.openedAt = openedAt
        self.updatedAt = updatedAt
        self.assignee = assignee
    }
}

/// A queue item with everything `queue show` prints.
public struct QueueItemDetail: Sendable, Codable {
    public var entry: QueueEntry
    /// The listing's row id (observations, serial clones and market prices are looked up by it).
    public var listingRef: Int64
    public var listing: Listing
    public var findings: [StoredFinding]
}

/// A finding as stored: the rule, its category and weight, and the evidence.
public struct StoredFinding: Sendable, Codable, Equatable {
    public var ruleID: String
    public var category: String
    public var weight: Int
    public var evidence: [Evidence]
    public var foundAt: String
}

/// What saving an assessment did to the queue.
public enum QueueOutcome: Sendable, Equatable {
    /// A new review item was opened.
    case opened(Int64)
    /// The listing's existing review item was updated.
    case updated(Int64)
    /// Below the threshold and not in the queue.
    case notQueued
}
