import Foundation
import GraywatchCore

/// The orders the review queue can be listed in.
public enum QueueSort: String, Sendable, CaseIterable, Codable {
    case score
    case newest
    case oldest
    case priceLow = "price-low"
    case priceHigh = "price-high"
    /// By marketplace name (A to Z), then by item id.
    case marketplace

    /// The sort key as SQL over `review_item r`, and whether it descends.
    var key: (sql: String, descending: Bool) {
        switch self {
        case .score: return ("r.score", true)
        case .newest: return ("r.opened_at", true)
        case .oldest: return ("r.opened_at", false)
        case .priceLow: return ("IFNULL(r.price_value, 1e300)", false)
        case .priceHigh: return ("IFNULL(r.price_value, -1)", true)
        case .marketplace: return ("r.marketplace", false)
        }
    }

    /// Whether a cursor's key can belong to this order (a number for score and price orders).
    public func accepts(cursorKey key: String) -> Bool { keyValue(key) != nil }

    /// A cursor's key text as the value SQLite compares (numbers as numbers).
    func keyValue(_ text: String) -> (any SQLBindable)? {
        switch self {
        case .score: return Int(text)
        case .newest, .oldest, .marketplace: return text
        case .priceLow, .priceHigh: return Double(text)
        }
    }
}

/// A position in the queue for keyset pagination: the sort key and id of an item, as `KEY_ID`.
public struct QueueCursor: Sendable, Equatable {
    public var key: String
    public var id: Int64

    public init(key: String, id: Int64) {
        self.key = key
        self.id = id
    }

    /// Parses `KEY_ID`; nil for anything else.
    public init?(_ text: String) {
        guard let split = text.lastIndex(of: "_"), let id = Int64(text[text.index(after: split)...]) else { return nil }
        self.key = String(text[..<split])
        self.id = id
    }

    public var text: String { "\(key)_\(id)" }
}

/// One page of the queue with the cursors of its neighbours.
public struct QueuePage: Sendable, Codable {
    public var entries: [QueueEntry]
    /// Cursor for the following page (`after`), nil on the last page.
    public var next: String?
    /// Cursor for the preceding page (`before`), nil on the first page.
    public var previous: String?
}

/// How many items each status holds, overall and per category.
public struct QueueCounts: Sendable, Codable, Equatable {
    public var byStatus: [String: Int]
    /// status → category → count.
    public var byStatusAndCategory: [String: [String: Int]]

    /// Per-category counts within one status, or summed over every status.
    public func categories(status: ReviewStatus?) -> [String: Int] {
        if let status { return byStatusAndCategory[status.rawValue] ?? [:] }
        return byStatusAndCategory.values.reduce(into: [:]) { total, counts in
            for (category, n) in counts { total[category, default: 0] += n }
        }
    }

    public var total: Int { byStatus.values.reduce(0, +) }
}

extension Store {
    /// One page of the review items a filter selects, in `sort` order, after or before a cursor (keyset pagination:
    /// each page costs the same, however deep, because it seeks the index rather than skipping rows).
    public func queuePage(_ filter: QueueFilter, sort: QueueSort = .score, after: QueueCursor? = nil,
                          before: QueueCursor? = nil, limit: Int = 50) throws(StoreError) -> QueuePage {
        let limit = max(1, min(limit, 500))
        let (key, descending) = sort.key
        let backwards = before != nil && after == nil
        let ascending = descending == backwards
        let order = " ORDER BY \(key) \(ascending ? "ASC" : "DESC"), r.id \(ascending ? "ASC" : "DESC")"
        let keySQL = "SELECT \(key) FROM review_item r WHERE r.id = ?"
        return try read("list a queue page") { db in
            let textClause = db.dialect == .sqlite
                ? try filter.text.flatMap { try Store.textCondition(db, $0, rows: limit + 1) } : nil
            var (clauses, arguments) = filter.conditions(db.dialect, text: textClause)
            if let cursor = backwards ? before : after {
                // Descending order continues with smaller keys; walking backwards flips the comparison.
                let smaller = descending != backwards
                clauses.append("(\(key), r.id) \(smaller ? "<" : ">") (?, ?)")
                arguments += [sort.keyValue(cursor.key), cursor.id]
            }
            let sql = Store.entrySelect + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "))
                + order + " LIMIT \(limit + 1)"
            var rows = try SQLRow.fetchAll(db, sql: sql, arguments: arguments)
            let more = rows.count > limit
            rows = Array(rows.prefix(limit))
            if backwards { rows.reverse() }
            func cursor(_ row: SQLRow?) throws -> String? {
                guard let row, let id: Int64 = row["id"],
                      let value = try SQLValue.fetchOne(db, sql: keySQL, arguments: [id]) else { return nil }
                let text: String
                switch value {
                case .integer(let n): text = String(n)
                case .real(let d): text = String(d)
                case .text(let s): text = s
                default: return nil
                }
                return QueueCursor(key: text, id: id).text
            }
            let hasNext = backwards ? true : more
            let hasPrevious = backwards ? more : after != nil
            return QueuePage(entries: rows.map(Store.entry),
                             next: hasNext ? try cursor(rows.last) : nil,
                             previous: hasPrevious ? try cursor(rows.first) : nil)
        }
    }

    /// The full-text condition of a page that shows `rows` items: the cheapest of three plans for how many listings
    /// the words match (SQLite cannot know: its estimate for a MATCH is fixed). Costs in µs per unit, measured at a
    /// million items (bench/queue-scale.sh); `walked` = items the order's index is walked for = rows × items / matches.
    /// - few matches: list them, look their items up and sort them (4 per match);
    /// - many: walk the order's index, testing each item against the set of matches, built once (0.15 per match
    ///   to build, 2 per item walked);
    /// - most: walk the order's index, looking each item's listing up in the full-text index by rowid (35 per item
    ///   walked), with each prefix expanded to its terms, since a prefix query first merges all its terms' postings.
    /// Matches are counted from the terms of each prefix and their listings (``prefixTerms(_:_:)``; for several
    /// words the smallest word's count, an upper bound), or, for words that are not plain ASCII letters and digits (such
    /// as EX4300-48T, which the tokenizer splits into a phrase), from the first 5,000 matches: their number, or when
    /// there are that many, how far into the listings' row ids they reach.
    static func textCondition(_ db: any SQLConnection, _ text: String, rows: Int) throws -> (String, SQLArguments)? {
        guard let query = QueueFilter.fullTextQuery(text) else { return nil }
        let words = QueueFilter.searchWords(text).map { $0.lowercased() }
        var matches = Int.max
        var expanded: [String]? = []
        if words.allSatisfy({ $0.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) } }) {
            for word in words {
                let prefix = try Store.prefixTerms(db, word)
                matches = min(matches, prefix.listings)
                guard let terms = prefix.terms, !terms.isEmpty else {
                    expanded = nil
                    continue
                }
                let alternatives = terms.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
                expanded = expanded.map { $0 + ["(" + alternatives.joined(separator: " OR ") + ")"] }
            }
        } else {
            // The first 5,000 matches (FTS5 yields them in rowid order) and how far into the listings they reach:
            // the count when there are fewer, else the density they show over all listings.
            let sample = try SQLRow.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, MAX(rowid) AS last FROM (SELECT rowid FROM listing_search WHERE listing_search MATCH ? LIMIT 5000)
                """, arguments: [query])
            let found: Int = sample?["n"] ?? 0
            if found < 5000 {
                matches = found
            } else {
                let last: Int64 = sample?["last"] ?? 1
                let top = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM listing") ?? last
                matches = Int(Double(found) * Double(top) / Double(max(last, 1)))
            }
            expanded = nil
        }
        let items = try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(n), 0) FROM queue_count WHERE category = ''") ?? 0
        let walked = Double(rows) * Double(items) / Double(max(matches, 1))
        let list = 4 * Double(matches), set = 0.15 * Double(matches) + 2 * walked, probe = 35 * walked
        if let expanded, probe < min(list, set) {
            return ("EXISTS (SELECT 1 FROM listing_search WHERE listing_search MATCH ? AND rowid = r.listing_ref)",
                    [expanded.joined(separator: " AND ")])
        }
        // The unary + keeps SQLite from looking items up by listing_ref, so it walks the order's index instead.
        return ((set < list ? "+" : "") + "r.listing_ref IN (SELECT rowid FROM listing_search WHERE listing_search MATCH ?)",
                [query])
    }

    /// Items per status and per status and category, read from the counts the triggers keep (no table scan).
    public func queueCounts() throws(StoreError) -> QueueCounts {
        try read("count the queue") { db in
            var counts = QueueCounts(byStatus: [:], byStatusAndCategory: [:])
            for row in try SQLRow.fetchAll(db, sql: "SELECT status, category, n FROM queue_count WHERE n > 0") {
                let status: String = row["status"], category: String = row["category"], n: Int = row["n"]
                if category.isEmpty { counts.byStatus[status] = n } else { counts.byStatusAndCategory[status, default: [:]][category] = n }
            }
            return counts
        }
    }

    /// How many items a filter selects (for bulk-action confirmations).
    public func queueCount(_ filter: QueueFilter) throws(StoreError) -> Int {
        try read("count selected items") { db in
            let (clause, arguments) = filter.sql(db.dialect)
            return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_item r" + clause, arguments: arguments) ?? 0
        }
    }

    /// Marketplaces and user names for the filter menus (small tables; no scan of the queue).
    public func queueFacets() throws(StoreError) -> (marketplaces: [String], users: [String]) {
        try read("list filter values") { db in
            (try String.fetchAll(db, sql: "SELECT name FROM marketplace ORDER BY name"),
             try String.fetchAll(db, sql: "SELECT name FROM \"user\" ORDER BY name"))
        }
    }
}
