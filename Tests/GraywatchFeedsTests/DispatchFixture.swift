import Foundation
import GraywatchFeeds
import Logging
import XCTest

/// Shared pieces of the dispatcher tests: the drains' fixed dates, a tiny retry policy, events and dispatchers.
enum DispatchFixture {
    /// The drains' clock: scheduling uses these dates; signatures use the wall clock.
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static let tiny = WebhookRetryPolicy(baseDelay: 0.01, multiplier: 2, maxDelay: 1, jitter: 0, maxAttempts: 3)

    static func event() -> WebhookEvent {
        WebhookEventTests.newItem.withFreshID()
    }

    static func dispatcher(_ outbox: InMemoryWebhookOutbox, policy: WebhookRetryPolicy? = nil, timeout: TimeInterval = 5,
                           secret: String? = WebhookReceiver.secret, metrics: GraywatchMetrics? = nil) -> WebhookDispatcher {
        var logger = Logger(label: "graywatch.feeds-tests")
        logger.logLevel = .critical
        return WebhookDispatcher(outbox: outbox, sender: WebhookSender(timeout: timeout), policy: policy ?? tiny,
                                 metrics: metrics, logger: logger, secret: { _ in secret })
    }
}

extension WebhookEvent {
    /// The same event under a new id.
    func withFreshID() -> WebhookEvent {
        WebhookEvent(occurredAt: occurredAt, payload: payload)
    }
}
