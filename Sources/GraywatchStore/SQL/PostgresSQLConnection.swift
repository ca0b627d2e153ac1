import Foundation
import Logging
import NIOCore
import PostgresNIO

/// The PostgreSQL side of ``SQLConnection``: statements written for both engines, translated once per text
/// (`?` → `$n`, `IFNULL` → `COALESCE`, `INSERT OR IGNORE` → `ON CONFLICT DO NOTHING`) and run over postgres-nio.
final class PostgresSQLConnection: SQLConnection {
    let connection: PostgresConnection
    let logger: Logger
    let translations: SQLTranslationCache
    var dialect: SQLDialect { .postgres }

    init(_ connection: PostgresConnection, logger: Logger, translations: SQLTranslationCache) {
        self.connection = connection
        self.logger = logger
        self.translations = translations
    }

    func execute(sql: String, arguments: SQLArguments) throws {
        _ = try run(sql, arguments)
    }

    func fetchRows(sql: String, arguments: SQLArguments) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        var rows: [SQLRow] = []
        for row in result.rows {
            var columns: [String] = [], values: [SQLValue] = []
            for cell in row {
                columns.append(cell.columnName)
                values.append(try PostgresSQLConnection.value(cell))
            }
            rows.append(SQLRow(columns: columns, values: values))
        }
        return rows
    }

    private func run(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        var binds = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value {
            case .null: binds.appendNull()
            case .integer(let n): binds.append(n)
            case .real(let d): binds.append(d)
            case .text(let s): binds.append(s)
            case .blob(let data): binds.append(ByteBuffer(bytes: data))
            }
        }
        let text = translations.postgres(sql)
        do {
            return try connection.query(PostgresQuery(unsafeSQL: text, binds: binds), logger: logger).wait()
        } catch let error as PSQLError {
            throw PostgresServerError(error, sql: text)
        }
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2: return .integer(Int64(try cell.decode(Int16.self)))
        case .int4: return .integer(Int64(try cell.decode(Int32.self)))
        case .int8: return .integer(try cell.decode(Int64.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .numeric:
            let decimal = try cell.decode(Decimal.self)
            if decimal == decimal.rounded(0), let n = Int64(exactly: NSDecimalNumber(decimal: decimal).int64Value),
               Decimal(n) == decimal { return .integer(n) }
            return .real(NSDecimalNumber(decimal: decimal).doubleValue)
        case .bytea: return .blob(try cell.decode(Data.self))
        default: return .text(try cell.decode(String.self))
        }
    }
}

extension Decimal {
    fileprivate func rounded(_ scale: Int) -> Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}

/// What PostgreSQL said about a failed statement: SQLSTATE, message and detail (postgres-nio hides them by default).
public struct PostgresServerError: Error, CustomStringConvertible, Sendable {
    public var sqlState: String?
    public var message: String
    public var sql: String

    init(_ error: PSQLError, sql: String) {
        sqlState = error.serverInfo?[.sqlState]
        let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
        message = (error.serverInfo?[.message] ?? "\(error.code)") + detail
        self.sql = sql
    }

    /// Serialization failure or deadlock: the transaction may simply be run again.
    var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

    public var description: String {
        "PostgreSQL \(sqlState ?? "error"): \(message) (in: \(sql.prefix(160)))"
    }
}
