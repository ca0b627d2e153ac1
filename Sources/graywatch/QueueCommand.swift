import ArgumentParser
import Foundation
import GraywatchCore
import GraywatchExport
import GraywatchScan
import GraywatchStore

/// `graywatch queue`: work the review queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List, show and work review items (every change is written to the item's audit log).",
        subcommands: [List.self, Show.self, Assign.self, SetStatus.self, Note.self, History.self, Bulk.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List review items, highest score first.",
            discussion: "Example: graywatch queue list --status new --category counterfeit --min-score 60 --format csv")

        @OptionGroup var store: StoreOptions
        @OptionGroup var filters: QueueFilterOptions

        @Option(help: "table, json or csv.")
        var format: Format = .table

        func run() async throws {
            let entries = try wrap { try store.open().queue(filters.filter) }
            switch format {
            case .json: print(try JSONOutput.string(entries))
            case .csv: print(QueueExport.csv(entries).string(), terminator: "")
            case .table: print(QueueTable.render(entries))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one review item: fields, findings with evidence, observation history, evidence hashes, notes.",
            discussion: "Example: graywatch queue show 3")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The review item id (first column of queue list).")
        var id: Int64

        @Option(help: "table (readable text) or json.")
        var format: Format = .table

        func run() async throws {
            let database = try store.open()
            guard let item = try wrap({ try database.queueItem(id: id) }) else { throw CLIError.runtime("no review item \(id)") }
            let listingRef = try wrap { try database.listingRef(marketplace: item.entry.marketplace, listingID: item.entry.listingID) } ?? 0
            let observations = try wrap { try database.observations(listingRef: listingRef) }
            let notes = try wrap { try database.notes(id) }
            switch format {
            case .json:
                struct Detail: Encodable { var item: QueueItemDetail; var observations: [StoredObservation]; var notes: [ReviewNote] }
                print(try JSONOutput.string(Detail(item: item, observations: observations, notes: notes)))
            default:
                print(QueueTable.detail(item))
                print("Observations (evidence):")
                for observation in observations {
                    print("  \(observation.observedAt)  HTTP \(observation.status)  \(observation.price ?? "-")  \(observation.condition ?? "-")"
                        + "  qty \(observation.quantity.map(String.init) ?? "-")  sha256 \(observation.bodySHA256)  \(observation.bodySize) bytes")
                }
                if !notes.isEmpty {
                    print("Notes:")
                    for note in notes { print("  \(note.at) \(LogSafe.text(note.author)): \(LogSafe.text(note.text))") }
                }
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Assign an item to an analyst (or --nobody).")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @Argument var id: Int64
        @Argument(help: "The analyst.") var assignee: String?
        @Flag(help: "Unassign.") var nobody = false

        func run() async throws {
            guard nobody || assignee != nil else { throw ValidationError("give an analyst, or --nobody") }
            try wrap { try store.open().assign(id, to: nobody ? nil : assignee, actor: actor.actor) }
            print("Review item \(id) assigned to \(nobody ? "nobody" : assignee ?? "").")
        }
    }

    struct SetStatus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-status",
            abstract: "Move an item through the workflow (dismissed needs --reason, confirmed needs --category).",
            discussion: "Example: graywatch queue set-status 3 confirmed --category counterfeit --reason \"serial clone\"")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @Argument var id: Int64
        @Argument(help: "The new status.") var status: String
        @Option(help: "Why (required to dismiss).") var reason: String?
        @Option(help: "The confirmed category (required to confirm).") var category: String?

        func validate() throws {
            guard ReviewStatus(rawValue: status) != nil else { throw ValidationError("unknown status '\(status)'") }
            if let category, Category(rawValue: category) == nil { throw ValidationError("unknown category '\(category)'") }
        }

        func run() async throws {
            let target = ReviewStatus(rawValue: status) ?? .new
            let new = try wrap { try store.open().setStatus(id, to: target, actor: actor.actor, reason: reason,
                                                            category: category.flatMap(Category.init(rawValue:))) }
            print("Review item \(id) is now \(new.rawValue).")
        }
    }

    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to an item.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var actor: ActorOption
        @Argument var id: Int64
        @Argument(help: "The note.") var text: String

        func run() async throws {
            try wrap { try store.open().addNote(id, text: text, author: actor.actor) }
            print("Note added to review item \(id).")
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an item's audit log.")
        @OptionGroup var store: StoreOptions
        @Argument var id: Int64
        @Option(help: "table or json.") var format: Format = .table

        func run() async throws {
            let entries = try wrap { try store.open().history(id) }
            if format == .json { return print(try JSONOutput.string(entries)) }
            if entries.isEmpty { print("No changes recorded for review item \(id).") }
            for entry in entries {
                let change = [entry.from, entry.to].compactMap { $0 }.joined(separator: " → ")
                print("\(entry.at)  \(LogSafe.text(entry.actor))  \(entry.action)  \(change)" + (entry.reason.map { "  (\(LogSafe.text($0)))" } ?? ""))
            }
        }
    }

    struct Bulk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply one change to every item a filter selects, in one transaction (all or nothing).",
            discussion: "Example: graywatch queue bulk --category unauthorized-channel --status new set-status in-review",
            subcommands: [])
        @OptionGroup var store: StoreOptions
        @OptionGroup var filters: QueueFilterOptions
        @OptionGroup var actor: ActorOption
        @Argument(help: "set-status STATUS | assign ANALYST | note TEXT") var action: String
        @Argument(help: "The status, analyst or note text.") var value: String
        @Option(help: "Why (status changes).") var reason: String?
        @Option(name: .customLong("to-category"), help: "The confirmed category (to confirm).") var toCategory: String?

        func validate() throws {
            guard ["set-status", "assign", "note"].contains(action) else { throw ValidationError("action must be set-status, assign or note") }
            if action == "set-status", ReviewStatus(rawValue: value) == nil { throw ValidationError("unknown status '\(value)'") }
            guard !filters.isEmpty else { throw ValidationError("a bulk action needs at least one filter") }
        }

        func run() async throws {
            let database = try store.open()
            let count: Int = try wrap {
                switch action {
                case "set-status":
                    return try database.bulkSetStatus(filters.filter, to: ReviewStatus(rawValue: value) ?? .new, actor: actor.actor,
                                                      reason: reason, category: toCategory.flatMap(Category.init(rawValue:)))
                case "assign": return try database.bulkAssign(filters.filter, to: value, actor: actor.actor)
                default: return try database.bulkNote(filters.filter, text: value, author: actor.actor)
                }
            }
            print("\(action) applied to \(count) review item(s).")
        }
    }
}

/// Runs a store call, turning its error into a one-line runtime error.
func wrap<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as CLIError { throw error } catch { throw CLIError.runtime("\(error)") }
}

/// JSON for machines: sorted keys, pretty printed; strings escaped by the encoder.
enum JSONOutput {
    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
