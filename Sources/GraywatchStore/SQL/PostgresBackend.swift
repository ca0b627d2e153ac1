import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// One PostgreSQL connection used the way GRDB's `DatabaseQueue` is: one transaction at a time, from any thread.
///
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE?schema=NAME&sslmode=disable|prefer|require` selects it.
/// `schema` (created if missing) keeps several stores in one database, as the tests do; the password may also
/// come from `PGPASSWORD`.
final class PostgresBackend: @unchecked Sendable {
    let connection: PostgresConnection
    let logger: Logger
    let location: PostgresLocation
    private let lock = NSLock()
    private let translations = SQLTranslationCache()

    init(url: String, logger: Logger = Logger(label: "graywatch.store")) throws {
        location = try PostgresLocation(url)
        self.logger = logger
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user,
            password: location.password ?? ProcessInfo.processInfo.environment["PGPASSWORD"],
            database: location.database, tls: try location.tls())
        configuration.options.connectTimeout = .seconds(10)
        connection = try PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration, id: 1, logger: logger
        ).wait()
        if let schema = location.schema {
            let quoted = "\"" + schema.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let sql = PostgresSQLConnection(connection, logger: logger, translations: translations)
            do {
                try sql.execute(sql: "CREATE SCHEMA IF NOT EXISTS \(quoted)")
            } catch {
                // Two openers creating one schema at once: PostgreSQL can fail one of them with a unique violation
                // despite IF NOT EXISTS; the schema is there then, made by the other.
                guard try Int.fetchOne(sql, sql: "SELECT 1 FROM pg_namespace WHERE nspname = ?", arguments: [schema]) == 1
                else { throw error }
            }
            try sql.execute(sql: "SET search_path TO \(quoted)")
        }
    }

    deinit {
        try? connection.close().wait()
    }

    /// Runs `body` on the connection, in a transaction when `transaction`; serialization failures and deadlocks
    /// (which concurrent workers can cause) run the transaction again, up to 5 times.
    func run<T>(transaction: Bool, _ body: (any SQLConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let sql = PostgresSQLConnection(connection, logger: logger, translations: translations)
        guard transaction else { return try body(sql) }
        var attempt = 0
        while true {
            attempt += 1
            try sql.execute(sql: "BEGIN")
            do {
                let result = try body(sql)
                try sql.execute(sql: "COMMIT")
                return result
            } catch {
                try? sql.execute(sql: "ROLLBACK")
                if let server = error as? PostgresServerError, server.isRetryable, attempt < 5 {
                    Thread.sleep(forTimeInterval: Double.random(in: 0.005...0.05) * Double(attempt))
                    continue
                }
                throw error
            }
        }
    }
}

/// The parts of a `postgres://` URL.
struct PostgresLocation: Sendable {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String?
    var schema: String?
    var sslMode: String

    init(_ url: String) throws {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
              ["postgres", "postgresql"].contains(scheme.lowercased()), let host = components.host, !host.isEmpty
        else { throw SQLError(message: "not a postgres://USER@HOST[:PORT]/DATABASE URL", sql: "") }
        self.host = host
        port = components.port ?? 5432
        user = components.user ?? ProcessInfo.processInfo.environment["PGUSER"] ?? "postgres"
        password = components.password
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        database = path.isEmpty ? nil : path
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        schema = query["schema"].flatMap { $0.isEmpty ? nil : $0 }
        sslMode = query["sslmode"] ?? "prefer"
        guard ["disable", "prefer", "require"].contains(sslMode) else {
            throw SQLError(message: "sslmode must be disable, prefer or require, not '\(sslMode)'", sql: "")
        }
    }

    func tls() throws -> PostgresConnection.Configuration.TLS {
        switch sslMode {
        case "disable": return .disable
        case "require": return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        default:
            // Loopback needs no TLS; elsewhere prefer it.
            if ["127.0.0.1", "localhost", "::1"].contains(host) { return .disable }
            return .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
    }

    /// The URL without its password, for messages.
    var redacted: String {
        "postgres://\(user)@\(host):\(port)/\(database ?? "")" + (schema.map { "?schema=\($0)" } ?? "")
    }
}
