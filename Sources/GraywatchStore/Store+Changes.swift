import Foundation

extension Store {
    /// Closes a profile's run and, in the same transaction, records what is new, changed (title, price, condition,
    /// quantity) and gone since the profile's previous runs. `complete` says the frontier was crawled to its end:
    /// only then are listings the run did not see counted as gone (a capped or failed run proves nothing).
    public func finishProfileRun(_ run: Int64, profile: String, statsJSON: String, complete: Bool,
                                 at date: Date = Date()) throws(StoreError) -> RunChanges {
        try write("finish run \(run) of profile \(profile)") { db in
            let changes = try Store.detectChanges(db, run: run, profile: profile, complete: complete)
            for change in changes {
                try db.execute(sql: """
                    INSERT INTO run_change (run_ref, listing_ref, kind, fields, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [run, change.listingRef, change.kind.rawValue, change.fields.joined(separator: ","),
                                     try change.before.map(Store.json), try change.after.map(Store.json)])
            }
            try db.execute(sql: "UPDATE scan_run SET status = 'finished', finished_at = ?, stats_json = ? WHERE id = ?",
                           arguments: [Store.timestamp(date), statsJSON, run])
            return RunChanges(run: run, changes: changes)
        }
    }

    /// The changes recorded for a run (new, changed, gone), in listing order.
    public func changes(run: Int64) throws(StoreError) -> RunChanges {
        try read("changes of run \(run)") { db in
            let rows = try SQLRow.fetchAll(db, sql: """
                SELECT c.*, l.marketplace, l.listing_id, l.url FROM run_change c JOIN listing l ON l.id = c.listing_ref
                WHERE c.run_ref = ? ORDER BY c.id
                """, arguments: [run])
            return RunChanges(run: run, changes: rows.map { row in
                let fields: String = row["fields"]
                return ListingChange(
                    kind: ListingChange.Kind(rawValue: row["kind"]) ?? .changed, listingRef: row["listing_ref"],
                    marketplace: row["marketplace"], listingID: row["listing_id"], url: row["url"],
                    fields: fields.split(separator: ",").map(String.init),
                    before: (row["before_json"] as String?).flatMap(Store.snapshot),
                    after: (row["after_json"] as String?).flatMap(Store.snapshot))
            })
        }
    }

    static func detectChanges(_ db: any SQLConnection, run: Int64, profile: String, complete: Bool) throws -> [ListingChange] {
        var changes: [ListingChange] = []
        let seen = try SQLRow.fetchAll(db, sql: """
            SELECT l.id, l.marketplace, l.listing_id, l.url, l.title, l.price_amount, l.price_currency, l.condition,
                l.quantity, p.title AS p_title, p.price_amount AS p_price, p.price_currency AS p_currency,
                p.condition AS p_condition, p.quantity AS p_quantity, p.gone AS p_gone, p.last_run_ref AS p_run
            FROM listing l LEFT JOIN profile_listing p ON p.listing_ref = l.id AND p.profile = ?
            WHERE l.id IN (SELECT listing_ref FROM frontier WHERE run_ref = ? AND listing_ref IS NOT NULL)
            ORDER BY l.id
            """, arguments: [profile, run])
        for row in seen {
            let ref: Int64 = row["id"]
            let now = ListingSnapshot(title: row["title"], price: row["price_amount"], currency: row["price_currency"],
                                      condition: row["condition"], quantity: row["quantity"])
            let previousRun: Int64? = row["p_run"]
            func change(_ kind: ListingChange.Kind, _ fields: [String], before: ListingSnapshot?) -> ListingChange {
                ListingChange(kind: kind, listingRef: ref, marketplace: row["marketplace"], listingID: row["listing_id"],
                              url: row["url"], fields: fields, before: before, after: now)
            }
            if previousRun == nil {
                changes.append(change(.new, [], before: nil))
            } else if previousRun != run {
                let before = ListingSnapshot(title: row["p_title"], price: row["p_price"], currency: row["p_currency"],
                                             condition: row["p_condition"], quantity: row["p_quantity"])
                let fields = ((row["p_gone"] as Int) != 0 ? ["returned"] : []) + now.changedFields(from: before)
                if !fields.isEmpty { changes.append(change(.changed, fields, before: before)) }
            }
            try db.execute(sql: """
                INSERT INTO profile_listing (profile, listing_ref, title, price_amount, price_currency, condition, quantity,
                    last_run_ref, gone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (profile, listing_ref) DO UPDATE SET title = excluded.title, price_amount = excluded.price_amount,
                    price_currency = excluded.price_currency, condition = excluded.condition, quantity = excluded.quantity,
                    last_run_ref = excluded.last_run_ref, gone = 0
                """, arguments: [profile, ref, now.title, now.price, now.currency, now.condition, now.quantity, run])
        }
        guard complete else { return changes }
        let missing = try SQLRow.fetchAll(db, sql: """
            SELECT p.*, l.marketplace, l.listing_id, l.url FROM profile_listing p JOIN listing l ON l.id = p.listing_ref
            WHERE p.profile = ? AND p.gone = 0 AND p.last_run_ref <> ? ORDER BY p.listing_ref
            """, arguments: [profile, run])
        for row in missing {
            let before = ListingSnapshot(title: row["title"], price: row["price_amount"], currency: row["price_currency"],
                                         condition: row["condition"], quantity: row["quantity"])
            changes.append(ListingChange(kind: .gone, listingRef: row["listing_ref"], marketplace: row["marketplace"],
                                         listingID: row["listing_id"], url: row["url"], fields: [], before: before, after: nil))
            try db.execute(sql: "UPDATE profile_listing SET gone = 1 WHERE profile = ? AND listing_ref = ?",
                           arguments: [profile, row["listing_ref"] as Int64])
        }
        return changes
    }

    static func json(_ snapshot: ListingSnapshot) throws -> String {
        String(decoding: try encoder.encode(snapshot), as: UTF8.self)
    }

    static func snapshot(_ json: String) -> ListingSnapshot? {
        try? decoder.decode(ListingSnapshot.self, from: Data(json.utf8))
    }
}

/// The latest runs of one scan profile, for metrics.
public struct ProfileRunSummary: Sendable, Equatable {
    public var profile: String
    /// When its last run finished (a finished run is a success), nil if none has.
    public var lastFinishedAt: Date?
    /// That run's length in seconds.
    public var lastDurationSeconds: Double?
    /// Whether a run of the profile is open now.
    public var running: Bool
}

extension Store {
    /// Every profile that has runs: its last finished run and whether one is open.
    public func profileRunSummaries() throws(StoreError) -> [ProfileRunSummary] {
        try read("summarize profile runs") { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT profile, MAX(CASE WHEN status = 'finished' THEN finished_at END) AS finished,
                    MAX(CASE WHEN status = 'running' THEN 1 ELSE 0 END) AS running
                FROM scan_run WHERE profile IS NOT NULL GROUP BY profile ORDER BY profile
                """).map { row in
                let finished: String? = row["finished"]
                let last = try finished.flatMap { at in
                    try SQLRow.fetchOne(db, sql: "SELECT started_at, stats_json FROM scan_run WHERE profile = ? AND finished_at = ?",
                                        arguments: [row["profile"] as String, at])
                }
                let duration = (last?["stats_json"] as String?).flatMap { json -> Double? in
                    (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["durationSeconds"] as? Double
                }
                return ProfileRunSummary(profile: row["profile"],
                                         lastFinishedAt: finished.flatMap { ISO8601DateFormatter.storeTimestamps.date(from: $0) },
                                         lastDurationSeconds: duration, running: (row["running"] as Int) != 0)
            }
        }
    }
}
