import Foundation

/// The outcome of one delivery attempt.
public enum WebhookSendOutcome: Sendable, Equatable {
    /// The receiver answered 2xx.
    case delivered(status: Int)
    /// Worth another try (429, 5xx, timeout, connection error); `retryAfter` is the receiver's wish in seconds.
    case retry(status: Int?, retryAfter: TimeInterval?, reason: String)
    /// Never worth another try (410 Gone, other 4xx, 3xx, a bad URL).
    case dead(status: Int?, reason: String)
}

/// Posts one signed webhook delivery and says whether it was delivered, is worth a retry, or is dead.
public struct WebhookSender: Sendable {
    /// The longest wait for the whole answer, in seconds.
    public var timeout: TimeInterval
    /// How much of a response body is read (the rest is dropped).
    public var maxResponseBytes: Int
    /// How the request travels.
    public var transport: any WebhookTransport

    /// A sender with a 10 s timeout, a 64 KiB response cap, over URLSession unless told otherwise.
    public init(timeout: TimeInterval = 10, maxResponseBytes: Int = 64 * 1024,
                transport: any WebhookTransport = URLSessionWebhookTransport()) {
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.transport = transport
    }

    /// Sends `delivery` signed with `secret` at `now` (the signature's timestamp).
    public func send(_ delivery: WebhookDelivery, secret: String, now: Date = Date()) async -> WebhookSendOutcome {
        guard let url = WebhookSender.validatedURL(delivery.url) else {
            return .dead(status: nil, reason: "invalid webhook URL (need http or https with a host)")
        }
        let headers = WebhookSignature.headers(body: delivery.body, eventKind: delivery.eventKind,
                                               eventID: delivery.eventID, secret: secret, now: now)
        do {
            let response = try await transport.post(url: url, headers: headers, body: delivery.body, timeout: timeout,
                                                    maxResponseBytes: maxResponseBytes)
            return WebhookSender.classify(response, now: now)
        } catch {
            switch error {
            case .cancelled: return .retry(status: nil, retryAfter: nil, reason: "request cancelled")
            default: return .retry(status: nil, retryAfter: nil, reason: error.description)
            }
        }
    }

    /// Sorts a receiver's answer: 2xx delivered; 429 and 5xx retry (with Retry-After); 410, 3xx and other 4xx dead.
    public static func classify(_ response: WebhookHTTPResponse, now: Date) -> WebhookSendOutcome {
        let status = response.status
        let reason = describe(response)
        switch status {
        case 200...299:
            return .delivered(status: status)
        case 429, 500...599:
            return .retry(status: status, retryAfter: retryAfter(response.headers["retry-after"], now: now), reason: reason)
        case 410:
            return .dead(status: status, reason: reason + " (the receiver asked to stop)")
        case 300...399:
            return .dead(status: status, reason: reason + " (redirects are not followed)")
        default:
            return .dead(status: status, reason: reason)
        }
    }

    /// Parses a Retry-After value: delay seconds, or an HTTP date (as seconds from `now`); nil when neither.
    public static func retryAfter(_ value: String?, now: Date) -> TimeInterval? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard text.utf8.count <= 9, let seconds = Int(text) else { return nil }
            return TimeInterval(seconds)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// The URL if it is http(s) with a host.
    static func validatedURL(_ text: String) -> URL? {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        return components.url
    }

    /// "HTTP 500: <start of the body, escaped>", for the outbox's error column.
    private static func describe(_ response: WebhookHTTPResponse) -> String {
        let snippet = String(decoding: response.body.prefix(512), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return snippet.isEmpty ? "HTTP \(response.status)" : "HTTP \(response.status): " + LogText.escaped(snippet, limit: 160)
    }
}
