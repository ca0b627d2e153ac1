import ArgumentParser
import Foundation
import GraywatchCore
import GraywatchExport
import GraywatchStore

/// `graywatch export`: the queue for enforcement — CSV, NDJSON, WARC evidence, takedown batches.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export review items: csv | ndjson | warc (evidence) | takedown (a marketplace's batch).",
        discussion: """
            Examples:
              graywatch export csv --status confirmed --bom -o confirmed.csv
              graywatch export warc --category counterfeit -o evidence.warc
              graywatch export takedown --marketplace ebay -o takedown/   (moves exported items to enforcement-requested)
            """)

    @Argument(help: "csv, ndjson, warc or takedown.") var kind: String
    @OptionGroup var store: StoreOptions
    @OptionGroup var filters: QueueFilterOptions
    @OptionGroup var actor: ActorOption
    @Option(name: .shortAndLong, help: "Output file (a folder for takedown); standard output when absent (csv, ndjson).")
    var output: String?
    @Flag(help: "CSV: start with a UTF-8 byte-order mark, for spreadsheets.") var bom = false
    @OptionGroup var rules: RulesOptions

    func validate() throws {
        guard ["csv", "ndjson", "warc", "takedown"].contains(kind) else { throw ValidationError("unknown export '\(kind)'") }
        if kind == "warc" || kind == "takedown", output == nil { throw ValidationError("\(kind) needs -o") }
        if kind == "takedown", filters.marketplace == nil { throw ValidationError("takedown needs --marketplace") }
    }

    func run() async throws {
        let database = try store.open()
        var filter = filters.filter
        if kind == "takedown", filter.status == nil { filter.status = .confirmed }
        let entries = try wrap { try database.queue(filter) }
        switch kind {
        case "csv": try emit(QueueExport.csv(entries, byteOrderMark: bom).data())
        case "ndjson": try emit(Data(try QueueExport.ndjson(entries).utf8))
        case "warc":
            let (data, captures) = try wrap { try QueueExport.warc(entries, store: database, software: "graywatch 0.2") }
            try emit(data)
            FileHandle.standardError.write(Data("Wrote \(captures) capture(s) of \(entries.count) item(s) to \(output ?? "")\n".utf8))
        default:
            let (ruleSet, _) = try rules.load()
            let reasons = Dictionary(ruleSet.rules.compactMap { rule in rule.enforcement.map { (rule.id, $0) } }, uniquingKeysWith: { a, _ in a })
            let batch = try wrap { try TakedownBatch.make(marketplace: filter.marketplace ?? "", entries: entries, store: database,
                                                          enforcementReasons: reasons) }
            let folder = URL(fileURLWithPath: output ?? ".")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for file in batch.files { try file.data.write(to: folder.appendingPathComponent(file.name)) }
            let moved = try wrap {
                try database.bulkSetStatus(QueueFilter(ids: batch.itemIDs), to: .enforcementRequested, actor: actor.actor,
                                           reason: "takedown batch \(batch.files.map(\.name).joined(separator: ", "))", category: nil)
            }
            print("Wrote \(batch.files.map(\.name).joined(separator: ", ")) in \(folder.path); \(moved) item(s) now enforcement-requested.")
        }
    }

    private func emit(_ data: Data) throws {
        if let output { try data.write(to: URL(fileURLWithPath: output)) } else { FileHandle.standardOutput.write(data) }
    }
}

/// `graywatch verify`: recompute every stored evidence hash.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Recompute the SHA-256 of every stored page body and report any mismatch (exit 1).")
    @OptionGroup var store: StoreOptions

    func run() async throws {
        let result = try wrap { try store.open().verifyEvidence() }
        for id in result.mismatches { print("✗ observation \(id): stored body does not match its SHA-256") }
        print("\(result.checked) observation(s) checked, \(result.mismatches.count) mismatch(es).")
        if !result.mismatches.isEmpty { throw ExitCode(1) }
    }
}
