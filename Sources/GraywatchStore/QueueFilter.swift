import GraywatchCore

/// Which review items a list, a bulk action or an export covers. Empty fields do not filter.
public struct QueueFilter: Sendable, Equatable, Codable {
    public var status: ReviewStatus?
    public var category: Category?
    public var minScore: Int?
    public var maxScore: Int?
    public var marketplace: String?
    public var seller: String?
    /// The part number before its first hyphen (EX4300 for EX4300-48T).
    public var skuFamily: String?
    public var assignee: String?
    /// Words to find in the listing's title, seller, part number or listing id (full-text, prefix match).
    public var text: String?
    public var ids: [Int64]?

    public init(status: ReviewStatus? = nil, category: Category? = nil, minScore: Int? = nil, maxScore: Int? = nil,
                marketplace: String? = nil, seller: String? = nil, skuFamily: String? = nil, assignee: String? = nil,
                text: String? = nil, ids: [Int64]? = nil) {
        self.status = status
        self.category = category
        self.minScore = minScore
        self.maxScore = maxScore
        self.marketplace = marketplace
        self.seller = seller
        self.skuFamily = skuFamily
        self.assignee = assignee
        self.text = text
        self.ids = ids
    }

    /// The SQL WHERE clause (over `review_item r JOIN listing l`) and its arguments. Every filter reads a column of
    /// `review_item` that an index covers; seller text never reaches the SQL text, only its arguments.
    func sql(_ dialect: SQLDialect) -> (String, SQLArguments) {
        let (clauses, arguments) = conditions(dialect, text: nil)
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), arguments)
    }

    /// As `conditions`, with `textClause` (SQL and arguments) in place of the full-text clause when given.
    func conditions(_ dialect: SQLDialect, text textClause: (String, SQLArguments)?) -> ([String], SQLArguments) {
        var clauses: [String] = []
        var arguments: SQLArguments = []
        if let status { clauses.append("r.status = ?"); arguments += [status.rawValue] }
        if let category {
            clauses.append("EXISTS (SELECT 1 FROM review_category c WHERE c.review_ref = r.id AND c.category = ?)")
            arguments += [category.rawValue]
        }
        if let minScore { clauses.append("r.score >= ?"); arguments += [minScore] }
        if let maxScore { clauses.append("r.score <= ?"); arguments += [maxScore] }
        if let marketplace { clauses.append("r.marketplace = ?"); arguments += [marketplace] }
        if let seller { clauses.append("r.seller = ?"); arguments += [seller] }
        if let skuFamily { clauses.append("r.sku_family = ?"); arguments += [skuFamily.uppercased()] }
        if let assignee { clauses.append("r.assignee = ?"); arguments += [assignee] }
        if let textClause, text.flatMap(QueueFilter.fullTextQuery) != nil {
            clauses.append(textClause.0)
            arguments += textClause.1
        } else if dialect == .postgres, let query = text.flatMap(QueueFilter.tsQuery) {
            clauses.append("r.listing_ref IN (SELECT id FROM listing WHERE search_vector @@ to_tsquery('simple', ?))")
            arguments += [query]
        } else if let query = text.flatMap(QueueFilter.fullTextQuery) {
            clauses.append("r.listing_ref IN (SELECT rowid FROM listing_search WHERE listing_search MATCH ?)")
            arguments += [query]
        }
        if let ids {
            clauses.append("r.id IN (\(ids.isEmpty ? "NULL" : ids.map { _ in "?" }.joined(separator: ",")))")
            arguments += SQLArguments(ids)
        }
        return (clauses, arguments)
    }

    /// An FTS5 query from what an analyst typed: every word a quoted prefix term, so no FTS5 syntax
    /// (operators, column filters) can be injected. Nil when nothing searchable remains.
    static func fullTextQuery(_ text: String) -> String? {
        let words = searchWords(text).map { word in "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    /// The PostgreSQL `tsquery` for what an analyst typed, matching as the FTS5 query does: every word a prefix
    /// term, a word with inner punctuation (EX4300-48T) a phrase of its letter-and-digit runs, the last of them a
    /// prefix. The runs hold only letters and digits, so no tsquery syntax can be injected.
    static func tsQuery(_ text: String) -> String? {
        let terms = searchWords(text).compactMap { word -> String? in
            let parts = word.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map { "'\($0)'" }
            guard let last = parts.last else { return nil }
            let phrase = (parts.dropLast() + [last + ":*"]).joined(separator: " <-> ")
            return parts.count > 1 ? "(" + phrase + ")" : phrase
        }
        return terms.isEmpty ? nil : terms.joined(separator: " & ")
    }

    /// The words of a search, at most 16. NUL ends an FTS5 string early, so it separates words; words with no
    /// letter or digit match nothing.
    static func searchWords(_ text: String) -> [Substring] {
        Array(text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{0}" })
            .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.prefix(16))
    }
}
