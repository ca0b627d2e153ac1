import Foundation

/// A frontier URL a worker has taken for a while: nobody else fetches it until the lease runs out.
public struct FrontierLease: Sendable, Equatable {
    public var entry: FrontierEntry
    public var expiresAt: String
}

extension Store {
    /// Takes up to `limit` pending URLs of a run that nobody holds (or whose holder's lease ran out) for `owner`,
    /// in discovery order. PostgreSQL skips rows other workers are taking at the same moment
    /// (`FOR UPDATE SKIP LOCKED`); SQLite's single writer makes the same statement safe across processes.
    public func leaseFrontier(run: Int64, owner: String, limit: Int, seconds: Double,
                              at date: Date = Date()) throws(StoreError) -> [FrontierEntry] {
        let now = Store.timestamp(date), until = Store.timestamp(date.addingTimeInterval(seconds))
        return try write("lease frontier URLs of run \(run)") { db in
            let lock = db.dialect == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
            let rows = try SQLRow.fetchAll(db, sql: """
                SELECT url, depth, attempts FROM frontier
                WHERE run_ref = ? AND state = 'pending' AND (lease_owner IS NULL OR lease_expires_at < ?)
                ORDER BY rowid LIMIT \(max(1, limit))\(lock)
                """, arguments: [run, now])
            for row in rows {
                try db.execute(sql: "UPDATE frontier SET lease_owner = ?, lease_expires_at = ? WHERE run_ref = ? AND url = ?",
                               arguments: [owner, until, run, row["url"] as String])
            }
            return rows.map { FrontierEntry(url: $0["url"], depth: $0["depth"], attempts: $0["attempts"]) }
        }
    }

    /// Extends `owner`'s leases on the run's URLs it has not finished yet.
    public func renewLeases(run: Int64, owner: String, seconds: Double, at date: Date = Date()) throws(StoreError) {
        try write("renew leases of run \(run)") { db in
            try db.execute(sql: """
                UPDATE frontier SET lease_expires_at = ? WHERE run_ref = ? AND lease_owner = ? AND state = 'pending'
                """, arguments: [Store.timestamp(date.addingTimeInterval(seconds)), run, owner])
        }
    }

    /// Gives back `owner`'s unfinished leases (a worker stopping cleanly), so others need not wait for them to expire.
    public func releaseLeases(run: Int64, owner: String) throws(StoreError) {
        try write("release leases of run \(run)") { db in
            try db.execute(sql: """
                UPDATE frontier SET lease_owner = NULL, lease_expires_at = NULL
                WHERE run_ref = ? AND lease_owner = ? AND state = 'pending'
                """, arguments: [run, owner])
        }
    }

    /// Pending URLs of a run: all of them, and those someone else holds a live lease on.
    public func pendingCount(run: Int64, at date: Date = Date()) throws(StoreError) -> (pending: Int, leased: Int) {
        try read("count pending URLs of run \(run)") { db in
            let row = try SQLRow.fetchOne(db, sql: """
                SELECT COUNT(*) AS pending,
                    COALESCE(SUM(CASE WHEN lease_owner IS NOT NULL AND lease_expires_at >= ? THEN 1 ELSE 0 END), 0) AS leased
                FROM frontier WHERE run_ref = ? AND state = 'pending'
                """, arguments: [Store.timestamp(date), run])
            return (row?["pending"] ?? 0, row?["leased"] ?? 0)
        }
    }

    /// Claims the scoring of a run whose frontier is done: one worker scores, the others stop. A claim that ran
    /// out (its worker died) can be taken again.
    public func claimScoring(run: Int64, owner: String, seconds: Double, at date: Date = Date()) throws(StoreError) -> Bool {
        let now = Store.timestamp(date), until = Store.timestamp(date.addingTimeInterval(seconds))
        return try write("claim scoring of run \(run)") { db in
            try db.execute(sql: """
                UPDATE scan_run SET scoring_owner = ?, scoring_expires_at = ?
                WHERE id = ? AND status = 'running'
                    AND (scoring_owner IS NULL OR scoring_owner = ? OR scoring_expires_at < ?)
                """, arguments: [owner, until, run, owner, now])
            return try String.fetchOne(db, sql: "SELECT scoring_owner FROM scan_run WHERE id = ?", arguments: [run]) == owner
        }
    }

    /// Opens a run for a scan profile, or joins the one that did not finish — atomically, so workers starting
    /// together end up in one run. Returns the run and whether it was created now.
    public func beginOrJoinRun(profile: String, configurationJSON: String, start: [FrontierEntry],
                               at date: Date = Date()) throws(StoreError) -> (run: Int64, created: Bool) {
        try write("begin or join a run of profile \(profile)") { db in
            if db.dialect == .postgres {
                try db.execute(sql: "SELECT pg_advisory_xact_lock(7010427, hashtext(current_schema() || ':' || ?))", arguments: [profile])
            }
            if let run = try Int64.fetchOne(db, sql: """
                SELECT id FROM scan_run WHERE profile = ? AND status = 'running' ORDER BY id DESC LIMIT 1
                """, arguments: [profile]) { return (run, false) }
            let run = try db.insert(sql: """
                INSERT INTO scan_run (started_at, status, configuration_json, profile) VALUES (?, 'running', ?, ?)
                """, arguments: [Store.timestamp(date), configurationJSON, profile])
            try Store.insertFrontier(db, run: run, entries: start, at: date)
            return (run, true)
        }
    }

    /// The unfinished run of a profile, with its configuration.
    public func unfinishedRun(profile: String) throws(StoreError) -> (id: Int64, configurationJSON: String)? {
        try read("find the unfinished run of profile \(profile)") { db in
            try SQLRow.fetchOne(db, sql: """
                SELECT id, configuration_json FROM scan_run WHERE profile = ? AND status = 'running' ORDER BY id DESC LIMIT 1
                """, arguments: [profile]).map { (id: $0["id"], configurationJSON: $0["configuration_json"]) }
        }
    }
}
