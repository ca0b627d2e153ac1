import Foundation
import GRDB
import GraywatchCore

extension Store {
    /// Replaces the listing's findings with this assessment's and opens or updates its review item when the
    /// score reaches `threshold`. An existing item keeps its status: the queue never holds a listing twice.
    @discardableResult
    public func save(_ assessment: Assessment, listingRef: Int64, threshold: Int, at date: Date = Date())
        throws(StoreError) -> QueueOutcome
    {
        let now = Store.timestamp(date)
        let categories = assessment.rankedCategories.map(\.rawValue).joined(separator: ",")
        return try write("save findings of listing \(listingRef)") { db in
            try db.execute(sql: "DELETE FROM finding WHERE listing_ref = ?", arguments: [listingRef])
            for finding in assessment.findings {
                let evidence = String(decoding: try Store.encoder.encode(finding.evidence), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO finding (listing_ref, rule_id, category, weight, evidence_json, found_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [listingRef, finding.ruleID, finding.category.rawValue, finding.weight, evidence, now])
            }
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM review_item WHERE listing_ref = ?",
                                                 arguments: [listingRef]) {
                try db.execute(sql: "UPDATE review_item SET score = ?, categories = ?, updated_at = ? WHERE id = ?",
                               arguments: [assessment.score, categories, now, existing])
                return .updated(existing)
            }
            guard assessment.score >= threshold, !assessment.findings.isEmpty else { return .notQueued }
            try db.execute(sql: """
                INSERT INTO review_item (listing_ref, score, categories, status, opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [listingRef, assessment.score, categories, ReviewStatus.new.rawValue, now, now])
            return .opened(db.lastInsertedRowID)
        }
    }

    /// The review queue, highest score first, optionally only items in one status.
    public func queue(status: ReviewStatus? = nil) throws(StoreError) -> [QueueEntry] {
        try read("list the queue") { db in
            var sql = Store.entrySelect
            var arguments: StatementArguments = []
            if let status {
                sql += " WHERE r.status = ?"
                arguments = [status.rawValue]
            }
            sql += " ORDER BY r.score DESC, r.id ASC"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Store.entry)
        }
    }

    /// One queue item with its listing and findings, or nil when no item has this id.
    public func queueItem(id: Int64) throws(StoreError) -> QueueItemDetail? {
        try read("show queue item \(id)") { db in
            guard let row = try Row.fetchOne(db, sql: Store.entrySelect + " WHERE r.id = ?", arguments: [id]) else {
                return nil
            }
            let listingRef: Int64 = row["listing_ref"]
            let json: String = row["listing_json"]
            let listing = try Store.decoder.decode(Listing.self, from: Data(json.utf8))
            let findings = try Row.fetchAll(db, sql: """
                SELECT rule_id, category, weight, evidence_json, found_at FROM finding
                WHERE listing_ref = ? ORDER BY weight DESC, rule_id
                """, arguments: [listingRef]).map { finding in
                StoredFinding(
                    ruleID: finding["rule_id"], category: finding["category"], weight: finding["weight"],
                    evidence: try Store.decoder.decode([Evidence].self, from: Data((finding["evidence_json"] as String).utf8)),
                    foundAt: finding["found_at"])
            }
            return QueueItemDetail(entry: Store.entry(row), listing: listing, findings: findings)
        }
    }

    static let entrySelect = """
        SELECT r.id, r.listing_ref, r.score, r.categories, r.status, r.opened_at, r.updated_at, l.marketplace,
            l.listing_id, l.title, l.price_amount, l.price_currency, l.condition, l.primary_sku, l.seller_name, l.url,
            l.listing_json
        FROM review_item r JOIN listing l ON l.id = r.listing_ref
        """

    static func entry(_ row: Row) -> QueueEntry {
        let amount: String? = row["price_amount"]
        let currency: String? = row["price_currency"]
        let price = amount.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
            .map { "\(currency ?? "") \(Price.format($0))" }
        let categories: String = row["categories"]
        return QueueEntry(
            id: row["id"], score: row["score"], categories: categories.split(separator: ",").map(String.init),
            status: row["status"], marketplace: row["marketplace"], listingID: row["listing_id"], title: row["title"],
            price: price, condition: row["condition"], sku: row["primary_sku"], seller: row["seller_name"],
            url: row["url"], openedAt: row["opened_at"], updatedAt: row["updated_at"])
    }
}

extension Store {
    /// The findings stored for a listing (its last assessment).
    public func findings(listingRef: Int64) throws(StoreError) -> [StoredFinding] {
        try read("findings of listing \(listingRef)") { db in
            try Row.fetchAll(db, sql: """
                SELECT rule_id, category, weight, evidence_json, found_at FROM finding WHERE listing_ref = ?
                ORDER BY weight DESC, rule_id
                """, arguments: [listingRef]).map { row in
                StoredFinding(ruleID: row["rule_id"], category: row["category"], weight: row["weight"],
                              evidence: (try? Store.decoder.decode([Evidence].self, from: Data((row["evidence_json"] as String).utf8))) ?? [],
                              foundAt: row["found_at"])
            }
        }
    }
}
