import Foundation

/// One event bound for one webhook URL, as the outbox holds it between attempts.
public struct WebhookDelivery: Sendable, Equatable, Identifiable {
    /// The outbox row id.
    public var id: Int64
    /// Where to POST (http or https).
    public var url: String
    /// The name of the signing secret (e.g. the environment variable holding it) for the caller's resolver;
    /// never the secret itself.
    public var secretName: String?
    /// The event kind, sent as `X-Graywatch-Event`.
    public var eventKind: String
    /// The event id, sent as `X-Graywatch-Delivery` (the same on every attempt).
    public var eventID: String
    /// The exact JSON bytes to send and sign.
    public var body: Data
    /// How many attempts have been made so far.
    public var attempts: Int
    /// When the delivery was queued.
    public var createdAt: Date
    /// When the next attempt is due.
    public var nextAttemptAt: Date

    public init(id: Int64, url: String, secretName: String?, eventKind: String, eventID: String, body: Data,
                attempts: Int = 0, createdAt: Date, nextAttemptAt: Date? = nil) {
        self.id = id
        self.url = url
        self.secretName = secretName
        self.eventKind = eventKind
        self.eventID = eventID
        self.body = body
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt ?? createdAt
    }

    /// A first-attempt delivery of `event`, encoded now.
    public init(id: Int64, url: String, secretName: String?, event: WebhookEvent, createdAt: Date) throws(FeedsError) {
        self.init(id: id, url: url, secretName: secretName, eventKind: event.kind.rawValue, eventID: event.idString,
                  body: try event.jsonData(), createdAt: createdAt)
    }
}

/// Where a delivery stands; the store's `webhook_delivery.status` uses the same words. `dead` is the dead-letter.
public enum WebhookDeliveryStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    case dead
}

/// The persistent queue of webhook deliveries that ``WebhookDispatcher`` drains.
///
/// The store implements it over its `webhook_delivery` table; ``InMemoryWebhookOutbox`` is for tests and dry runs.
public protocol WebhookOutbox: Sendable {
    /// Pending deliveries whose next attempt is due at `now`, oldest due first, at most `limit`.
    func dueDeliveries(now: Date, limit: Int) throws -> [WebhookDelivery]
    /// Records that delivery `id` was accepted with HTTP `status`.
    func markDelivered(_ id: Int64, status: Int, at: Date) throws
    /// Records a failed attempt (`attempts` now made) and when to try again.
    func markRetry(_ id: Int64, attempts: Int, nextAttemptAt: Date, error: String) throws
    /// Moves delivery `id` to the dead-letter after `attempts` attempts.
    func markDead(_ id: Int64, attempts: Int, error: String, at: Date) throws
}
