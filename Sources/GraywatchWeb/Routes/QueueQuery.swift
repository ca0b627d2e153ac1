import GraywatchCore
import GraywatchStore

/// The queue page's query string: filters, order and cursor, read once and written back into links and forms.
struct QueueQuery: Sendable {
    static let filterNames = ["status", "category", "marketplace", "seller", "family", "assignee", "min", "max", "q"]

    var values: [String: String] = [:]
    var filter = QueueFilter()
    var sort = QueueSort.score
    var after: QueueCursor?
    var before: QueueCursor?
    var limit = 50

    /// Reads the fields; unknown statuses, categories, orders or malformed numbers are a 400 that names the field.
    init(_ fields: FormFields) throws {
        for name in QueueQuery.filterNames + ["sort"] {
            if let value = fields[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { values[name] = String(value.prefix(200)) }
        }
        if let status = values["status"] {
            guard let parsed = ReviewStatus(rawValue: status) else { throw WebError(.badRequest, "unknown status '\(status)'") }
            filter.status = parsed
        }
        if let category = values["category"] {
            guard let parsed = Category(rawValue: category) else { throw WebError(.badRequest, "unknown category '\(category)'") }
            filter.category = parsed
        }
        for (name, path) in [("min", \QueueFilter.minScore), ("max", \QueueFilter.maxScore)] {
            guard let text = values[name] else { continue }
            guard let number = Int(text) else { throw WebError(.badRequest, "score bound '\(name)' must be a whole number") }
            filter[keyPath: path] = number
        }
        filter.marketplace = values["marketplace"]
        filter.seller = values["seller"]
        filter.skuFamily = values["family"]
        filter.assignee = values["assignee"]
        filter.text = values["q"]
        if let sort = values["sort"] {
            guard let parsed = QueueSort(rawValue: sort) else { throw WebError(.badRequest, "unknown order '\(sort)'") }
            self.sort = parsed
        }
        if let text = fields["after"], !text.isEmpty {
            guard let cursor = QueueCursor(text) else { throw WebError(.badRequest, "malformed cursor 'after'") }
            after = cursor
        }
        if let text = fields["before"], !text.isEmpty {
            guard let cursor = QueueCursor(text) else { throw WebError(.badRequest, "malformed cursor 'before'") }
            before = cursor
        }
        for cursor in [after, before].compactMap({ $0 }) where !sort.accepts(cursorKey: cursor.key) {
            throw WebError(.badRequest, "cursor '\(cursor.text)' does not belong to the '\(sort.rawValue)' order")
        }
        if let text = fields["limit"], let n = Int(text) { limit = max(1, min(n, 500)) }
    }

    /// The query string for these filters with some values replaced (nil removes), cursors dropped unless given.
    func query(_ changes: [String: String?] = [:]) -> String {
        var merged = values
        for (name, value) in changes { merged[name] = value ?? nil }
        return merged.sorted { $0.key < $1.key }.compactMap { name, value in
            value.isEmpty ? nil : name + "=" + HTML.queryValue(value)
        }.joined(separator: "&")
    }

    /// A link to the queue with changed values.
    func link(_ changes: [String: String?] = [:]) -> String {
        let query = query(changes)
        return query.isEmpty ? "/" : "/?" + query
    }

    /// The filters as hidden form fields (bulk actions and exports act on exactly what is shown).
    var hiddenFields: HTML {
        QueueQuery.filterNames.compactMap { name in values[name].map { (name, $0) } }.html { name, value in
            "<input type=\"hidden\" name=\"\(name)\" value=\"\(value)\">"
        }
    }

    /// True when no filter is set (bulk actions then refuse: a whole-queue change is never one click away).
    var isUnfiltered: Bool { QueueQuery.filterNames.allSatisfy { values[$0] == nil } }
}
