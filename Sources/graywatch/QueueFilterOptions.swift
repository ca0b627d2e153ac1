import ArgumentParser
import Foundation
import GraywatchCore
import GraywatchStore

/// The filters `queue list`, the bulk actions and the exports share.
struct QueueFilterOptions: ParsableArguments {
    @Option(help: "Only items in this status (\(ReviewStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
    var status: String?

    @Option(help: "Only items with this category among theirs.")
    var category: String?

    @Option(help: "Only items scoring at least this.")
    var minScore: Int?

    @Option(help: "Only listings of this marketplace.")
    var marketplace: String?

    @Option(help: "Only listings of this seller.")
    var seller: String?

    @Option(help: "Only items assigned to this analyst.")
    var assignee: String?

    func validate() throws {
        if let status, ReviewStatus(rawValue: status) == nil { throw ValidationError("unknown status '\(status)'") }
        if let category, Category(rawValue: category) == nil { throw ValidationError("unknown category '\(category)'") }
    }

    var filter: QueueFilter {
        QueueFilter(status: status.flatMap(ReviewStatus.init(rawValue:)), category: category.flatMap(Category.init(rawValue:)),
                    minScore: minScore, marketplace: marketplace, seller: seller, assignee: assignee)
    }

    var isEmpty: Bool { filter == QueueFilter() }
}

/// Who is acting, for the audit log.
struct ActorOption: ParsableArguments {
    @Option(name: .customLong("as"), help: "Your name in the audit log (default: $USER).")
    var actor: String = ProcessInfo.processInfo.environment["USER"] ?? "analyst"
}
