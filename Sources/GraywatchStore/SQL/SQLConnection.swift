import Foundation

/// The SQL engine behind a store.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// A database connection inside a transaction (or a read): what every store operation is written against, so
/// one body of SQL serves SQLite and PostgreSQL. Statements use `?` placeholders on both.
public protocol SQLConnection: AnyObject {
    var dialect: SQLDialect { get }
    /// Runs one statement (SQLite also accepts several separated by `;` when there are no arguments).
    func execute(sql: String, arguments: SQLArguments) throws
    /// Runs a query and returns all of its rows.
    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow]
}

extension SQLConnection {
    public func execute(sql: String) throws {
        try execute(sql: sql, arguments: [])
    }

    /// Runs an INSERT and returns the new row's `id` (`RETURNING id`, which both engines support).
    public func insert(sql: String, arguments: SQLArguments = []) throws -> Int64 {
        guard let id = try fetchRows(sql: sql + " RETURNING id", arguments: arguments).first?.first(Int64.self) else {
            throw SQLError(message: "insert returned no id", sql: sql)
        }
        return id
    }
}

/// An SQL statement that failed in the store's own layer (the engines' errors pass through unchanged).
public struct SQLError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var sql: String

    public var description: String { "\(message) (in: \(sql.prefix(120)))" }
}

extension SQLRow {
    public static func fetchAll(_ db: any SQLConnection, sql: String, arguments: SQLArguments = []) throws -> [SQLRow] {
        try db.fetchRows(sql: sql, arguments: arguments)
    }

    public static func fetchOne(_ db: any SQLConnection, sql: String, arguments: SQLArguments = []) throws -> SQLRow? {
        try db.fetchRows(sql: sql, arguments: arguments).first
    }
}

extension SQLDecodable {
    /// The first column of the first row; nil when there is no row or it is NULL.
    public static func fetchOne(_ db: any SQLConnection, sql: String, arguments: SQLArguments = []) throws -> Self? {
        try db.fetchRows(sql: sql, arguments: arguments).first?.first(Self.self)
    }

    /// The first column of every row (rows whose value is NULL are left out).
    public static func fetchAll(_ db: any SQLConnection, sql: String, arguments: SQLArguments = []) throws -> [Self] {
        try db.fetchRows(sql: sql, arguments: arguments).compactMap { $0.first(Self.self) }
    }
}
