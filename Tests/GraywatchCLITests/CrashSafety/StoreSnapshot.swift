import Foundation
import GRDB

/// Everything a scan leaves in a store, keyed by what identifies it in any store (URLs, marketplace/listing id), never
/// by row ids or timestamps, so the store of a killed and resumed scan compares with an uninterrupted one.
struct StoreSnapshot {
    /// Status of each scan run, oldest first, and the statistics each kept.
    var runs: [String] = []
    var stats: [String?] = []
    /// Frontier URL → state, outcome, HTTP status, listing, depth, attempts.
    var frontier: [String: String] = [:]
    /// marketplace/listing id → the stored listing (columns and JSON).
    var listings: [String: String] = [:]
    /// marketplace/listing id → its observations (final URL, status, body hash and size).
    var observations: [String: [String]] = [:]
    /// marketplace/listing id → its findings (rule, category, weight, evidence).
    var findings: [String: [String]] = [:]
    /// marketplace/listing id → its review item (score, categories, status) and category rows.
    var reviewItems: [String: String] = [:]
    var pageCache: [String: String] = [:]
    var sellers: [String] = []
    var serials: [String] = []
    /// The full-text index's vocabulary (term, documents, occurrences).
    var searchTerms: [String] = []
    /// Rows that exist twice, observations that do not match the fetches committed, counts that drifted.
    var duplicates: [String] = []
    /// PRAGMA integrity_check and foreign_key_check, the FTS5 index against its content table.
    var integrity: [String] = []

    static func read(_ path: String) throws -> StoreSnapshot {
        let queue = try StoreProbe.open(path)
        var snapshot = StoreSnapshot()
        try queue.read { db in try snapshot.load(db) }
        // FTS5's check is an INSERT command: it needs a write transaction, and changes nothing.
        do {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO listing_search (listing_search, rank) VALUES ('integrity-check', 1)")
            }
        } catch { snapshot.integrity.append("listing_search: \(error)") }
        return snapshot
    }

    private static let key = "l.marketplace || '/' || l.listing_id"

    private mutating func load(_ db: Database) throws {
        runs = try String.fetchAll(db, sql: "SELECT status FROM scan_run ORDER BY id")
        stats = try Row.fetchAll(db, sql: "SELECT stats_json FROM scan_run ORDER BY id").map { $0["stats_json"] }
        frontier = try pairs(db, """
            SELECT f.url, f.state || ' | ' || IFNULL(f.outcome, '') || ' | ' || IFNULL(f.http_status, '') || ' | '
                || IFNULL(\(Self.key), '') || ' | depth ' || f.depth || ' | attempts ' || f.attempts
            FROM frontier f LEFT JOIN listing l ON l.id = f.listing_ref
            """)
        listings = try pairs(db, """
            SELECT \(Self.key), l.title || ' | ' || IFNULL(l.price_currency, '') || ' ' || IFNULL(l.price_amount, '') || ' | '
                || l.condition || ' | ' || IFNULL(l.primary_sku, '') || ' | ' || IFNULL(l.identity_key, '') || ' | ' || l.listing_json
            FROM listing l
            """)
        observations = try groups(db, """
            SELECT \(Self.key), o.final_url || ' ' || o.status || ' ' || o.body_sha256 || ' ' || o.body_size || ' ' || IFNULL(o.title, '')
            FROM observation o JOIN listing l ON l.id = o.listing_ref
            """)
        findings = try groups(db, """
            SELECT \(Self.key), f.rule_id || ' ' || f.category || ' ' || f.weight || ' ' || f.evidence_json
            FROM finding f JOIN listing l ON l.id = f.listing_ref
            """)
        reviewItems = try pairs(db, """
            SELECT \(Self.key), r.score || ' | ' || r.categories || ' | ' || r.status || ' | ' || IFNULL(r.sku_family, '') || ' | '
                || IFNULL((SELECT group_concat(category) FROM (SELECT category FROM review_category WHERE review_ref = r.id
                    ORDER BY category)), '')
            FROM review_item r JOIN listing l ON l.id = r.listing_ref
            """)
        pageCache = try pairs(db, """
            SELECT c.url, IFNULL(c.etag, '') || ' | ' || IFNULL(c.last_modified, '') || ' | ' || c.kind || ' | '
                || IFNULL(c.links_json, '') || ' | ' || IFNULL(\(Self.key), '')
            FROM page_cache c LEFT JOIN listing l ON l.id = c.listing_ref
            """)
        sellers = try String.fetchAll(db, sql: """
            SELECT marketplace || '/' || name || ' ' || IFNULL(feedback_score, '') || ' ' || IFNULL(location, '') FROM seller ORDER BY 1
            """)
        serials = try String.fetchAll(db, sql: """
            SELECT \(Self.key) || ' ' || s.serial FROM listing_serial s JOIN listing l ON l.id = s.listing_ref ORDER BY 1
            """)
        searchTerms = try String.fetchAll(db, sql: "SELECT term || ' ' || doc || ' ' || cnt FROM listing_search_terms ORDER BY term")
        try findDuplicates(db)
        integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        integrity += try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
    }

    private mutating func findDuplicates(_ db: Database) throws {
        let twice: [(String, String)] = [
            ("listing", "SELECT marketplace || '/' || listing_id FROM listing GROUP BY marketplace, listing_id HAVING COUNT(*) > 1"),
            ("review item", "SELECT listing_ref FROM review_item GROUP BY listing_ref HAVING COUNT(*) > 1"),
            ("frontier row", "SELECT run_ref || ' ' || url FROM frontier GROUP BY run_ref, url HAVING COUNT(*) > 1"),
            ("finding", """
                SELECT listing_ref || ' ' || rule_id FROM finding GROUP BY listing_ref, observation_ref, rule_id HAVING COUNT(*) > 1
                """),
            ("seller", "SELECT marketplace || '/' || name FROM seller GROUP BY marketplace, name HAVING COUNT(*) > 1"),
            // Each committed item-page fetch has exactly one observation of its run, and no observation stands alone.
            ("observation per committed fetch", """
                SELECT f.url || ': ' || (SELECT COUNT(*) FROM observation o WHERE o.listing_ref = f.listing_ref AND o.run_ref = f.run_ref)
                FROM frontier f WHERE f.listing_ref IS NOT NULL
                    AND (SELECT COUNT(*) FROM observation o WHERE o.listing_ref = f.listing_ref AND o.run_ref = f.run_ref) <> 1
                """),
            ("observation without a fetch", """
                SELECT o.id FROM observation o WHERE NOT EXISTS (
                    SELECT 1 FROM frontier f WHERE f.run_ref = o.run_ref AND f.listing_ref = o.listing_ref)
                """),
            ("finding not on its listing's latest observation", """
                SELECT f.id FROM finding f WHERE f.observation_ref IS NOT (SELECT MAX(id) FROM observation WHERE listing_ref = f.listing_ref)
                """),
            // queue_count is kept by triggers: it must equal what it counts.
            ("queue count drift", """
                SELECT status || '/' || category || ' kept ' || kept || ' counted ' || counted FROM (
                    SELECT q.status, q.category, q.n AS kept, CASE WHEN q.category = ''
                        THEN (SELECT COUNT(*) FROM review_item r WHERE r.status = q.status)
                        ELSE (SELECT COUNT(*) FROM review_category c JOIN review_item r ON r.id = c.review_ref
                              WHERE r.status = q.status AND c.category = q.category) END AS counted
                    FROM queue_count q) WHERE kept <> counted
                UNION ALL SELECT r.status || ' not counted' FROM review_item r
                    WHERE NOT EXISTS (SELECT 1 FROM queue_count q WHERE q.status = r.status AND q.category = '')
                """),
        ]
        for (what, sql) in twice {
            duplicates += try String.fetchAll(db, sql: sql).map { "\(what): \($0)" }
        }
    }

    private func pairs(_ db: Database, _ sql: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            let key: String = row[0]
            // A key seen twice is itself a duplicate: keep both values so the comparison shows it.
            result[key] = result[key].map { $0 + " ⧺ " + (row[1] as String) } ?? row[1]
        }
        return result
    }

    private func groups(_ db: Database, _ sql: String) throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for row in try Row.fetchAll(db, sql: sql) { result[row[0] as String, default: []].append(row[1]) }
        return result.mapValues { $0.sorted() }
    }
}
