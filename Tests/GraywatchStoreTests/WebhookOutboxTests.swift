import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

/// The webhook outbox (queue, retries, dead-letter) and the status feed it is filled from.
@Suite struct WebhookOutboxTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    @discardableResult
    static func enqueue(_ store: Store, _ event: String, profile: String = "nightly", at date: Date = t0) throws -> Bool {
        try store.enqueueWebhook(profile: profile, url: "https://hooks.example/\(profile)", secretEnv: "HOOK_SECRET",
                                 eventKind: "run.finished", eventID: event, body: #"{"event":"\#(event)"}"#, at: date)
    }

    static func id(_ store: Store, _ event: String) throws -> Int64 {
        try #require(try store.webhookDeliveries(status: "pending").first { $0.eventID == event }?.id)
    }

    @Test func sameEventIDIsQueuedOnce() throws {
        let store = try TestStores.make("webhooks")
        #expect(try Self.enqueue(store, "run-1-finished"))
        #expect(try !Self.enqueue(store, "run-1-finished", at: Self.t0 + 60))
        #expect(try !Self.enqueue(store, "run-1-finished", profile: "weekly"), "event ids are unique across profiles")
        let rows = try store.webhookDeliveries(status: "pending")
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.profile == "nightly" && row.url == "https://hooks.example/nightly" && row.secretEnv == "HOOK_SECRET")
        #expect(row.eventKind == "run.finished" && row.body == #"{"event":"run-1-finished"}"#)
        #expect(row.status == "pending" && row.attempts == 0 && row.lastStatus == nil && row.lastError == nil)
        #expect(row.nextAttemptAt == row.createdAt, "due at once")
        #expect(ISO8601DateFormatter.storeTimestamps.date(from: row.createdAt) == Self.t0)
    }

    @Test func dueWebhooksAreThePendingOnesDueOldestFirst() throws {
        let store = try TestStores.make("webhooks")
        try Self.enqueue(store, "b", at: Self.t0 + 10)
        try Self.enqueue(store, "a", at: Self.t0)
        try Self.enqueue(store, "later", at: Self.t0 + 100)
        try Self.enqueue(store, "sent", at: Self.t0 - 10)
        try store.markWebhook(try Self.id(store, "sent"), status: "delivered", attempts: 1, httpStatus: 204)
        #expect(try store.dueWebhooks(at: Self.t0 - 1, limit: 10).isEmpty)
        #expect(try store.dueWebhooks(at: Self.t0 + 50, limit: 10).map(\.eventID) == ["a", "b"])
        #expect(try store.dueWebhooks(at: Self.t0 + 50, limit: 1).map(\.eventID) == ["a"])
        #expect(try store.dueWebhooks(at: Self.t0 + 100, limit: 10).map(\.eventID) == ["a", "b", "later"])
    }

    @Test func markWebhookRecordsDeliveryRetryAndDeath() throws {
        let store = try TestStores.make("webhooks")
        try Self.enqueue(store, "ok")
        try Self.enqueue(store, "flaky")
        try Self.enqueue(store, "broken")
        let ok = try Self.id(store, "ok"), flaky = try Self.id(store, "flaky"), broken = try Self.id(store, "broken")
        try store.markWebhook(ok, status: "delivered", attempts: 1, httpStatus: 200, at: Self.t0 + 1)
        try store.markWebhook(flaky, status: "pending", attempts: 1, httpStatus: 503, error: "HTTP 503", next: Self.t0 + 120)
        try store.markWebhook(broken, status: "dead", attempts: 8, error: "connection refused", at: Self.t0 + 2)
        #expect(try store.dueWebhooks(at: Self.t0 + 60, limit: 10).isEmpty, "the retry waits until next")
        let retry = try #require(try store.dueWebhooks(at: Self.t0 + 120, limit: 10).first)
        #expect(retry.id == flaky && retry.attempts == 1 && retry.lastStatus == 503 && retry.lastError == "HTTP 503")
        let delivered = try #require(try store.webhookDeliveries(status: "delivered").first)
        #expect(delivered.id == ok && delivered.lastStatus == 200 && delivered.attempts == 1)
        let dead = try store.webhookDeliveries(status: "dead")
        #expect(dead.map(\.id) == [broken])
        #expect(dead.first?.lastError == "connection refused" && dead.first?.attempts == 8 && dead.first?.lastStatus == nil)
        try store.markWebhook(flaky, status: "pending", attempts: 2, error: "timeout", next: Self.t0 + 300)
        let again = try #require(try store.dueWebhooks(at: Self.t0 + 300, limit: 10).first)
        #expect(again.attempts == 2 && again.lastStatus == 503 && again.lastError == "timeout",
                "a failure without an answer keeps the last status seen")
    }

    @Test func deadLetterIsNewestFirstAndRetryPutsItBack() throws {
        let store = try TestStores.make("webhooks")
        for event in ["n1", "n2"] { try Self.enqueue(store, event) }
        try Self.enqueue(store, "w1", profile: "weekly")
        for event in ["n1", "n2"] { try store.markWebhook(try Self.id(store, event), status: "dead", attempts: 5) }
        try store.markWebhook(try Self.id(store, "w1"), status: "dead", attempts: 5)
        #expect(try store.webhookDeliveries(status: "dead").map(\.eventID) == ["w1", "n2", "n1"])
        #expect(try store.webhookDeliveries(status: "dead", limit: 1).map(\.eventID) == ["w1"])
        #expect(try store.retryDeadWebhooks(profile: "monthly") == 0)
        #expect(try store.retryDeadWebhooks(profile: "nightly", at: Self.t0 + 500) == 2)
        #expect(try store.webhookDeliveries(status: "dead").map(\.eventID) == ["w1"])
        let back = try store.dueWebhooks(at: Self.t0 + 500, limit: 10)
        #expect(back.map(\.eventID) == ["n1", "n2"] && back.allSatisfy { $0.attempts == 0 && $0.status == "pending" })
        #expect(try store.dueWebhooks(at: Self.t0 + 499, limit: 10).isEmpty, "due from the retry time")
        #expect(try store.retryDeadWebhooks() == 1)
        #expect(try store.webhookDeliveries(status: "dead").isEmpty)
        #expect(try store.retryDeadWebhooks() == 0)
    }

    @Test func feedCursorRoundTrips() throws {
        let store = try TestStores.make("webhooks")
        #expect(try store.feedCursor(profile: "nightly") == nil)
        try store.setFeedCursor(profile: "nightly", to: 17)
        try store.setFeedCursor(profile: "weekly", to: 3)
        #expect(try store.feedCursor(profile: "nightly") == 17)
        try store.setFeedCursor(profile: "nightly", to: 42)
        #expect(try store.feedCursor(profile: "nightly") == 42)
        #expect(try store.feedCursor(profile: "weekly") == 3)
    }

    @Test func statusChangesAreTheStatusMovesOfTheFeedsMarketplacesAfterTheCursor() throws {
        let store = try TestStores.make("webhooks")
        #expect(try store.lastAuditID() == 0, "an empty log")
        func item(_ marketplace: String, _ id: String) throws -> (id: Int64, ref: Int64) {
            try TakedownStoreTests.item(store, TakedownStoreTests.listing(id, marketplace: marketplace), [])
        }
        let ebay = try item("ebay", "1"), amazon = try item("amazon", "2"), etsy = try item("etsy", "3")
        _ = try store.setStatus(ebay.id, to: .confirmed, actor: "alice", category: .counterfeit)
        _ = try store.setStatus(amazon.id, to: .inReview, actor: "bob")
        try store.addNote(ebay.id, text: "not a status change", author: "alice")
        try store.assign(ebay.id, to: "carol", actor: "alice")
        _ = try store.setStatus(etsy.id, to: .dismissed, actor: "bob", reason: "fine")
        let all = try store.statusChanges(after: 0, marketplaces: ["ebay", "amazon"])
        #expect(all.map(\.reviewID) == [ebay.id, amazon.id])
        #expect(all.map(\.entry.to) == ["confirmed", "in-review"] && all.map(\.entry.from) == ["new", "new"])
        #expect(all.first?.title == "Juniper EX4300-48T" && all.first?.entry.actor == "alice")
        #expect(all.map(\.id) == all.map(\.id).sorted())
        #expect(try store.statusChanges(after: 0, marketplaces: ["amazon"]).map(\.reviewID) == [amazon.id])
        #expect(try store.statusChanges(after: 0, marketplaces: []).isEmpty)
        let cursor = try store.lastAuditID()
        #expect(cursor > (all.last?.id ?? 0), "the note, assignment and etsy move came later")
        #expect(try store.statusChanges(after: cursor, marketplaces: ["ebay", "amazon", "etsy"]).isEmpty)
        _ = try store.setStatus(ebay.id, to: .enforcementRequested, actor: "alice")
        // A dismissed item that a new rule re-opens: the feed reports the re-opening too.
        let finding = Finding(ruleID: "r2", category: .counterfeit, weight: 60, evidence: [Evidence(field: "title", text: "y")])
        try store.save(Assessment(findings: [finding]), listingRef: etsy.ref, threshold: 50)
        let next = try store.statusChanges(after: cursor, marketplaces: ["ebay", "etsy"])
        #expect(next.map(\.entry.action) == ["status", "reopen"])
        #expect(next.map(\.reviewID) == [ebay.id, etsy.id] && next.map(\.entry.to) == ["enforcement-requested", "new"])
        #expect(try store.lastAuditID() == next.last?.id)
        #expect(try store.statusChanges(after: cursor, marketplaces: ["ebay", "etsy"], limit: 1).map(\.reviewID) == [ebay.id])
    }

    @Test func workersQueueingTheSameEventsAtOnceQueueEachOnce() throws {
        let location = try TestStores.location("webhooks")
        let events = (0..<40).map { "run-1-event-\($0)" }
        let results = try LeaseTests.workers(4, on: location) { _, store in
            try events.filter { try Self.enqueue(store, $0) }
        }
        // PostgreSQL: check-then-insert races; the loser's INSERT fails on the unique event id (23505) instead of
        // returning false. `INSERT … ON CONFLICT (event_id) DO NOTHING` would close it.
        let queued = try results.flatMap { try $0.get() }
        #expect(queued.sorted() == events.sorted(), "each event queued by exactly one worker, none failing")
        #expect(try Store(location: location).webhookDeliveries(status: "pending", limit: 1000).count == events.count)
    }
}
