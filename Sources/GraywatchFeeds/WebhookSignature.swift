import Crypto
import Foundation

/// HMAC-SHA256 signatures of webhook bodies, in the Stripe/GitHub style.
///
/// The sender computes `HMAC-SHA256(secret, "<timestamp>.<body>")` over the exact body bytes, with `timestamp`
/// the Unix time in whole seconds, and sends:
/// - `X-Graywatch-Timestamp: <timestamp>`
/// - `X-Graywatch-Signature: sha256=<64 lowercase hex digits>`
///
/// A receiver recomputes the MAC with its copy of the secret, compares in constant time, and rejects
/// timestamps more than `tolerance` seconds from its clock (replay protection). ``verify(body:timestamp:signature:secret:now:tolerance:)``
/// does all of that.
public enum WebhookSignature {
    /// The header carrying the Unix timestamp that was signed.
    public static let timestampHeader = "X-Graywatch-Timestamp"
    /// The header carrying `sha256=<hex>`.
    public static let signatureHeader = "X-Graywatch-Signature"
    /// The header carrying the event kind (`new_item`, ...).
    public static let eventHeader = "X-Graywatch-Event"
    /// The header carrying the event id, for receivers to dedupe.
    public static let deliveryHeader = "X-Graywatch-Delivery"
    /// The User-Agent of webhook requests.
    public static let userAgent = "graywatch/0.2 webhook"
    /// The signature scheme prefix.
    public static let scheme = "sha256="
    /// How far a timestamp may be from the receiver's clock by default, in seconds.
    public static let defaultTolerance: TimeInterval = 300

    /// Why a signature did not verify.
    public enum VerificationError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The timestamp header is not a whole number of seconds.
        case malformedTimestamp
        /// The timestamp is more than the tolerance away from now (`age` seconds; negative is in the future).
        case staleTimestamp(age: Int64)
        /// The signature header holds no `sha256=<64 hex>` entry.
        case malformedSignature
        /// No signature matches the body under this secret.
        case mismatch

        public var description: String {
            switch self {
            case .malformedTimestamp: return "webhook signature check failed: the timestamp is not Unix seconds"
            case .staleTimestamp(let age): return "webhook signature check failed: the timestamp is \(age) s old, outside the tolerance"
            case .malformedSignature: return "webhook signature check failed: no sha256=<hex> signature in the header"
            case .mismatch: return "webhook signature check failed: the signature does not match the body"
            }
        }
    }

    /// The `sha256=<lower hex>` signature of `body` signed at `timestamp` (Unix seconds) with `secret`.
    public static func sign(body: Data, timestamp: Int64, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: signedBytes(body: body, timestamp: String(timestamp)),
                                                 using: key(secret))
        return scheme + mac.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// All headers of a webhook request carrying `body` for event `eventID` of `kind`, signed at `now`.
    public static func headers(body: Data, eventKind: String, eventID: String, secret: String, now: Date) -> [(String, String)] {
        let timestamp = Int64(now.timeIntervalSince1970.rounded(.down))
        return [
            ("Content-Type", "application/json"),
            ("User-Agent", userAgent),
            (eventHeader, eventKind),
            (deliveryHeader, eventID),
            (timestampHeader, String(timestamp)),
            (signatureHeader, sign(body: body, timestamp: timestamp, secret: secret)),
        ]
    }

    /// Checks a received webhook: `timestamp` and `signature` are the header values as received.
    ///
    /// The signature header may hold several comma-separated `sha256=` entries (e.g. during a secret rotation);
    /// one matching entry suffices. The comparison is constant-time.
    public static func verify(body: Data, timestamp: String, signature: String, secret: String,
                              now: Date = Date(), tolerance: TimeInterval = defaultTolerance) throws(VerificationError) {
        let trimmed = timestamp.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), trimmed.utf8.count <= 12,
              let seconds = Int64(trimmed)
        else { throw .malformedTimestamp }
        let age = Int64(now.timeIntervalSince1970.rounded(.down)) - seconds
        guard Double(abs(age)) <= tolerance else { throw .staleTimestamp(age: age) }

        let candidates = signature.split(separator: ",").compactMap { entry -> [UInt8]? in
            let text = entry.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix(scheme) else { return nil }
            return decodeHex(text.dropFirst(scheme.count))
        }
        guard !candidates.isEmpty else { throw .malformedSignature }
        let message = signedBytes(body: body, timestamp: trimmed)
        let key = key(secret)
        var matched = false
        for candidate in candidates {
            // isValidAuthenticationCode compares in constant time.
            if HMAC<SHA256>.isValidAuthenticationCode(candidate, authenticating: message, using: key) { matched = true }
        }
        guard matched else { throw .mismatch }
    }

    /// Checks a received webhook whose body is text (UTF-8).
    public static func verify(body: String, timestamp: String, signature: String, secret: String,
                              now: Date = Date(), tolerance: TimeInterval = defaultTolerance) throws(VerificationError) {
        try verify(body: Data(body.utf8), timestamp: timestamp, signature: signature, secret: secret,
                   now: now, tolerance: tolerance)
    }

    /// Whether a received webhook verifies (see ``verify(body:timestamp:signature:secret:now:tolerance:)``).
    public static func isValid(body: Data, timestamp: String, signature: String, secret: String,
                               now: Date = Date(), tolerance: TimeInterval = defaultTolerance) -> Bool {
        do {
            try verify(body: body, timestamp: timestamp, signature: signature, secret: secret, now: now, tolerance: tolerance)
            return true
        } catch {
            return false
        }
    }

    private static func key(_ secret: String) -> SymmetricKey { SymmetricKey(data: Data(secret.utf8)) }

    private static func signedBytes(body: Data, timestamp: String) -> Data {
        var message = Data(timestamp.utf8)
        message.append(UInt8(ascii: "."))
        message.append(body)
        return message
    }

    /// 64 hex digits (either case) as 32 bytes; nil for anything else.
    private static func decodeHex<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: return digit - 0x30
        case 0x61...0x66: return digit - 0x61 + 10
        case 0x41...0x46: return digit - 0x41 + 10
        default: return nil
        }
    }
}
