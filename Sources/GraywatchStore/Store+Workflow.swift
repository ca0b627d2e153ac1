import Foundation
import GraywatchCore

/// A change the workflow refuses, with the reason in plain words.
public struct WorkflowError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
}

/// One line of an item's append-only audit log.
public struct AuditEntry: Sendable, Codable, Equatable {
    public var actor: String
    public var action: String
    public var from: String?
    public var to: String?
    public var reason: String?
    public var at: String
}

/// A note on a review item.
public struct ReviewNote: Sendable, Codable, Equatable {
    public var author: String
    public var text: String
    public var at: String
}

extension Store {
    /// Moves an item to `status`, writing the audit log in the same transaction. Illegal transitions, a dismissal
    /// without a reason and a confirmation without a category are refused.
    public func setStatus(_ id: Int64, to status: ReviewStatus, actor: String, reason: String? = nil,
                          category: Category? = nil) throws -> ReviewStatus {
        try transaction { db in try Store.setStatus(db, id, to: status, actor: actor, reason: reason, category: category) }
    }

    static func setStatus(_ db: any SQLConnection, _ id: Int64, to status: ReviewStatus, actor: String, reason: String?,
                          category: Category?) throws -> ReviewStatus {
        guard let row = try SQLRow.fetchOne(db, sql: """
            SELECT r.status, r.score, r.categories, l.price_amount, r.listing_ref FROM review_item r
            JOIN listing l ON l.id = r.listing_ref WHERE r.id = ?
            """, arguments: [id])
        else { throw WorkflowError(message: "no review item \(id)") }
        let current = ReviewStatus(rawValue: row["status"]) ?? .new
        guard current.next.contains(status) else {
            throw WorkflowError(message: "review item \(id) is \(current.rawValue): it cannot become \(status.rawValue) "
                + "(allowed: \(current.next.map(\.rawValue).sorted().joined(separator: ", ")))")
        }
        let trimmedReason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == .dismissed, trimmedReason?.isEmpty ?? true {
            throw WorkflowError(message: "dismissing review item \(id) needs a reason (--reason)")
        }
        if status == .confirmed, category == nil {
            throw WorkflowError(message: "confirming review item \(id) needs a category (--category)")
        }
        let now = timestamp(Date())
        if status == .dismissed {
            let listingRef: Int64 = row["listing_ref"]
            let rules = try String.fetchAll(db, sql: "SELECT rule_id FROM finding WHERE listing_ref = ? AND "
                                                + Store.latestObservation + " ORDER BY rule_id",
                                            arguments: [listingRef, listingRef])
            try db.execute(sql: "UPDATE review_item SET dismissed_rules = ?, dismissed_price = ? WHERE id = ?",
                           arguments: [rules.joined(separator: ","), row["price_amount"] as String?, id])
        }
        if let category {
            try db.execute(sql: "UPDATE review_item SET confirmed_category = ? WHERE id = ?", arguments: [category.rawValue, id])
        }
        try db.execute(sql: "UPDATE review_item SET status = ?, updated_at = ? WHERE id = ?", arguments: [status.rawValue, now, id])
        try audit(db, id, actor: actor, action: "status", from: current.rawValue, to: status.rawValue,
                  reason: [trimmedReason, category.map { "category \($0.rawValue)" }].compactMap { $0 }.joined(separator: "; ").nilIfEmpty)
        return status
    }

    /// Assigns an item (nil unassigns), audited.
    public func assign(_ id: Int64, to assignee: String?, actor: String) throws {
        try transaction { db in try Store.assign(db, id, to: assignee, actor: actor) }
    }

    static func assign(_ db: any SQLConnection, _ id: Int64, to assignee: String?, actor: String) throws {
        guard let previous = try SQLRow.fetchOne(db, sql: "SELECT assignee FROM review_item WHERE id = ?", arguments: [id]) else {
            throw WorkflowError(message: "no review item \(id)")
        }
        try db.execute(sql: "UPDATE review_item SET assignee = ?, updated_at = ? WHERE id = ?",
                       arguments: [assignee, timestamp(Date()), id])
        try audit(db, id, actor: actor, action: "assign", from: previous["assignee"], to: assignee, reason: nil)
    }

    /// Adds a note, audited.
    public func addNote(_ id: Int64, text: String, author: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw WorkflowError(message: "a note needs text") }
        try transaction { db in try Store.note(db, id, text: trimmed, author: author) }
    }

    static func note(_ db: any SQLConnection, _ id: Int64, text: String, author: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM review_item WHERE id = ?", arguments: [id]) == true else {
            throw WorkflowError(message: "no review item \(id)")
        }
        try db.execute(sql: "INSERT INTO note (review_ref, author, text, at) VALUES (?, ?, ?, ?)",
                       arguments: [id, author, text, timestamp(Date())])
        try audit(db, id, actor: author, action: "note", from: nil, to: nil, reason: nil)
    }

    /// Applies one change to every item the filter selects, all in one transaction: all or nothing.
    public func bulk(_ filter: QueueFilter, _ change: (any SQLConnection, Int64) throws -> Void) throws -> Int {
        try transaction { db in
            let (clause, arguments) = filter.sql(db.dialect)
            let ids = try Int64.fetchAll(db, sql: "SELECT r.id FROM review_item r JOIN listing l ON l.id = r.listing_ref" + clause
                                             + " ORDER BY r.id", arguments: arguments)
            for id in ids { try change(db, id) }
            return ids.count
        }
    }

    /// Bulk status change by filter.
    public func bulkSetStatus(_ filter: QueueFilter, to status: ReviewStatus, actor: String, reason: String?,
                              category: Category?) throws -> Int {
        try bulk(filter) { db, id in _ = try Store.setStatus(db, id, to: status, actor: actor, reason: reason, category: category) }
    }

    /// Bulk assignment by filter.
    public func bulkAssign(_ filter: QueueFilter, to assignee: String?, actor: String) throws -> Int {
        try bulk(filter) { db, id in try Store.assign(db, id, to: assignee, actor: actor) }
    }

    /// Bulk note by filter.
    public func bulkNote(_ filter: QueueFilter, text: String, author: String) throws -> Int {
        try bulk(filter) { db, id in try Store.note(db, id, text: text, author: author) }
    }

    /// An item's audit log, oldest first.
    public func history(_ id: Int64) throws(StoreError) -> [AuditEntry] {
        try read("history of review item \(id)") { db in
            try SQLRow.fetchAll(db, sql: "SELECT * FROM audit_log WHERE review_ref = ? ORDER BY id", arguments: [id]).map {
                AuditEntry(actor: $0["actor"], action: $0["action"], from: $0["from_value"], to: $0["to_value"],
                           reason: $0["reason"], at: $0["at"])
            }
        }
    }

    /// An item's notes, oldest first.
    public func notes(_ id: Int64) throws(StoreError) -> [ReviewNote] {
        try read("notes of review item \(id)") { db in
            try SQLRow.fetchAll(db, sql: "SELECT author, text, at FROM note WHERE review_ref = ? ORDER BY id", arguments: [id])
                .map { ReviewNote(author: $0["author"], text: $0["text"], at: $0["at"]) }
        }
    }

    static func audit(_ db: any SQLConnection, _ id: Int64, actor: String, action: String, from: String?, to: String?,
                      reason: String?) throws {
        try db.execute(sql: """
            INSERT INTO audit_log (review_ref, actor, action, from_value, to_value, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, actor, action, from, to, reason, timestamp(Date())])
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// One line of the global audit log, with the item it concerns.
public struct AuditRecord: Sendable, Codable, Equatable {
    public var id: Int64
    public var reviewID: Int64
    public var title: String
    public var entry: AuditEntry
}

extension Store {
    /// The global audit log, newest first, `limit` lines before the line with id `before` (keyset pagination).
    public func auditLog(limit: Int = 100, before: Int64? = nil, actor: String? = nil) throws(StoreError) -> [AuditRecord] {
        try read("read the audit log") { db in
            var clauses: [String] = []
            var arguments: SQLArguments = []
            if let before { clauses.append("a.id < ?"); arguments += [before] }
            if let actor { clauses.append("a.actor = ?"); arguments += [actor] }
            let whereClause = clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")
            return try SQLRow.fetchAll(db, sql: """
                SELECT a.*, l.title FROM audit_log a JOIN review_item r ON r.id = a.review_ref JOIN listing l ON l.id = r.listing_ref
                \(whereClause) ORDER BY a.id DESC LIMIT \(max(1, min(limit, 1000)))
                """, arguments: arguments).map(Store.auditRecord)
        }
    }

    static func auditRecord(_ row: SQLRow) -> AuditRecord {
        AuditRecord(id: row["id"], reviewID: row["review_ref"], title: row["title"],
                    entry: AuditEntry(actor: row["actor"], action: row["action"], from: row["from_value"],
                                      to: row["to_value"], reason: row["reason"], at: row["at"]))
    }
}
