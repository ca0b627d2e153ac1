import Foundation
import GraywatchCore

extension Store {
    /// Inserts or updates a listing keyed by (marketplace, listing id); returns its row id.
    /// Scanning the same page again updates the row, never adds a second one.
    @discardableResult
    public func upsert(_ listing: Listing, seenAt: Date = Date()) throws(StoreError) -> Int64 {
        let json = String(decoding: (try? Store.encoder.encode(listing)) ?? Data("{}".utf8), as: UTF8.self)
        let now = Store.timestamp(seenAt)
        return try write("save listing \(listing.marketplace)/\(listing.listingID)") { db in
            try Store.upsertListing(db, listing, json: json, now: now)
        }
    }

    static func upsertListing(_ db: any SQLConnection, _ listing: Listing, json: String, now: String) throws -> Int64 {
        let id = try insertOrUpdateListing(db, listing, json: json, now: now)
        try db.execute(sql: "INSERT OR IGNORE INTO marketplace (name, first_seen) VALUES (?, ?)", arguments: [listing.marketplace, now])
        if let seller = listing.seller.name {
            try db.execute(sql: """
                INSERT INTO seller (marketplace, name, feedback_score, feedback_percent, location, member_since, first_seen, last_seen)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (marketplace, name) DO UPDATE SET
                    feedback_score = COALESCE(excluded.feedback_score, seller.feedback_score),
                    feedback_percent = COALESCE(excluded.feedback_percent, seller.feedback_percent),
                    location = COALESCE(excluded.location, seller.location),
                    member_since = COALESCE(excluded.member_since, seller.member_since), last_seen = excluded.last_seen
                """, arguments: [listing.marketplace, seller, listing.seller.feedbackScore, listing.seller.feedbackPercent,
                                 listing.seller.location, listing.seller.memberSince, now, now])
        }
        try db.execute(sql: "DELETE FROM listing_serial WHERE listing_ref = ?", arguments: [id])
        for serial in Set(listing.identifiers.filter { $0.kind == .serial }.map(\.normalized)) {
            try db.execute(sql: "INSERT OR IGNORE INTO listing_serial (listing_ref, serial) VALUES (?, ?)", arguments: [id, serial])
        }
        return id
    }

    private static func insertOrUpdateListing(_ db: any SQLConnection, _ listing: Listing, json: String, now: String) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            INSERT INTO listing (marketplace, listing_id, url, title, price_amount, price_currency, condition_raw,
                condition, quantity, seller_name, seller_feedback, seller_location, primary_sku, listing_json,
                first_seen, last_seen, identity_key)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (marketplace, listing_id) DO UPDATE SET
                url = excluded.url, title = excluded.title, price_amount = excluded.price_amount,
                price_currency = excluded.price_currency, condition_raw = excluded.condition_raw,
                condition = excluded.condition, quantity = excluded.quantity, seller_name = excluded.seller_name,
                seller_feedback = excluded.seller_feedback, seller_location = excluded.seller_location,
                primary_sku = excluded.primary_sku, listing_json = excluded.listing_json,
                last_seen = excluded.last_seen, identity_key = excluded.identity_key
            RETURNING id
            """,
            arguments: [
                listing.marketplace, listing.listingID, listing.url, listing.title, listing.price?.amountText,
                listing.price?.currency, listing.conditionRaw, listing.condition.rawValue, listing.quantityAvailable,
                listing.seller.name, listing.seller.feedbackScore, listing.seller.location, listing.primarySKU,
                json, now, now, identityKey(listing),
            ]) ?? 0
    }

    /// What identifies the goods a listing offers, whatever its listing id: its part numbers, serials, CLEI and
    /// assembly numbers, sorted (nil when it names none). A removed listing relisted by the same seller has the same key.
    public static func identityKey(_ listing: Listing) -> String? {
        let parts = Set(listing.identifiers.map { "\($0.kind.rawValue):\($0.normalized)" }).sorted()
        return parts.isEmpty ? nil : parts.joined(separator: "|")
    }

    /// The stored listing with this row id.
    public func listing(id: Int64) throws(StoreError) -> Listing? {
        try read("read listing \(id)") { db in
            try String.fetchOne(db, sql: "SELECT listing_json FROM listing WHERE id = ?", arguments: [id])
                .flatMap { try? Store.decoder.decode(Listing.self, from: Data($0.utf8)) }
        }
    }

    /// The row id of a listing by its marketplace and listing id.
    public func listingRef(marketplace: String, listingID: String) throws(StoreError) -> Int64? {
        try read("find listing \(marketplace)/\(listingID)") { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM listing WHERE marketplace = ? AND listing_id = ?",
                               arguments: [marketplace, listingID])
        }
    }

    /// How many listings the store holds.
    public func listingCount() throws(StoreError) -> Int {
        try read("count listings") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM listing") ?? 0 }
    }

    /// The reference price for a listing: the median price of the other listings of the same primary SKU,
    /// condition and currency seen in the last `windowDays`, when at least `minimumSamples` exist.
    public func marketReference(
        for listing: Listing, excluding id: Int64, minimumSamples: Int = 3, condition: Condition? = nil,
        windowDays: Int = 180
    ) throws(StoreError) -> ReferencePrice? {
        guard let sku = listing.primarySKU, let currency = listing.price?.currency else { return nil }
        let prices = try marketPrices(sku: sku, condition: condition ?? listing.condition, currency: currency,
                                      windowDays: windowDays)
        return prices.median(excluding: id, minimumSamples: minimumSamples)
    }

    /// The prices of every listing of a primary SKU, condition and currency seen in the last `windowDays`.
    public func marketPrices(sku: String, condition: Condition, currency: String, windowDays: Int = 180)
        throws(StoreError) -> MarketPrices
    {
        let since = Store.timestamp(Date().addingTimeInterval(-Double(windowDays) * 86_400))
        let rows = try read("market median for \(sku)") { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT id, price_amount FROM listing
                WHERE primary_sku = ? AND condition = ? AND price_currency = ? AND price_amount IS NOT NULL
                    AND last_seen >= ?
                """, arguments: [sku, condition.rawValue, currency, since])
        }
        let locale = Locale(identifier: "en_US_POSIX")
        return MarketPrices(sku: sku, currency: currency, rows: rows.compactMap { row in
            Decimal(string: row["price_amount"] as String, locale: locale).map { (row["id"] as Int64, $0) }
        })
    }

    /// Other listings that show one of this listing's serial numbers: from another seller, or from the same
    /// seller when the unit is claimed new (a genuine serial belongs to one unit).
    public func serialClones(of listing: Listing, excluding id: Int64) throws(StoreError) -> [SerialClone] {
        let serials = Set(listing.identifiers.filter { $0.kind == .serial }.map(\.normalized))
        guard !serials.isEmpty else { return [] }
        return try read("serial clones of listing \(id)") { db in
            var clones: [SerialClone] = []
            for serial in serials.sorted() {
                let rows = try SQLRow.fetchAll(db, sql: """
                    SELECT l.marketplace, l.listing_id, l.seller_name, l.url, l.condition FROM listing_serial s
                    JOIN listing l ON l.id = s.listing_ref WHERE s.serial = ? AND s.listing_ref != ?
                    """, arguments: [serial, id])
                for row in rows {
                    let seller: String? = row["seller_name"]
                    let condition: String = row["condition"]
                    let sameSeller = seller != nil && seller == listing.seller.name
                    guard !sameSeller || listing.condition == .new || condition == Condition.new.rawValue else { continue }
                    clones.append(SerialClone(serial: serial, marketplace: row["marketplace"], listingID: row["listing_id"],
                                              seller: seller, url: row["url"]))
                }
            }
            return clones
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()
    static let decoder = JSONDecoder()

    /// ISO 8601 UTC with milliseconds.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
