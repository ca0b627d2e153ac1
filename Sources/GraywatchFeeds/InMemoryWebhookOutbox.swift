import Foundation

/// A ``WebhookOutbox`` in memory, for tests and dry runs: nothing survives the process.
public final class InMemoryWebhookOutbox: WebhookOutbox, @unchecked Sendable {
    /// A delivery with its status and the outcome of its last attempt.
    public struct Entry: Sendable, Equatable {
        public var delivery: WebhookDelivery
        public var status: WebhookDeliveryStatus
        /// The HTTP status that delivered it, when delivered.
        public var deliveredStatus: Int?
        /// When it was delivered or given up on.
        public var finishedAt: Date?
        /// The error of the last failed attempt.
        public var lastError: String?
    }

    /// Why the outbox refused a call.
    public enum OutboxError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownDelivery(Int64)

        public var description: String {
            switch self {
            case .unknownDelivery(let id): return "in-memory webhook outbox: no delivery with id \(id)"
            }
        }
    }

    private let lock = NSLock()
    // Guarded by `lock`.
    private var entries: [Int64: Entry] = [:]
    private var nextID: Int64 = 1

    public init() {}

    /// Queues `event` for `url`, due at `now`; returns the delivery id.
    @discardableResult
    public func enqueue(_ event: WebhookEvent, url: String, secretName: String? = nil, now: Date) throws(FeedsError) -> Int64 {
        let body = try event.jsonData()
        return lock.withLock {
            let id = nextID
            nextID += 1
            let delivery = WebhookDelivery(id: id, url: url, secretName: secretName, eventKind: event.kind.rawValue,
                                           eventID: event.idString, body: body, createdAt: now)
            entries[id] = Entry(delivery: delivery, status: .pending)
            return id
        }
    }

    /// The entry of delivery `id`, if any.
    public func entry(_ id: Int64) -> Entry? {
        lock.withLock { entries[id] }
    }

    /// All entries, by id.
    public var allEntries: [Entry] {
        lock.withLock { entries.values.sorted { $0.delivery.id < $1.delivery.id } }
    }

    /// The dead-letter: deliveries given up on, by id.
    public var deadLetter: [Entry] { allEntries.filter { $0.status == .dead } }

    /// Puts a dead delivery back in the queue with its attempts reset, due at `now`.
    public func requeue(_ id: Int64, now: Date) throws(OutboxError) {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[id] else { throw .unknownDelivery(id) }
        entry.status = .pending
        entry.delivery.attempts = 0
        entry.delivery.nextAttemptAt = now
        entry.finishedAt = nil
        entries[id] = entry
    }

    public func dueDeliveries(now: Date, limit: Int) throws -> [WebhookDelivery] {
        lock.withLock {
            entries.values
                .filter { $0.status == .pending && $0.delivery.nextAttemptAt <= now }
                .map(\.delivery)
                .sorted { ($0.nextAttemptAt, $0.id) < ($1.nextAttemptAt, $1.id) }
                .prefix(max(0, limit))
                .map { $0 }
        }
    }

    public func markDelivered(_ id: Int64, status: Int, at: Date) throws {
        try update(id) { entry in
            entry.status = .delivered
            entry.delivery.attempts += 1
            entry.deliveredStatus = status
            entry.finishedAt = at
        }
    }

    public func markRetry(_ id: Int64, attempts: Int, nextAttemptAt: Date, error: String) throws {
        try update(id) { entry in
            entry.delivery.attempts = attempts
            entry.delivery.nextAttemptAt = nextAttemptAt
            entry.lastError = error
        }
    }

    public func markDead(_ id: Int64, attempts: Int, error: String, at: Date) throws {
        try update(id) { entry in
            entry.status = .dead
            entry.delivery.attempts = attempts
            entry.lastError = error
            entry.finishedAt = at
        }
    }

    private func update(_ id: Int64, _ change: (inout Entry) -> Void) throws(OutboxError) {
        lock.lock()
        defer { lock.unlock() }
        guard var entry = entries[id] else { throw .unknownDelivery(id) }
        change(&entry)
        entries[id] = entry
    }
}
