import Foundation
import GRDB
import GraywatchCore

/// One generated listing with its review item, for `Store.bulkInsertForBenchmark` (bench/queue-scale.sh).
public struct BenchmarkQueueItem: Sendable {
    public var listing: Listing
    public var score: Int
    /// Ranked, highest weight first (as `Assessment.rankedCategories`).
    public var categories: [Category]
    public var status: ReviewStatus
    public var assignee: String?
    public var openedAt: Date
    public var updatedAt: Date

    public init(listing: Listing, score: Int, categories: [Category], status: ReviewStatus, assignee: String?,
                openedAt: Date, updatedAt: Date) {
        self.listing = listing
        self.score = score
        self.categories = categories
        self.status = status
        self.assignee = assignee
        self.openedAt = openedAt
        self.updatedAt = updatedAt
    }
}

extension Store {
    /// Benchmark only: inserts `count` listings, each with a review item and its `review_category` rows, in one
    /// transaction through prepared statements. Saving through `upsert` + `save` costs a transaction (and a sync)
    /// per call, far too slow for a million rows; this writes the same rows, and the triggers (copied listing
    /// columns, `queue_count`, the full-text index) fire as they do for the scanner. Findings, observations,
    /// serials and the audit log are not written. Items get `status` and `assignee` directly, unaudited.
    public func bulkInsertForBenchmark(count: Int, item: (Int) -> BenchmarkQueueItem) throws(StoreError) {
        do {
            guard case .sqlite(let database) = backend else {
                throw SQLError(message: "the benchmark loader writes SQLite stores only", sql: "")
            }
            try database.writeWithoutTransaction { db in
                // For the load only (queries afterwards run with the store's own settings): a larger page cache, and
                // no statement journals (each INSERT that fires triggers otherwise writes one, spilled to a temp file):
                // OR ROLLBACK, which the trigger bodies inherit, makes any failure roll back the whole load instead.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                let tempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
                try db.execute(sql: "PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize); PRAGMA temp_store = \(tempStore)") }
                try db.inTransaction {
                    let listing = try db.makeStatement(sql: """
                        INSERT OR ROLLBACK INTO listing (marketplace, listing_id, url, title, price_amount, price_currency,
                            condition_raw, condition, quantity, seller_name, seller_feedback, seller_location, primary_sku,
                            listing_json, first_seen, last_seen)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    let marketplace = try db.makeStatement(sql: "INSERT OR IGNORE INTO marketplace (name, first_seen) VALUES (?, ?)")
                    let seller = try db.makeStatement(sql: """
                        INSERT INTO seller (marketplace, name, feedback_score, feedback_percent, location, member_since, first_seen, last_seen)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (marketplace, name) DO UPDATE SET last_seen = excluded.last_seen
                        """)
                    let review = try db.makeStatement(sql: """
                        INSERT OR ROLLBACK INTO review_item (listing_ref, score, categories, status, opened_at, updated_at, assignee)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """)
                    let category = try db.makeStatement(
                        sql: "INSERT OR ROLLBACK INTO review_category (review_ref, category) VALUES (?, ?)")
                    for index in 0..<count {
                        let generated = item(index)
                        let l = generated.listing
                        let opened = Store.timestamp(generated.openedAt)
                        let json = String(decoding: try Store.encoder.encode(l), as: UTF8.self)
                        try listing.execute(arguments: [
                            l.marketplace, l.listingID, l.url, l.title, l.price?.amountText, l.price?.currency, l.conditionRaw,
                            l.condition.rawValue, l.quantityAvailable, l.seller.name, l.seller.feedbackScore, l.seller.location,
                            l.primarySKU, json, opened, opened,
                        ])
                        let listingRef = db.lastInsertedRowID
                        try marketplace.execute(arguments: [l.marketplace, opened])
                        if let name = l.seller.name {
                            try seller.execute(arguments: [l.marketplace, name, l.seller.feedbackScore, l.seller.feedbackPercent,
                                                           l.seller.location, l.seller.memberSince, opened, opened])
                        }
                        try review.execute(arguments: [
                            listingRef, generated.score, generated.categories.map(\.rawValue).joined(separator: ","),
                            generated.status.rawValue, opened, Store.timestamp(generated.updatedAt), generated.assignee,
                        ])
                        let reviewRef = db.lastInsertedRowID
                        for name in Set(generated.categories.map(\.rawValue)) {
                            try category.execute(arguments: [reviewRef, name])
                        }
                    }
                    return .commit
                }
            }
        } catch {
            throw StoreError(operation: "bulk insert \(count) benchmark items", underlying: error)
        }
    }

    /// Benchmark only: gathers the query planner's statistics (`ANALYZE`), as a long-lived store would have them.
    public func analyzeForBenchmark() throws(StoreError) {
        try write("analyze") { db in try db.execute(sql: "ANALYZE") }
    }
}
