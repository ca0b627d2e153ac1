import Foundation
import GRDB
import GraywatchCore

/// Step 7 of the pipeline: the SQLite store (GRDB) of listings, findings and review items.
public final class Store: Sendable {
    let database: DatabaseQueue

    /// Opens (creating if needed) the SQLite file at `path` and applies the migrations.
    public init(path: String) throws(StoreError) {
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(5)
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Store.migrator.migrate(database)
        } catch {
            throw StoreError(operation: "open \(path)", underlying: error)
        }
    }

    /// Runs `body` in a write transaction, wrapping errors with what was being done.
    func write<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw StoreError(operation: operation, underlying: error)
        }
    }

    /// Runs `body` with a read-only view of the store.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
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
