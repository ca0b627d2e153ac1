import Foundation
import GraywatchCore

/// One event sent to webhook receivers: an envelope (id, kind, time, schema version) around a kind-specific payload.
///
/// On the wire (snake_case keys, ISO-8601 UTC times, `data` holding the payload):
/// ```json
/// {"data":{...},"id":"3f0c…","kind":"new_item","occurred_at":"2026-11-20T10:00:00Z","schema_version":1}
/// ```
/// `id` is unique per event and is also sent as `X-Graywatch-Delivery`: receivers dedupe on it, since a
/// delivery whose answer was lost is sent again.
public struct WebhookEvent: Sendable, Equatable, Identifiable {
    /// The version of the JSON shape; bumped only on incompatible changes.
    public static let schemaVersion = 1

    /// What happened, as named on the wire and in the `X-Graywatch-Event` header.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// A new review item scored at or above a profile's notify score.
        case newItem = "new_item"
        /// A review item moved from one status to another.
        case statusChange = "status_change"
        /// A scan run of a profile ended.
        case scanFinished = "scan_finished"
    }

    /// The kind-specific part of an event.
    public enum Payload: Sendable, Equatable {
        case newItem(NewItem)
        case statusChange(StatusChange)
        case scanFinished(ScanFinished)

        /// The kind this payload belongs to.
        public var kind: Kind {
            switch self {
            case .newItem: return .newItem
            case .statusChange: return .statusChange
            case .scanFinished: return .scanFinished
            }
        }
    }

    /// The event's unique id, for receivers to dedupe.
    public var id: UUID
    /// When the event happened (UTC; sent with whole-second precision).
    public var occurredAt: Date
    /// What happened.
    public var payload: Payload
    /// The payload's kind.
    public var kind: Kind { payload.kind }

    /// Creates an event; `id` defaults to a fresh random UUID.
    public init(id: UUID = UUID(), occurredAt: Date, payload: Payload) {
        self.id = id
        self.occurredAt = occurredAt
        self.payload = payload
    }

    /// The lowercase UUID text sent in the body and in `X-Graywatch-Delivery`.
    public var idString: String { id.uuidString.lowercased() }

    /// The event as compact JSON with sorted keys (the exact bytes that get signed and sent).
    public func jsonData() throws(FeedsError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw .encodingFailed(what: "\(kind.rawValue) \(idString)", why: String(describing: error))
        }
    }

    /// Decodes an event from a webhook body (as a receiver would).
    public static func decode(_ data: Data) throws(FeedsError) -> WebhookEvent {
        do {
            return try JSONDecoder().decode(WebhookEvent.self, from: data)
        } catch {
            throw .decodingFailed(why: String(describing: error))
        }
    }
}

extension WebhookEvent: Codable {
    private enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case id
        case kind
        case occurredAt = "occurred_at"
        case data
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .schemaVersion)
        guard version == WebhookEvent.schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: container,
                debugDescription: "unsupported schema_version \(version) (this reader knows \(WebhookEvent.schemaVersion))")
        }
        id = try container.decode(UUID.self, forKey: .id)
        occurredAt = try container.decodeTimestamp(forKey: .occurredAt)
        switch try container.decode(Kind.self, forKey: .kind) {
        case .newItem: payload = .newItem(try container.decode(NewItem.self, forKey: .data))
        case .statusChange: payload = .statusChange(try container.decode(StatusChange.self, forKey: .data))
        case .scanFinished: payload = .scanFinished(try container.decode(ScanFinished.self, forKey: .data))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(WebhookEvent.schemaVersion, forKey: .schemaVersion)
        try container.encode(idString, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encodeTimestamp(occurredAt, forKey: .occurredAt)
        switch payload {
        case .newItem(let data): try container.encode(data, forKey: .data)
        case .statusChange(let data): try container.encode(data, forKey: .data)
        case .scanFinished(let data): try container.encode(data, forKey: .data)
        }
    }
}

/// ISO-8601 UTC timestamps for event JSON, independent of the coder's date strategy.
enum WebhookTime {
    /// Formats `date` as `2026-11-20T10:00:00Z` (whole seconds, UTC).
    static func format(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC") ?? .gmt))
    }

    /// Parses an ISO-8601 timestamp with or without fractional seconds; nil when it is not one.
    static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
        return try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)
    }
}

extension KeyedEncodingContainer {
    /// Encodes `date` as an ISO-8601 UTC string.
    mutating func encodeTimestamp(_ date: Date, forKey key: Key) throws {
        try encode(WebhookTime.format(date), forKey: key)
    }
}

extension KeyedDecodingContainer {
    /// Decodes an ISO-8601 string as a date, failing with the key's path when it is not one.
    func decodeTimestamp(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = WebhookTime.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not an ISO-8601 time: \(text)")
        }
        return date
    }
}
