import Foundation
import GRDB
import GraywatchCore

/// Step 7 of the pipeline: the store of listings, findings and review items — an SQLite file (GRDB) or a
/// PostgreSQL database (postgres-nio), with the same schema and behaviour. Every operation is written once, against
/// ``SQLConnection``.
public final class Store: Sendable {
    enum Backend: Sendable {
        case sqlite(DatabaseQueue)
        case postgres(PostgresBackend)
    }

    let backend: Backend
    /// Where the store is: the SQLite path, or the PostgreSQL URL without its password.
    public let location: String

    /// Opens (creating if needed) the SQLite file at `path` and applies the migrations.
    public init(path: String) throws(StoreError) {
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(5)
            // Write-ahead log, synced at checkpoints: a commit costs no fsync, a crash of the process (SIGKILL
            // included) loses nothing committed, a power cut at worst the last commits — never consistency.
            configuration.prepareDatabase { db in
                try Store.switchToWAL(db)
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            let database = try DatabaseQueue(path: path, configuration: configuration)
            try Store.migrateSQLite(database)
            backend = .sqlite(database)
            location = path
        } catch {
            throw StoreError(operation: "open \(path)", underlying: error)
        }
    }

    /// Puts a new SQLite file in write-ahead-log mode. The switch needs the file to itself, and SQLite answers
    /// SQLITE_BUSY at once, without its busy handler, while another process opening the same new file holds a
    /// lock: so it is tried again for up to 10 s (ConcurrentMigrationTests failed about one round in two without).
    static func switchToWAL(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(10)
        while true {
            do {
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    try db.execute(sql: "PRAGMA journal_mode = WAL")
                }
                return
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
                usleep(2_000)
            }
        }
    }

    /// Opens the store at `location`: a `postgres://` or `postgresql://` URL selects PostgreSQL, anything else is
    /// an SQLite file path.
    public convenience init(location: String) throws(StoreError) {
        if Store.isPostgres(location) {
            try self.init(postgres: location)
        } else {
            try self.init(path: location)
        }
    }

    /// Connects to PostgreSQL and applies its migrations.
    public init(postgres url: String) throws(StoreError) {
        let redacted = (try? PostgresLocation(url).redacted) ?? "postgres://…"
        do {
            let postgres = try PostgresBackend(url: url)
            try Store.migratePostgres(postgres)
            backend = .postgres(postgres)
            location = redacted
        } catch {
            throw StoreError(operation: "open \(redacted)", underlying: error)
        }
    }

    /// Whether `location` names a PostgreSQL database.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Which engine holds the store.
    public var dialect: SQLDialect {
        switch backend {
        case .sqlite: return .sqlite
        case .postgres: return .postgres
        }
    }

    /// Runs `body` in a write transaction, wrapping errors with what was being done.
    public func write<T>(_ operation: String, _ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            switch backend {
            case .sqlite(let database): return try database.write { try body(SQLiteConnection($0)) }
            case .postgres(let postgres): return try postgres.run(transaction: true, body)
            }
        } catch {
            throw StoreError(operation: operation, underlying: error)
        }
    }

    /// Runs `body` with a consistent view of the store (one read transaction).
    ///
    /// On SQLite this is a deferred transaction on the queue's connection, not GRDB's `read`: that one switches
    /// `PRAGMA query_only` on and off around each read, and SQLite expires every prepared statement when a flag
    /// pragma changes, so a crawl's cached page writes were compiled again after each page-cache look (3.7% of the
    /// crawl's CPU in `sqlite3Reprepare`). The bodies passed here only read.
    public func read<T>(_ operation: String, _ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            switch backend {
            case .sqlite(let database):
                return try database.inDatabase { db in
                    var result: T?
                    try db.inTransaction(.deferred) {
                        result = try body(SQLiteConnection(db))
                        return .commit
                    }
                    guard let result else { throw SQLError(message: "read transaction produced no result", sql: "") }
                    return result
                }
            case .postgres(let postgres): return try postgres.run(transaction: false, body)
            }
        } catch {
            throw StoreError(operation: operation, underlying: error)
        }
    }

    /// As ``write(_:_:)``, passing the body's own errors (workflow refusals) through unwrapped.
    func transaction<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        switch backend {
        case .sqlite(let database): return try database.write { try body(SQLiteConnection($0)) }
        case .postgres(let postgres): return try postgres.run(transaction: true, body)
        }
    }

    /// Runs `body` outside any transaction (for work that manages its own, such as bulk imports).
    func withoutTransaction<T>(_ operation: String, _ body: (any SQLConnection) throws -> T) throws(StoreError) -> T {
        do {
            switch backend {
            case .sqlite(let database): return try database.writeWithoutTransaction { try body(SQLiteConnection($0)) }
            case .postgres(let postgres): return try postgres.run(transaction: false, body)
            }
        } catch {
            throw StoreError(operation: operation, underlying: error)
        }
    }
}

/// A store operation that failed: what was being done, and the database's own error.
public struct StoreError: Error, CustomStringConvertible {
    public var operation: String
    public var underlying: any Error

    public var description: String { "store: \(operation) failed: \(underlying)" }
}
