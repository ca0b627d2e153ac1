import Foundation

/// When to try a failed webhook delivery again, and when to give up.
///
/// The wait after the n-th failed attempt is `baseDelay × multiplier^(n−1)`, capped at `maxDelay`, then moved by up to
/// ±`jitter` (a fraction) so that many deliveries failing together do not return together. A receiver's
/// `Retry-After` (capped at `maxRetryAfter`) is a floor: the next attempt is never earlier than it asked.
/// After `maxAttempts` attempts in all, the delivery goes to the dead-letter.
public struct WebhookRetryPolicy: Sendable, Equatable {
    /// The wait after the first failed attempt, in seconds.
    public var baseDelay: TimeInterval
    /// The factor between successive waits.
    public var multiplier: Double
    /// The longest wait, in seconds.
    public var maxDelay: TimeInterval
    /// The random spread of each wait, as a fraction (0.2 = ±20%).
    public var jitter: Double
    /// How many attempts in all before a delivery is dead.
    public var maxAttempts: Int
    /// The longest `Retry-After` honoured, in seconds.
    public var maxRetryAfter: TimeInterval

    /// The defaults: 30 s, ×2, at most 1 h, ±20%, 8 attempts (about 1 h 4 min of waiting in all), Retry-After up to 1 h.
    public init(baseDelay: TimeInterval = 30, multiplier: Double = 2, maxDelay: TimeInterval = 3600, jitter: Double = 0.2,
                maxAttempts: Int = 8, maxRetryAfter: TimeInterval = 3600) {
        self.baseDelay = max(0, baseDelay)
        self.multiplier = max(1, multiplier)
        self.maxDelay = max(0, maxDelay)
        self.jitter = min(max(0, jitter), 1)
        self.maxAttempts = max(1, maxAttempts)
        self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// Whether a delivery that has failed `attempts` times may be tried again.
    public func allowsRetry(afterAttempts attempts: Int) -> Bool { attempts < maxAttempts }

    /// The wait after the `attempts`-th failed attempt (1 for the first), before jitter and Retry-After.
    public func backoff(afterAttempts attempts: Int) -> TimeInterval {
        let exponent = Double(max(0, attempts - 1))
        let raw = baseDelay * pow(multiplier, exponent)
        return raw.isFinite ? min(raw, maxDelay) : maxDelay
    }

    /// The wait after the `attempts`-th failed attempt with jitter from `generator` and `retryAfter` as a floor.
    public func delay<G: RandomNumberGenerator>(afterAttempts attempts: Int, retryAfter: TimeInterval?,
                                                using generator: inout G) -> TimeInterval {
        var wait = backoff(afterAttempts: attempts)
        if jitter > 0, wait > 0 {
            wait *= 1 + Double.random(in: -jitter...jitter, using: &generator)
            wait = min(wait, maxDelay)
        }
        if let retryAfter, retryAfter.isFinite {
            wait = max(wait, min(max(0, retryAfter), maxRetryAfter))
        }
        return max(0, wait)
    }

    /// ``delay(afterAttempts:retryAfter:using:)`` with the system's random numbers.
    public func delay(afterAttempts attempts: Int, retryAfter: TimeInterval? = nil) -> TimeInterval {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempts: attempts, retryAfter: retryAfter, using: &generator)
    }
}
