import Foundation
import GRDB

/// The SQLite side of ``SQLConnection``: a GRDB database handle inside `DatabaseQueue.read/write`.
final class SQLiteConnection: SQLConnection {
    let db: Database
    var dialect: SQLDialect { .sqlite }

    init(_ db: Database) {
        self.db = db
    }

    /// Runs `sql`. One statement is prepared once per connection and kept (GRDB's statement cache): preparing a
    /// write compiles every trigger it fires too (the full-text index, the queue counts), which cost about a tenth
    /// of a crawl's CPU when each page's statements were prepared again. Several statements run one by one.
    func execute(sql: String, arguments: SQLArguments) throws {
        if SQLiteConnection.isOneStatement(sql) {
            try db.cachedStatement(sql: sql).execute(arguments: SQLiteConnection.arguments(arguments))
        } else if arguments.values.isEmpty {
            try db.execute(sql: sql)
        } else {
            try db.execute(sql: sql, arguments: SQLiteConnection.arguments(arguments))
        }
    }

    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        let statement = SQLiteConnection.isOneStatement(sql) ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
        return try Row.fetchAll(statement, arguments: SQLiteConnection.arguments(arguments)).map { row in
            SQLRow(columns: Array(row.columnNames), values: row.databaseValues.map(SQLiteConnection.value))
        }
    }

    /// True when `sql` has no semicolon but a last one: a single statement (a semicolon inside a literal only
    /// makes it take the uncached way).
    static func isOneStatement(_ sql: String) -> Bool {
        var utf8 = sql.utf8[...]
        while let last = utf8.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\n") || last == UInt8(ascii: "\t") {
            utf8 = utf8.dropLast()
        }
        if utf8.last == UInt8(ascii: ";") { utf8 = utf8.dropLast() }
        return !utf8.contains(UInt8(ascii: ";"))
    }

    static func arguments(_ arguments: SQLArguments) -> StatementArguments {
        StatementArguments(arguments.values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .null: return nil
            case .integer(let n): return n
            case .real(let d): return d
            case .text(let s): return s
            case .blob(let data): return data
            }
        })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let n): return .integer(n)
        case .double(let d): return .real(d)
        case .string(let s): return .text(s)
        case .blob(let data): return .blob(data)
        }
    }
}
