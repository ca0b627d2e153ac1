import ArgumentParser
import Foundation
import GraywatchScan
import GraywatchStore

/// `graywatch webhooks`: the webhook outbox — what waits, what was sent, and the dead-letter.
struct WebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "List webhook deliveries (pending, delivered, dead) or put dead ones back in the queue.",
        discussion: """
            Examples:
              graywatch webhooks --status dead              (the dead-letter, newest first, with the last error)
              graywatch webhooks --retry --profile ebay-daily   (after fixing the receiver; sent by the next run or the daemon)
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: "pending, delivered or dead.")
    var status: String = "dead"

    @Flag(help: "Put the dead deliveries back in the queue (attempts reset).")
    var retry = false

    @Option(help: "With --retry: only this profile's.")
    var profile: String?

    @Option(help: "Rows to list at most.")
    var limit: Int = 50

    func validate() throws {
        guard ["pending", "delivered", "dead"].contains(status) else { throw ValidationError("--status: pending, delivered or dead") }
        guard limit > 0 else { throw ValidationError("--limit must be ≥ 1") }
    }

    func run() throws {
        let database = try store.open()
        if retry {
            let count = try wrap { try database.retryDeadWebhooks(profile: profile) }
            print("\(count) dead deliver\(count == 1 ? "y" : "ies") queued again")
            return
        }
        let rows = try wrap { try database.webhookDeliveries(status: status, limit: limit) }
        print("\(rows.count) \(status) deliver\(rows.count == 1 ? "y" : "ies")")
        for row in rows {
            let error = row.lastError.map { " — \(LogSafe.text($0))" } ?? ""
            print("#\(row.id) \(row.profile) \(row.eventKind) \(row.eventID) attempts \(row.attempts) "
                  + "status \(row.lastStatus.map(String.init) ?? "-") created \(row.createdAt)\(error)")
        }
    }
}
