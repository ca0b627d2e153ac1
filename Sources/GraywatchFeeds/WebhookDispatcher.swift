import Foundation
import Logging

/// What one ``WebhookDispatcher/drain(now:)`` did.
public struct DrainReport: Sendable, Equatable {
    /// Deliveries sent (one attempt each).
    public var attempted = 0
    public var delivered = 0
    /// Deliveries that failed and were rescheduled.
    public var retried = 0
    /// Deliveries moved to the dead-letter.
    public var dead = 0
    /// Whether the batch was full, so more may be due.
    public var moreDue = false
    /// Failures of the outbox itself (reading the queue or recording an outcome).
    public var outboxErrors: [String] = []

    public init() {}
}

/// Drains a ``WebhookOutbox``: sends each due delivery once, records the outcome, schedules retries and dead-letters.
public struct WebhookDispatcher: Sendable {
    /// Finds a delivery's signing secret (e.g. from the environment variable its `secretName` names); nil when none.
    public typealias SecretResolver = @Sendable (WebhookDelivery) -> String?

    public var outbox: any WebhookOutbox
    public var sender: WebhookSender
    public var policy: WebhookRetryPolicy
    /// How many due deliveries one drain takes.
    public var batchSize: Int
    /// How many requests are in flight at once.
    public var concurrency: Int
    public var metrics: GraywatchMetrics?
    public var logger: Logger
    private let secret: SecretResolver

    public init(outbox: any WebhookOutbox, sender: WebhookSender = WebhookSender(), policy: WebhookRetryPolicy = WebhookRetryPolicy(),
                batchSize: Int = 100, concurrency: Int = 4, metrics: GraywatchMetrics? = nil, logger: Logger,
                secret: @escaping SecretResolver) {
        self.outbox = outbox
        self.sender = sender
        self.policy = policy
        self.batchSize = max(1, batchSize)
        self.concurrency = max(1, concurrency)
        self.metrics = metrics
        self.logger = logger
        self.secret = secret
    }

    /// A resolver reading `delivery.secretName` from `environment` (the process's by default), falling back to
    /// `defaultName` when a delivery names none.
    public static func environmentSecrets(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                          defaultName: String? = "GRAYWATCH_WEBHOOK_SECRET") -> SecretResolver {
        { delivery in
            guard let name = delivery.secretName ?? defaultName, let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
    }

    /// Sends every delivery due at `now` (up to `batchSize`) once and records each outcome in the outbox.
    public func drain(now: Date = Date()) async -> DrainReport {
        var report = DrainReport()
        let due: [WebhookDelivery]
        do {
            due = try outbox.dueDeliveries(now: now, limit: batchSize)
        } catch {
            logger.error("webhook outbox could not be read", metadata: ["error": "\(LogText.escaped(String(describing: error)))"])
            report.outboxErrors.append("reading due deliveries: \(error)")
            return report
        }
        report.moreDue = due.count >= batchSize
        await withTaskGroup(of: (WebhookDelivery, WebhookSendOutcome).self) { group in
            var queue = due[...]
            for _ in 0..<min(concurrency, queue.count) {
                if let next = queue.popFirst() { group.addTask { (next, await attempt(next)) } }
            }
            while let (delivery, outcome) = await group.next() {
                record(outcome, for: delivery, now: now, into: &report)
                if let next = queue.popFirst() { group.addTask { (next, await attempt(next)) } }
            }
        }
        return report
    }

    /// One attempt: resolves the secret (never sending unsigned) and sends.
    private func attempt(_ delivery: WebhookDelivery) async -> WebhookSendOutcome {
        guard let key = secret(delivery), !key.isEmpty else {
            let name = delivery.secretName.map { " (\(LogText.escaped($0, limit: 64)))" } ?? ""
            return .retry(status: nil, retryAfter: nil, reason: "no signing secret resolved\(name); not sent unsigned")
        }
        // The signature carries the wall-clock time of sending; `now` only schedules.
        return await sender.send(delivery, secret: key, now: Date())
    }

    /// Writes one outcome to the outbox, the report, the metrics and the log.
    private func record(_ outcome: WebhookSendOutcome, for delivery: WebhookDelivery, now: Date, into report: inout DrainReport) {
        report.attempted += 1
        let attempts = delivery.attempts + 1
        var metadata: Logger.Metadata = [
            "delivery": "\(delivery.id)", "event": "\(LogText.escaped(delivery.eventKind, limit: 32))",
            "target": "\(LogText.redactedURL(delivery.url))", "attempt": "\(attempts)",
        ]
        do {
            switch outcome {
            case .delivered(let status):
                try outbox.markDelivered(delivery.id, status: status, at: now)
                report.delivered += 1
                metrics?.webhookDelivery(.delivered)
                metadata["status"] = "\(status)"
                logger.info("webhook delivered", metadata: metadata)
            case .retry(let status, let retryAfter, let reason) where policy.allowsRetry(afterAttempts: attempts):
                let wait = policy.delay(afterAttempts: attempts, retryAfter: retryAfter)
                try outbox.markRetry(delivery.id, attempts: attempts, nextAttemptAt: now.addingTimeInterval(wait), error: reason)
                report.retried += 1
                metrics?.webhookDelivery(.retry)
                metadata["status"] = status.map { "\($0)" } ?? "none"
                metadata["retry_in_s"] = "\(Int(wait.rounded()))"
                metadata["reason"] = "\(LogText.escaped(reason))"
                logger.warning("webhook attempt failed; will retry", metadata: metadata)
            case .retry(let status, _, let reason):
                let error = "gave up after \(attempts) attempts; last: \(reason)"
                try outbox.markDead(delivery.id, attempts: attempts, error: error, at: now)
                report.dead += 1
                metrics?.webhookDelivery(.dead)
                metadata["status"] = status.map { "\($0)" } ?? "none"
                metadata["reason"] = "\(LogText.escaped(reason))"
                logger.error("webhook delivery dead after max attempts", metadata: metadata)
            case .dead(let status, let reason):
                try outbox.markDead(delivery.id, attempts: attempts, error: reason, at: now)
                report.dead += 1
                metrics?.webhookDelivery(.dead)
                metadata["status"] = status.map { "\($0)" } ?? "none"
                metadata["reason"] = "\(LogText.escaped(reason))"
                logger.error("webhook delivery dead", metadata: metadata)
            }
        } catch {
            metadata["error"] = "\(LogText.escaped(String(describing: error)))"
            logger.error("webhook outcome could not be recorded", metadata: metadata)
            report.outboxErrors.append("recording delivery \(delivery.id): \(error)")
        }
    }
}
