import Foundation
import GraywatchCore

extension Store {
    /// Replaces the listing's findings with this assessment's and opens or updates its review item when the
    /// score reaches `threshold`. An existing item keeps its status: the queue never holds a listing twice.
    @discardableResult
    /// A dismissed item re-opens (status new, audited) only when its evidence changes materially: a rule fires
    /// that had not fired at dismissal, or the price moved by more than `reopenPriceShare` (0.2 = 20%).
    public func save(_ assessment: Assessment, listingRef: Int64, threshold: Int, at date: Date = Date(),
                     reopenPriceShare: Double = 0.2) throws(StoreError) -> QueueOutcome
    {
        let now = Store.timestamp(date)
        let categories = assessment.rankedCategories.map(\.rawValue).joined(separator: ",")
        return try write("save findings of listing \(listingRef)") { db in
            // Findings belong to the listing's latest observation: earlier observations keep theirs as history.
            let observation = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM observation WHERE listing_ref = ?",
                                                 arguments: [listingRef])
            try db.execute(sql: "DELETE FROM finding WHERE listing_ref = ? AND observation_ref IS ?",
                           arguments: [listingRef, observation])
            for finding in assessment.findings {
                let evidence = String(decoding: try Store.encoder.encode(finding.evidence), as: UTF8.self)
                try db.execute(sql: """
                    INSERT INTO finding (listing_ref, rule_id, category, weight, evidence_json, found_at, observation_ref)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [listingRef, finding.ruleID, finding.category.rawValue, finding.weight, evidence, now,
                                     observation])
            }
            if let row = try SQLRow.fetchOne(db, sql: """
                SELECT r.id, r.status, r.dismissed_rules, r.dismissed_price, l.price_amount FROM review_item r
                JOIN listing l ON l.id = r.listing_ref WHERE r.listing_ref = ?
                """, arguments: [listingRef]) {
                let existing: Int64 = row["id"]
                try db.execute(sql: "UPDATE review_item SET score = ?, categories = ?, updated_at = ? WHERE id = ?",
                               arguments: [assessment.score, categories, now, existing])
                try Store.setCategories(db, existing, assessment.rankedCategories)
                if (row["status"] as String) == ReviewStatus.dismissed.rawValue,
                    let why = Store.reopenReason(assessment, dismissedRules: row["dismissed_rules"],
                                                 dismissedPrice: row["dismissed_price"], price: row["price_amount"],
                                                 share: reopenPriceShare, threshold: threshold)
                {
                    try db.execute(sql: "UPDATE review_item SET status = ? WHERE id = ?", arguments: [ReviewStatus.new.rawValue, existing])
                    try Store.audit(db, existing, actor: "graywatch", action: "reopen", from: ReviewStatus.dismissed.rawValue,
                                    to: ReviewStatus.new.rawValue, reason: why)
                }
                return .updated(existing)
            }
            guard assessment.score >= threshold, !assessment.findings.isEmpty else { return .notQueued }
            let opened = try db.insert(sql: """
                INSERT INTO review_item (listing_ref, score, categories, status, opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [listingRef, assessment.score, categories, ReviewStatus.new.rawValue, now, now])
            try Store.setCategories(db, opened, assessment.rankedCategories)
            return .opened(opened)
        }
    }

    /// Replaces an item's rows in `review_category` (which the per-category counts and filters read).
    static func setCategories(_ db: any SQLConnection, _ id: Int64, _ categories: [Category]) throws {
        let current = Set(try String.fetchAll(db, sql: "SELECT category FROM review_category WHERE review_ref = ?", arguments: [id]))
        let wanted = Set(categories.map(\.rawValue))
        for gone in current.subtracting(wanted) {
            try db.execute(sql: "DELETE FROM review_category WHERE review_ref = ? AND category = ?", arguments: [id, gone])
        }
        for added in wanted.subtracting(current) {
            try db.execute(sql: "INSERT INTO review_category (review_ref, category) VALUES (?, ?)", arguments: [id, added])
        }
    }

    /// Why a dismissed item's new evidence re-opens it, or nil when it does not change materially.
    static func reopenReason(_ assessment: Assessment, dismissedRules: String?, dismissedPrice: String?, price: String?,
                             share: Double, threshold: Int) -> String? {
        guard assessment.score >= threshold else { return nil }
        let before = Set((dismissedRules ?? "").split(separator: ",").map(String.init))
        let new = Set(assessment.findings.map(\.ruleID)).subtracting(before)
        if !new.isEmpty { return "new rules hit: \(new.sorted().joined(separator: ", "))" }
        if let old = dismissedPrice.flatMap({ Double($0) }), let current = price.flatMap({ Double($0) }), old > 0,
            abs(current - old) / old > share
        {
            return String(format: "price moved %.0f%% since dismissal (%@ → %@)", abs(current - old) / old * 100,
                          dismissedPrice ?? "", price ?? "")
        }
        return nil
    }

    /// The review queue, highest score first, optionally only items in one status.
    public func queue(status: ReviewStatus? = nil) throws(StoreError) -> [QueueEntry] {
        try queue(QueueFilter(status: status))
    }

    /// The review items a filter selects, highest score first.
    public func queue(_ filter: QueueFilter) throws(StoreError) -> [QueueEntry] {
        try read("list the queue") { db in
            let (clause, arguments) = filter.sql(db.dialect)
            return try SQLRow.fetchAll(db, sql: Store.entrySelect + clause + " ORDER BY r.score DESC, r.id ASC", arguments: arguments)
                .map(Store.entry)
        }
    }

    /// One queue item with its listing and findings, or nil when no item has this id.
    public func queueItem(id: Int64) throws(StoreError) -> QueueItemDetail? {
        try read("show queue item \(id)") { db in
            guard let row = try SQLRow.fetchOne(db, sql: Store.entrySelect + " WHERE r.id = ?", arguments: [id]) else {
                return nil
            }
            let listingRef: Int64 = row["listing_ref"]
            let json: String = row["listing_json"]
            let listing = try Store.decoder.decode(Listing.self, from: Data(json.utf8))
            return QueueItemDetail(entry: Store.entry(row), listingRef: listingRef, listing: listing,
                                   findings: try Store.findings(db, listingRef))
        }
    }

    /// The review item of a listing, when it is queued.
    public func reviewID(marketplace: String, listingID: String) throws(StoreError) -> Int64? {
        try read("find review item") { db in
            try Int64.fetchOne(db, sql: """
                SELECT r.id FROM review_item r JOIN listing l ON l.id = r.listing_ref WHERE l.marketplace = ? AND l.listing_id = ?
                """, arguments: [marketplace, listingID])
        }
    }

    /// Findings of the listing's latest observation (or of no observation, for listings stored without one).
    static let latestObservation = "observation_ref IS (SELECT MAX(id) FROM observation WHERE listing_ref = ?)"

    static let entrySelect = """
        SELECT r.id, r.listing_ref, r.score, r.categories, r.status, r.opened_at, r.updated_at, l.marketplace,
            l.listing_id, l.title, l.price_amount, l.price_currency, l.condition, l.primary_sku, l.seller_name, l.url,
            l.listing_json, r.assignee
        FROM review_item r JOIN listing l ON l.id = r.listing_ref
        """

    static func entry(_ row: SQLRow) -> QueueEntry {
        let amount: String? = row["price_amount"]
        let currency: String? = row["price_currency"]
        let price = amount.flatMap { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
            .map { "\(currency ?? "") \(Price.format($0))" }
        let categories: String = row["categories"]
        return QueueEntry(
            id: row["id"], score: row["score"], categories: categories.split(separator: ",").map(String.init),
            status: row["status"], marketplace: row["marketplace"], listingID: row["listing_id"], title: row["title"],
            price: price, condition: row["condition"], sku: row["primary_sku"], seller: row["seller_name"],
            url: row["url"], openedAt: row["opened_at"], updatedAt: row["updated_at"], assignee: row["assignee"])
    }
}

extension Store {
    /// The findings stored for a listing (its latest observation's).
    public func findings(listingRef: Int64) throws(StoreError) -> [StoredFinding] {
        try read("findings of listing \(listingRef)") { db in try Store.findings(db, listingRef) }
    }

    static func findings(_ db: any SQLConnection, _ listingRef: Int64) throws -> [StoredFinding] {
        try SQLRow.fetchAll(db, sql: """
            SELECT rule_id, category, weight, evidence_json, found_at FROM finding
            WHERE listing_ref = ? AND \(Store.latestObservation) ORDER BY weight DESC, rule_id
            """, arguments: [listingRef, listingRef]).map { row in
            StoredFinding(ruleID: row["rule_id"], category: row["category"], weight: row["weight"],
                          evidence: (try? Store.decoder.decode([Evidence].self, from: Data((row["evidence_json"] as String).utf8))) ?? [],
                          foundAt: row["found_at"])
        }
    }
}
