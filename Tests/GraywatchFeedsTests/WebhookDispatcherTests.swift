import Foundation
import GraywatchFeeds
import XCTest

/// Deliveries over real HTTP to ``WebhookReceiver`` on 127.0.0.1, with tiny backoff and drain dates driven by the test.
final class WebhookDispatcherTests: XCTestCase {
    func testSignedDeliveryIsAcceptedByAReceiverThatVerifiesIt() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let event = DispatchFixture.event()
            let id = try outbox.enqueue(event, url: base + "/hook/ok", now: DispatchFixture.t0)
            let report = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
            XCTAssertEqual(report.attempted, 1)
            XCTAssertEqual(report.delivered, 1)
            XCTAssertEqual(outbox.entry(id)?.status, .delivered)
            XCTAssertEqual(outbox.entry(id)?.deliveredStatus, 200)
            let received = await recorder.requests
            XCTAssertEqual(received.count, 1)
            let request = try XCTUnwrap(received.first)
            XCTAssertTrue(request.verified)
            XCTAssertEqual(request.headers["x-graywatch-event"], "new_item")
            XCTAssertEqual(request.headers["x-graywatch-delivery"], event.idString)
            XCTAssertEqual(request.headers["content-type"], "application/json")
            XCTAssertEqual(request.headers["user-agent"], "graywatch/0.2 webhook")
            XCTAssertEqual(try WebhookEvent.decode(request.body), event)
        }
    }

    func testDeliverySignedWithTheWrongSecretIsRefusedByTheReceiverAndDead() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/ok", now: DispatchFixture.t0)
            let report = await DispatchFixture.dispatcher(outbox, secret: "whsec_wrong").drain(now: DispatchFixture.t0)
            XCTAssertEqual(report.dead, 1)
            XCTAssertEqual(outbox.entry(id)?.status, .dead)
            XCTAssertEqual(outbox.entry(id)?.lastError, "HTTP 401: bad signature")
            let verified = await recorder.requests.map(\.verified)
            XCTAssertEqual(verified, [false])
        }
    }

    func testServerErrorsAreRetriedWithBackoffAndTheThirdAttemptDeliversTheSameDeliveryID() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let event = DispatchFixture.event()
            let id = try outbox.enqueue(event, url: base + "/hook/flaky", now: DispatchFixture.t0)
            let dispatcher = DispatchFixture.dispatcher(outbox)

            let first = await dispatcher.drain(now: DispatchFixture.t0)
            XCTAssertEqual(first.retried, 1)
            let afterFirst = try XCTUnwrap(outbox.entry(id))
            XCTAssertEqual(afterFirst.delivery.attempts, 1)
            XCTAssertEqual(afterFirst.delivery.nextAttemptAt.timeIntervalSince(DispatchFixture.t0), 0.01, accuracy: 1e-6)
            XCTAssertEqual(afterFirst.lastError, "HTTP 500: try later")

            let early = await dispatcher.drain(now: DispatchFixture.t0.addingTimeInterval(0.005))
            XCTAssertEqual(early.attempted, 0, "not due before its backoff ends")

            let t1 = DispatchFixture.t0.addingTimeInterval(1)
            let second = await dispatcher.drain(now: t1)
            XCTAssertEqual(second.retried, 1)
            XCTAssertEqual(outbox.entry(id)?.delivery.nextAttemptAt.timeIntervalSince(t1) ?? -1, 0.02, accuracy: 1e-6)

            let third = await dispatcher.drain(now: DispatchFixture.t0.addingTimeInterval(2))
            XCTAssertEqual(third.delivered, 1)
            XCTAssertEqual(outbox.entry(id)?.status, .delivered)
            XCTAssertEqual(outbox.entry(id)?.delivery.attempts, 3)

            let received = await recorder.requests
            XCTAssertEqual(received.count, 3)
            XCTAssertEqual(Set(received.compactMap { $0.headers["x-graywatch-delivery"] }), [event.idString])
            XCTAssertTrue(received.allSatisfy(\.verified))
        }
    }

    func testAlwaysFailingReceiverSendsTheDeliveryToTheDeadLetterAfterMaxAttempts() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/fail", now: DispatchFixture.t0)
            let dispatcher = DispatchFixture.dispatcher(outbox)
            var reports: [DrainReport] = []
            for step in 0..<5 {
                reports.append(await dispatcher.drain(now: DispatchFixture.t0.addingTimeInterval(Double(step))))
            }
            XCTAssertEqual(reports.map(\.retried), [1, 1, 0, 0, 0])
            XCTAssertEqual(reports.map(\.dead), [0, 0, 1, 0, 0])
            let entry = try XCTUnwrap(outbox.entry(id))
            XCTAssertEqual(entry.status, .dead)
            XCTAssertEqual(entry.delivery.attempts, 3)
            XCTAssertEqual(outbox.deadLetter.map(\.delivery.id), [id])
            let error = try XCTUnwrap(entry.lastError)
            XCTAssertTrue(error.hasPrefix("gave up after 3 attempts; last: HTTP 500: internal error"), error)
            XCTAssertFalse(error.contains("\u{1B}"), "the receiver's control characters are escaped")
            let count = await recorder.requests.count
            XCTAssertEqual(count, 3)
        }
    }

    func testGoneIsDeadAtOnce() async throws {
        try await WebhookReceiver.run { base, recorder in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/gone", now: DispatchFixture.t0)
            let report = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
            XCTAssertEqual(report.dead, 1)
            XCTAssertEqual(outbox.entry(id)?.status, .dead)
            XCTAssertEqual(outbox.entry(id)?.delivery.attempts, 1)
            let later = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0.addingTimeInterval(60))
            XCTAssertEqual(later.attempted, 0, "a dead delivery is never sent again")
            let count = await recorder.requests.count
            XCTAssertEqual(count, 1)
        }
    }

    func testTooManyRequestsHonoursRetryAfterInNextAttemptAt() async throws {
        try await WebhookReceiver.run { base, _ in
            let outbox = InMemoryWebhookOutbox()
            let id = try outbox.enqueue(DispatchFixture.event(), url: base + "/hook/busy", now: DispatchFixture.t0)
            let report = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
            XCTAssertEqual(report.retried, 1)
            let entry = try XCTUnwrap(outbox.entry(id))
            XCTAssertEqual(entry.status, .pending)
            XCTAssertEqual(entry.delivery.nextAttemptAt.timeIntervalSince(DispatchFixture.t0), 7, accuracy: 1e-6)
            XCTAssertEqual(entry.lastError, "HTTP 429: slow down")
        }
    }

    func testConnectionRefusedIsRetried() async throws {
        let closed = try await WebhookReceiver.run { base, _ in base }  // the receiver is gone once run returns
        let outbox = InMemoryWebhookOutbox()
        let id = try outbox.enqueue(DispatchFixture.event(), url: closed + "/hook/ok", now: DispatchFixture.t0)
        let report = await DispatchFixture.dispatcher(outbox).drain(now: DispatchFixture.t0)
        XCTAssertEqual(report.retried, 1)
        let entry = try XCTUnwrap(outbox.entry(id))
        XCTAssertEqual(entry.status, .pending)
        XCTAssertEqual(entry.delivery.attempts, 1)
        XCTAssertTrue(entry.lastError?.hasPrefix("connection failed") ?? false, entry.lastError ?? "nil")
    }
}
