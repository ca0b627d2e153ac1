import Foundation
import GraywatchFeeds
import XCTest

/// Dispatcher edge cases over real HTTP: timeouts, response caps, redirects, secrets, batches, metrics.
final class WebhookDispatcherEdgeTests: XCTestCase {
    func testRedirectIsNotFollowedAndIsDead() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/redirect", now: DispatchFixture.t0)
            _ = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
            XCTAssertEqual(outbox.entry(id)?.status, .dead)
            XCTAssertTrue(outbox.entry(id)?.lastError?.hasPrefix("HTTP 302") ?? false)
            let modes = await recorder.requests.map(\.mode)
            XCTAssertEqual(modes, ["redirect"])
        }
    }

    func testSlowReceiverTimesOutAndIsRetried() async throws {
        try await WebhookReceiver.run { base, _ in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/slow", now: DispatchFixture.t0)
            let started = Date()
            let report = await DispatchFixture.dispatcher(outbox, timeout: 0.3).drain(now: DispatchFixture.t0)
            let elapsed = Date().timeIntervalSince(started)
            XCTAssertGreaterThanOrEqual(elapsed, 0.25, "waited for the timeout")
            XCTAssertLessThan(elapsed, 1.8, "the timeout cut the wait short")
            XCTAssertEqual(report.retried, 1)
            XCTAssertTrue(outbox.entry(id)?.lastError?.hasPrefix("no answer within") ?? false, outbox.entry(id)?.lastError ?? "nil")
        }
    }

    func testHugeResponseBodyIsCutAtTheCapAndStillDelivered() async throws {
        try await WebhookReceiver.run { base, _ in
            let url = try XCTUnwrap(URL(string: base + "/hook/big"))
            let response = try await URLSessionWebhookTransport().post(url: url, headers: [], body: Data("{}".utf8),
                                                                       timeout: 5, maxResponseBytes: 1024)
            XCTAssertEqual(response.status, 200)
            XCTAssertEqual(response.body.count, 1024)
            XCTAssertTrue(response.truncated)

            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/big", now: DispatchFixture.t0)
            _ = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
            XCTAssertEqual(outbox.entry(id)?.status, .delivered)
        }
    }

    func testMissingSecretIsNeverSentUnsignedAndIsRetried() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/ok", secretName: "GW_HOOK_SECRET", now: DispatchFixture.t0)
            let report = await DispatchFixture.dispatcher(outbox, secret: nil).drain(now: DispatchFixture.t0)
            XCTAssertEqual(report.retried, 1)
            XCTAssertEqual(outbox.entry(id)?.lastError, "no signing secret resolved (GW_HOOK_SECRET); not sent unsigned")
            let count = await recorder.requests.count
            XCTAssertEqual(count, 0)
        }
    }

    func testEnvironmentSecretsResolveTheDeliverysSecretName() throws {
        let resolve = WebhookDispatcher.environmentSecrets(["GW_A": "secret-a", "GRAYWATCH_WEBHOOK_SECRET": "default", "GW_EMPTY": ""])
        func delivery(_ name: String?) -> WebhookDelivery {
            WebhookDelivery(id: 1, url: "http://127.0.0.1/", secretName: name, eventKind: "new_item", eventID: "e",
                            body: Data(), createdAt: DispatchFixture.t0)
        }
        XCTAssertEqual(resolve(delivery("GW_A")), "secret-a")
        XCTAssertEqual(resolve(delivery(nil)), "default")
        XCTAssertNil(resolve(delivery("GW_EMPTY")))
        XCTAssertNil(resolve(delivery("GW_MISSING")))
    }

    func testInvalidURLIsDeadWithoutARequest() async throws {
        let outbox = InMemoryWebhookOutbox()
        let id = try outbox.enqueue(DispatchFixture.event(), url: "ftp://127.0.0.1/hook", now: DispatchFixture.t0)
        _ = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
        XCTAssertEqual(outbox.entry(id)?.status, .dead)
        XCTAssertEqual(outbox.entry(id)?.lastError, "invalid webhook URL (need http or https with a host)")
    }

    func testDrainTakesAtMostABatchAndSaysMoreAreDue() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            for _ in 0..<5 { try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/ok", now: DispatchFixture.t0) }
            var dispatcher = DispatchFixture.dispatcher(outbox)
            dispatcher.batchSize = 3
            dispatcher.concurrency = 2
            let first = await dispatcher.drain(now: DispatchFixture.t0)
            XCTAssertEqual(first.delivered, 3)
            XCTAssertTrue(first.moreDue)
            let second = await dispatcher.drain(now: DispatchFixture.t0)
            XCTAssertEqual(second.delivered, 2)
            XCTAssertFalse(second.moreDue)
            let ids = await Set(recorder.requests.compactMap { $0.headers["x-graywatch-delivery"] })
            XCTAssertEqual(ids.count, 5)
        }
    }

    func testDeliveryOutcomesAreCountedInMetrics() async throws {
        try await WebhookReceiver.run { base, _ in
            let outbox = InMemoryWebhookOutbox()
            let metrics = GraywatchMetrics()
            try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/ok", now: DispatchFixture.t0)
            try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/fail", now: DispatchFixture.t0)
            try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/gone", now: DispatchFixture.t0)
            _ = await DispatchFixture.dispatcher(outbox, metrics: metrics).drain(now: DispatchFixture.t0)
            let text = metrics.render()
            XCTAssertTrue(text.contains(#"graywatch_webhook_deliveries_total{result="delivered"} 1"#), text)
            XCTAssertTrue(text.contains(#"graywatch_webhook_deliveries_total{result="retry"} 1"#), text)
            XCTAssertTrue(text.contains(#"graywatch_webhook_deliveries_total{result="dead"} 1"#), text)
        }
    }
}
