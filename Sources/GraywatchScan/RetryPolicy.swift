import Foundation
import GraywatchFetch

/// When to try a URL again after a failure.
struct RetryPolicy {
    let politeness: Politeness

    /// Seconds to wait before attempt number `attempt + 1`: Retry-After for 429/503 when given (seconds or an
    /// HTTP-date, capped), else exponential backoff with ±50% jitter, capped. Nil when the failure is final.
    func delay(afterAttempt attempt: Int, status: Int?, retryAfter: String?, error: FetchError?, now: Date = Date()) -> Double? {
        guard attempt < politeness.maxAttempts else { return nil }
        if let status {
            guard status == 429 || (500..<600).contains(status) else { return nil }
            if status == 429 || status == 503, let retryAfter, let seconds = RetryPolicy.seconds(retryAfter: retryAfter, now: now) {
                return min(max(seconds, 0), politeness.retryAfterCap)
            }
        } else if let error, !error.isRetryable {
            return nil
        }
        let exponential = politeness.backoffBase * pow(2, Double(max(attempt - 1, 0)))
        return min(exponential * Double.random(in: 0.5...1.5), politeness.backoffCap)
    }

    /// A Retry-After value in seconds: delta-seconds or an HTTP-date (IMF-fixdate, RFC 850 or asctime).
    static func seconds(retryAfter value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return Double(seconds) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) { return date.timeIntervalSince(now) }
        }
        return nil
    }
}
