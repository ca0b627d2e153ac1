import Foundation
import GraywatchFeeds
import GraywatchSampleSite
import GraywatchSchedule
@testable import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Logging
import Testing

/// A webhook receiver on 127.0.0.1 recording what it got: `POST /hook/ok` answers 200, `/hook/fail` 500.
/// (A trimmed copy of Tests/GraywatchFeedsTests/WebhookReceiver.swift, which is in another test target.)
enum HookReceiver {
    struct Received: Sendable {
        var mode: String
        /// Header values by lowercased name.
        var headers: [String: String]
        var body: Data
    }

    actor Recorder {
        private(set) var requests: [Received] = []
        func add(_ request: Received) { requests.append(request) }
    }

    static func run<T: Sendable>(_ body: @Sendable (String, Recorder) async throws -> T) async throws -> T {
        let recorder = Recorder()
        let router = Router()
        router.post("hook/:mode") { request, context -> Response in
            let mode = context.parameters.get("mode") ?? "ok"
            let data = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            await recorder.add(Received(mode: mode, headers: headers, body: data))
            return Response(status: mode == "ok" ? .ok : .internalServerError)
        }
        // LoopbackServer serves any router on an ephemeral loopback port.
        return try await LoopbackServer.run(router: router) { base in try await body(base, recorder) }
    }
}

extension ProfileRunTests {
    static let secret = "test-secret"

    static func webhookRunner(base: String, hook: String, store: Store, events: [ProfileWebhook.Event], notify: Int? = nil,
                              policy: WebhookRetryPolicy) throws -> ProfileRunner {
        let webhook = ProfileWebhook(url: hook, secretEnv: "X", events: events, location: location)
        var runner = try runner(profile(base: base, notify: notify, webhook: webhook), store: store)
        runner.secrets = { _ in secret }
        runner.webhookPolicy = policy
        return runner
    }

    @Test func webhooksFromAProfileRunAreSignedAndNeverQueuedTwice() async throws {
        let store = try TestStores.make("profile-webhooks")
        try await HookReceiver.run { hooks, recorder async throws in
            try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
                let notify = 70
                let runner = try Self.webhookRunner(base: base, hook: hooks + "/hook/ok", store: store,
                                                    events: [.newItem, .statusChange, .scanFinished], notify: notify,
                                                    policy: WebhookRetryPolicy(baseDelay: 0, jitter: 0, maxAttempts: 2))
                let first = try await runner.run()
                #expect(first.scan.finished)
                let received = await recorder.requests
                #expect(first.webhooks.delivered == received.count && first.webhooks.retried == 0)
                for request in received {
                    #expect(request.headers["x-graywatch-delivery"] != nil)
                    #expect(throws: Never.self) {
                        try WebhookSignature.verify(body: request.body, timestamp: request.headers["x-graywatch-timestamp"] ?? "",
                                                    signature: request.headers["x-graywatch-signature"] ?? "", secret: Self.secret)
                    }
                }
                let events = try received.map { try WebhookEvent.decode($0.body) }
                let announced = events.compactMap { event -> Int64? in
                    if case .newItem(let item) = event.payload { return item.reviewItemID } else { return nil }
                }
                let expected = try store.queue().filter { $0.score >= notify }.map(\.id)
                #expect(!expected.isEmpty)
                #expect(announced.sorted() == expected.sorted(), "one new_item per item at or above the notify score")
                let finished = events.compactMap { event -> WebhookEvent.ScanFinished? in
                    if case .scanFinished(let summary) = event.payload { return summary } else { return nil }
                }
                #expect(finished.count == 1)
                #expect(finished.first?.runID == first.run && finished.first?.counts.new == first.changes.new.count)
                #expect(events.count == announced.count + 1, "no status changes: the feed starts at the first run")

                // Publishing the same run again queues nothing: event ids are derived from what they describe.
                FeedPublisher(profile: runner.profile, store: store, logger: runner.logger, notifyScore: notify)
                    .enqueue(first, duration: 1)
                #expect(await runner.dispatcher().drain().attempted == 0)
                #expect(try store.webhookDeliveries(status: "delivered", limit: 1000).count == received.count)

                // A status change is announced by the next run, with that run's summary and no new items.
                let item = try #require(expected.first)
                _ = try store.setStatus(item, to: .confirmed, actor: "analyst", reason: "checked", category: .counterfeit)
                let second = try await runner.run()
                let later = try await recorder.requests.dropFirst(received.count).map { try WebhookEvent.decode($0.body) }
                #expect(second.webhooks.delivered == 2)
                // Deliveries are sent concurrently: their order of arrival is not fixed.
                #expect(later.map(\.kind.rawValue).sorted() == ["scan_finished", "status_change"])
                if case .statusChange(let change)? = later.first(where: { $0.kind == .statusChange })?.payload {
                    #expect(change.reviewItemID == item && change.from == .new && change.to == .confirmed)
                    #expect(change.actor == "analyst")
                }
            }
        }
    }

    @Test func aFailingReceiverLeavesDeliveriesPendingThenDeadLettered() async throws {
        let store = try TestStores.make("profile-webhooks-fail")
        try await HookReceiver.run { hooks, recorder async throws in
            try await LoopbackServer.run(router: SampleSite.router(root: TestPaths.marketplace)) { base async throws in
                let runner = try Self.webhookRunner(base: base, hook: hooks + "/hook/fail", store: store,
                                                    events: [.newItem, .scanFinished],
                                                    policy: WebhookRetryPolicy(baseDelay: 60, multiplier: 1, jitter: 0, maxAttempts: 3))
                let started = Date()
                let report = try await runner.run()
                let total = report.webhooks.attempted
                #expect(total > 1)
                #expect(report.webhooks.retried == total && report.webhooks.delivered == 0)
                let pending = try store.webhookDeliveries(status: "pending", limit: 1000)
                #expect(pending.count == total && pending.allSatisfy { $0.attempts == 1 })
                #expect(try store.dueWebhooks(at: Date(), limit: 1000).isEmpty, "the retry waits for its backoff")
                #expect(try store.dueWebhooks(at: started.addingTimeInterval(3600), limit: 1000).count == total)

                let retried = await runner.dispatcher().drain(now: started.addingTimeInterval(3600))
                #expect(retried.retried == total)
                let dead = await runner.dispatcher().drain(now: started.addingTimeInterval(7200))
                #expect(dead.dead == total)
                let letters = try store.webhookDeliveries(status: "dead", limit: 1000)
                #expect(letters.count == total)
                #expect(letters.allSatisfy { $0.attempts == 3 && ($0.lastError ?? "").contains("after 3 attempts") })
                #expect(try store.dueWebhooks(at: started.addingTimeInterval(86_400), limit: 1000).isEmpty)
                #expect(await recorder.requests.count == 3 * total)
            }
        }
    }
}
