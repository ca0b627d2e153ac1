import Foundation
import GRDB

/// What a store file holds at one moment, read without migrating it (a scan process may be migrating it right now:
/// two processes must never migrate one file at once, so the test never opens it through `Store` while one runs).
struct StorePhase: CustomStringConvertible {
    var fileExists = false
    /// Migrations applied (rows of grdb_migrations).
    var migrations = 0
    var run: Int64?
    var runStatus: String?
    var pending = 0
    var settled = 0
    /// The highest finding row id ever used (findings are AUTOINCREMENT: it grows whenever scoring writes one).
    var findingSequence: Int64 = 0
    var reviewItems = 0

    /// The run exists, its frontier is empty and it is not finished: it is being scored (or was, when killed).
    var scoring: Bool { run != nil && runStatus == "running" && pending == 0 && settled > 0 }
    var finished: Bool { runStatus == "finished" }

    var description: String {
        guard fileExists else { return "no store file yet" }
        guard let run else { return migrations == 0 ? "no schema yet" : "\(migrations) migrations applied, no run yet" }
        if finished { return "run \(run) finished" }
        if scoring { return "scoring: frontier empty (\(settled) done), \(reviewItems) review items, finding seq \(findingSequence)" }
        return "crawl: \(settled) done, \(pending) pending"
    }
}

/// Reads ``StorePhase`` from an SQLite file with a plain GRDB connection (no migrator). Opening it read-write lets
/// SQLite roll back the journal a killed writer left behind, exactly as the next scan process would.
enum StoreProbe {
    static func phase(_ path: String) -> StorePhase {
        var phase = StorePhase()
        guard FileManager.default.fileExists(atPath: path) else { return phase }
        phase.fileExists = true
        do {
            let queue = try open(path)
            try queue.read { db in
                let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
                if tables.contains("grdb_migrations") {
                    phase.migrations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") ?? 0
                }
                guard tables.isSuperset(of: ["scan_run", "frontier", "finding", "review_item"]),
                    let run = try Row.fetchOne(db, sql: "SELECT id, status FROM scan_run ORDER BY id DESC LIMIT 1")
                else { return }
                phase.run = run["id"]
                phase.runStatus = run["status"]
                let counts = try Row.fetchOne(db, sql: """
                    SELECT COALESCE(SUM(state = 'pending'), 0) AS pending, COALESCE(SUM(state <> 'pending'), 0) AS settled
                    FROM frontier WHERE run_ref = ?
                    """, arguments: [phase.run])
                phase.pending = counts?["pending"] ?? 0
                phase.settled = counts?["settled"] ?? 0
                phase.findingSequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'finding'") ?? 0
                phase.reviewItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_item") ?? 0
            }
        } catch {
            // A file being created has no schema yet; anything else shows up in the final checks.
        }
        return phase
    }

    /// Whether the process has the store file open (Linux: its /proc/PID/fd links); false where that cannot be seen.
    static func holdsOpen(_ process: Process, _ path: String) -> Bool {
        let folder = "/proc/\(process.processIdentifier)/fd"
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let links = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return links.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0)) == target }
    }

    /// A plain connection that waits for the scan's write locks instead of failing. It retries every 0.1 ms (up to
    /// 10 s): SQLite's own busy timeout sleeps longer and longer between tries, and while the scan commits one
    /// transaction after another (scoring) such a reader misses every gap between them and sees nothing for seconds.
    static func open(_ path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .callback { tries in
            usleep(100)
            return tries < 100_000
        }
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}
