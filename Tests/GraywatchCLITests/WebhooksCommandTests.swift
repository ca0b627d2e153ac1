import Foundation
import GraywatchStore
import GraywatchTestSupport
import Testing

/// `graywatch webhooks` shows the dead-letter with its last error and puts dead deliveries back in the queue.
@Suite struct WebhooksCommandTests {
    @Test func deadLetterIsListedWithItsErrorAndRetryQueuesItAgain() throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("hooks.sqlite").path
        do {
            let store = try Store(path: db)
            try store.enqueueWebhook(profile: "ebay-daily", url: "https://hooks.example/x", secretEnv: nil,
                                     eventKind: "new_item", eventID: "e-1", body: "{}")
            let id = try #require(try store.dueWebhooks(at: Date(), limit: 10).first?.id)
            try store.markWebhook(id, status: "dead", attempts: 8, httpStatus: 500, error: "HTTP 500: \u{1B}[31mboom")
        }
        let dead = try CommandLineTests.run(["webhooks", "--status", "dead", "--db", db])
        #expect(dead.status == 0)
        #expect(dead.output.contains("1 dead delivery"))
        #expect(dead.output.contains("ebay-daily new_item e-1 attempts 8 status 500"))
        #expect(!dead.output.contains("\u{1B}"), "remote text is escaped")
        let retry = try CommandLineTests.run(["webhooks", "--retry", "--db", db])
        #expect(retry.output.contains("1 dead delivery queued again"))
        #expect(try Store(path: db).dueWebhooks(at: Date(), limit: 10).map(\.attempts) == [0])
        #expect(try CommandLineTests.run(["webhooks", "--status", "bogus", "--db", db]).status == 2)
    }
}
