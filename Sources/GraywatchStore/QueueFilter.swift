import GRDB
import GraywatchCore

/// Which review items a list, a bulk action or an export covers. Empty fields do not filter.
public struct QueueFilter: Sendable, Equatable {
    public var status: ReviewStatus?
    public var category: Category?
    public var minScore: Int?
    public var marketplace: String?
    public var seller: String?
    public var assignee: String?
    public var ids: [Int64]?

    public init(status: ReviewStatus? = nil, category: Category? = nil, minScore: Int? = nil, marketplace: String? = nil,
                seller: String? = nil, assignee: String? = nil, ids: [Int64]? = nil) {
        self.status = status
        self.category = category
        self.minScore = minScore
        self.marketplace = marketplace
        self.seller = seller
        self.assignee = assignee
        self.ids = ids
    }

    /// The SQL WHERE clause (over `review_item r JOIN listing l`) and its arguments.
    var sql: (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let status { clauses.append("r.status = ?"); arguments += [status.rawValue] }
        if let category {
            clauses.append("(',' || r.categories || ',') LIKE ?")
            arguments += ["%," + category.rawValue + ",%"]
        }
        if let minScore { clauses.append("r.score >= ?"); arguments += [minScore] }
        if let marketplace { clauses.append("l.marketplace = ?"); arguments += [marketplace] }
        if let seller { clauses.append("l.seller_name = ?"); arguments += [seller] }
        if let assignee { clauses.append("r.assignee = ?"); arguments += [assignee] }
        if let ids {
            clauses.append("r.id IN (\(ids.isEmpty ? "NULL" : ids.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(ids)
        }
        return (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND "), arguments)
    }
}
