import Foundation

/// One row of the webhook outbox: an event waiting to be sent, sent, or dead (the dead-letter).
public struct OutboxEntry: Sendable, Equatable {
    public var id: Int64
    public var profile: String
    public var url: String
    /// The environment variable holding the signing secret (never the secret).
    public var secretEnv: String?
    public var eventKind: String
    public var eventID: String
    public var body: String
    /// pending, delivered or dead.
    public var status: String
    public var attempts: Int
    public var nextAttemptAt: String
    public var lastStatus: Int?
    public var lastError: String?
    public var createdAt: String
}

extension Store {
    /// Queues an event for a profile's webhook. An event id already queued is left alone (returns false), so
    /// a run that is resumed never sends the same event twice.
    @discardableResult
    public func enqueueWebhook(profile: String, url: String, secretEnv: String?, eventKind: String, eventID: String,
                               body: String, at date: Date = Date()) throws(StoreError) -> Bool {
        try write("queue webhook event \(eventID)") { db in
            // ON CONFLICT, not a look-up first: workers queueing the same event at once must not race.
            try !db.fetchRows(sql: """
                INSERT INTO webhook_delivery (profile, url, secret_env, event_kind, event_id, body, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING RETURNING id
                """, arguments: [profile, url, secretEnv, eventKind, eventID, body, Store.timestamp(date), Store.timestamp(date)])
                .isEmpty
        }
    }

    /// Pending deliveries due at `date`, oldest due first.
    public func dueWebhooks(at date: Date, limit: Int) throws(StoreError) -> [OutboxEntry] {
        try read("list due webhook deliveries") { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT * FROM webhook_delivery WHERE status = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at, id LIMIT \(max(1, min(limit, 1000)))
                """, arguments: [Store.timestamp(date)]).map(Store.outboxEntry)
        }
    }

    /// Deliveries in one state (`dead` is the dead-letter), newest first.
    public func webhookDeliveries(status: String, limit: Int = 100) throws(StoreError) -> [OutboxEntry] {
        try read("list webhook deliveries") { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT * FROM webhook_delivery WHERE status = ? ORDER BY id DESC LIMIT \(max(1, min(limit, 1000)))
                """, arguments: [status]).map(Store.outboxEntry)
        }
    }

    /// Records a delivery's outcome: `delivered`, `pending` again (a retry at `next`) or `dead`; `attempts` nil
    /// counts one more.
    public func markWebhook(_ id: Int64, status: String, attempts: Int?, httpStatus: Int? = nil, error: String? = nil,
                            next: Date? = nil, at date: Date = Date()) throws(StoreError) {
        try write("record webhook delivery \(id)") { db in
            try db.execute(sql: """
                UPDATE webhook_delivery SET status = ?, attempts = COALESCE(?, attempts + 1), last_status = COALESCE(?, last_status),
                    last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at), finished_at = ?
                WHERE id = ?
                """, arguments: [status, attempts, httpStatus, error, next.map(Store.timestamp),
                                 status == "pending" ? nil : Store.timestamp(date), id])
        }
    }

    /// Puts dead deliveries back in the queue (after the receiver is fixed); returns how many.
    public func retryDeadWebhooks(profile: String? = nil, at date: Date = Date()) throws(StoreError) -> Int {
        try write("retry dead webhook deliveries") { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM webhook_delivery WHERE status = 'dead'"
                                             + (profile == nil ? "" : " AND profile = ?"), arguments: profile.map { [$0] } ?? [])
            for id in ids {
                try db.execute(sql: """
                    UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = ?, finished_at = NULL WHERE id = ?
                    """, arguments: [Store.timestamp(date), id])
            }
            return ids.count
        }
    }

    /// The last audit-log entry a profile's feed has sent status changes up to, and moving it on.
    public func feedCursor(profile: String) throws(StoreError) -> Int64? {
        try read("read feed cursor") { db in
            try Int64.fetchOne(db, sql: "SELECT last_audit_ref FROM feed_cursor WHERE profile = ?", arguments: [profile])
        }
    }

    public func setFeedCursor(profile: String, to audit: Int64) throws(StoreError) {
        try write("move feed cursor") { db in
            try db.execute(sql: """
                INSERT INTO feed_cursor (profile, last_audit_ref) VALUES (?, ?)
                ON CONFLICT (profile) DO UPDATE SET last_audit_ref = excluded.last_audit_ref
                """, arguments: [profile, audit])
        }
    }

    /// Status changes in the audit log after `after` (oldest first) for items of some marketplaces.
    public func statusChanges(after: Int64, marketplaces: [String], limit: Int = 1000) throws(StoreError) -> [AuditRecord] {
        guard !marketplaces.isEmpty else { return [] }
        return try read("read status changes") { db in
            try SQLRow.fetchAll(db, sql: """
                SELECT a.*, l.title FROM audit_log a JOIN review_item r ON r.id = a.review_ref JOIN listing l ON l.id = r.listing_ref
                WHERE a.id > ? AND a.action IN ('status', 'reopen')
                    AND l.marketplace IN (\(marketplaces.map { _ in "?" }.joined(separator: ",")))
                ORDER BY a.id LIMIT \(max(1, min(limit, 10000)))
                """, arguments: [after] + SQLArguments(marketplaces)).map(Store.auditRecord)
        }
    }

    /// The newest audit-log id (0 for an empty log).
    public func lastAuditID() throws(StoreError) -> Int64 {
        try read("read the last audit id") { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM audit_log") ?? 0 }
    }

    static func outboxEntry(_ row: SQLRow) -> OutboxEntry {
        OutboxEntry(id: row["id"], profile: row["profile"], url: row["url"], secretEnv: row["secret_env"],
                    eventKind: row["event_kind"], eventID: row["event_id"], body: row["body"], status: row["status"],
                    attempts: row["attempts"], nextAttemptAt: row["next_attempt_at"], lastStatus: row["last_status"],
                    lastError: row["last_error"], createdAt: row["created_at"])
    }
}
