/// The arguments of a statement, in placeholder order (`?` in the SQL text of both backends).
public struct SQLArguments: Sendable, ExpressibleByArrayLiteral, Equatable {
    public var values: [SQLValue]

    public init(arrayLiteral elements: (any SQLBindable)?...) {
        values = elements.map { $0?.sqlValue ?? .null }
    }

    public init(_ values: [some SQLBindable]) {
        self.values = values.map(\.sqlValue)
    }

    public init(values: [SQLValue]) {
        self.values = values
    }

    public static func += (lhs: inout SQLArguments, rhs: SQLArguments) {
        lhs.values += rhs.values
    }

    public static func + (lhs: SQLArguments, rhs: SQLArguments) -> SQLArguments {
        SQLArguments(values: lhs.values + rhs.values)
    }
}

/// One result row: column names (lower case, as both backends report them) and values.
public struct SQLRow: Sendable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The raw value of a column, `.null` when the row has no such column.
    public func value(_ column: String) -> SQLValue {
        guard let index = columns.firstIndex(of: column) else { return .null }
        return values[index]
    }

    /// The column read as `T`. The store reads only columns its own statements select, so a mismatch is a
    /// programming error, reported with the column's name (as GRDB does).
    public subscript<T: SQLDecodable>(_ column: String) -> T {
        guard let decoded = T.decode(value(column)) else {
            fatalError("store: column '\(column)' holds \(value(column)), not \(T.self)")
        }
        return decoded
    }

    /// The first column read as `T`.
    public func first<T: SQLDecodable>(_ type: T.Type = T.self) -> T? {
        values.first.flatMap { T.decode($0) }
    }
}
