import Foundation
import GraywatchFeeds
import XCTest

final class WebhookRetryPolicyTests: XCTestCase {
    /// SplitMix64, for repeatable jitter.
    private struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testDefaultsAreThirtySecondsDoublingToAnHourOverEightAttempts() {
        let policy = WebhookRetryPolicy()
        XCTAssertEqual((1...8).map { policy.backoff(afterAttempts: $0) }, [30, 60, 120, 240, 480, 960, 1920, 3600])
        XCTAssertEqual(policy.backoff(afterAttempts: 50), 3600)
        XCTAssertTrue(policy.allowsRetry(afterAttempts: 7))
        XCTAssertFalse(policy.allowsRetry(afterAttempts: 8))
    }

    func testJitterStaysWithinTwentyPercentAndUnderTheCap() {
        let policy = WebhookRetryPolicy()
        var generator = Seeded(state: 7)
        let waits = (0..<500).map { _ in policy.delay(afterAttempts: 2, retryAfter: nil, using: &generator) }
        XCTAssertTrue(waits.allSatisfy { (48...72).contains($0) })
        XCTAssertLessThan(waits.min() ?? 0, 50, "jitter reaches down towards -20%")
        XCTAssertGreaterThan(waits.max() ?? 0, 70, "jitter reaches up towards +20%")
        var again = Seeded(state: 7)
        XCTAssertEqual(policy.delay(afterAttempts: 2, retryAfter: nil, using: &again), waits[0], "the same seed, the same wait")
        for _ in 0..<200 {
            XCTAssertLessThanOrEqual(policy.delay(afterAttempts: 8, retryAfter: nil, using: &generator), 3600)
            let wait = policy.delay(afterAttempts: 3)
            XCTAssertTrue((96...144).contains(wait), "\(wait)")
        }
    }

    func testRetryAfterIsAFloorCappedAtMaxRetryAfter() {
        let policy = WebhookRetryPolicy(baseDelay: 30, jitter: 0, maxRetryAfter: 600)
        XCTAssertEqual(policy.delay(afterAttempts: 1, retryAfter: 120), 120)
        XCTAssertEqual(policy.delay(afterAttempts: 1, retryAfter: 5), 30)
        XCTAssertEqual(policy.delay(afterAttempts: 1, retryAfter: 86_400), 600)
    }

    func testRetryAfterParsesSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        XCTAssertEqual(WebhookSender.retryAfter("120", now: now), 120)
        XCTAssertEqual(WebhookSender.retryAfter(" 0 ", now: now), 0)
        XCTAssertEqual(WebhookSender.retryAfter("Fri, 15 Jan 2027 08:01:00 GMT", now: now), 60)
        XCTAssertNil(WebhookSender.retryAfter("-5", now: now))
        XCTAssertNil(WebhookSender.retryAfter("soon", now: now))
        XCTAssertNil(WebhookSender.retryAfter("99999999999999999999", now: now))
        XCTAssertNil(WebhookSender.retryAfter(nil, now: now))
    }

    func testStatusesAreSortedIntoDeliveredRetryAndDead() {
        let now = Date()
        func outcome(_ status: Int) -> WebhookSendOutcome { WebhookSender.classify(.init(status: status), now: now) }
        XCTAssertEqual(outcome(200), .delivered(status: 200))
        XCTAssertEqual(outcome(204), .delivered(status: 204))
        for status in [429, 500, 502, 503, 504] {
            guard case .retry = outcome(status) else { return XCTFail("\(status) should be retried") }
        }
        for status in [301, 400, 401, 403, 404, 410, 413, 422] {
            guard case .dead = outcome(status) else { return XCTFail("\(status) should be dead") }
        }
    }
}
