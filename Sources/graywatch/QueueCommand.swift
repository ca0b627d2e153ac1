import ArgumentParser
import Foundation
import GraywatchCore
import GraywatchScan
import GraywatchStore

/// `graywatch queue`: look at the review queue.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List and show review items.",
        subcommands: [List.self, Show.self])

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List review items, highest score first.",
            discussion: "Example: graywatch queue list --status new --format json")

        @OptionGroup var store: StoreOptions

        @Option(help: "Only items in this status (\(ReviewStatus.allCases.map(\.rawValue).joined(separator: ", "))).")
        var status: String?

        @Option(help: "table or json.")
        var format: Format = .table

        func validate() throws {
            if let status, ReviewStatus(rawValue: status) == nil {
                throw ValidationError("unknown status '\(status)'")
            }
        }

        func run() async throws {
            let entries = try wrap { try store.open().queue(status: status.flatMap(ReviewStatus.init(rawValue:))) }
            switch format {
            case .json: print(try JSONOutput.string(entries))
            case .table: print(QueueTable.render(entries))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one review item: listing fields, the rules that fired and the text that triggered each.",
            discussion: "Example: graywatch queue show 3")

        @OptionGroup var store: StoreOptions

        @Argument(help: "The review item id (first column of queue list).")
        var id: Int64

        @Option(help: "table (readable text) or json.")
        var format: Format = .table

        func run() async throws {
            guard let item = try wrap({ try store.open().queueItem(id: id) }) else {
                throw CLIError.runtime("no review item \(id)")
            }
            switch format {
            case .json: print(try JSONOutput.string(item))
            case .table: print(QueueTable.detail(item))
            }
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
