import Foundation

/// Login rate limiting: after `limit` failures within `window` for one client address or one user name, further
/// attempts are refused until the oldest failure leaves the window. Success clears the name's failures.
public actor LoginThrottle {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 5, window: TimeInterval = 900) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before another attempt for this address or name, or nil when an attempt may be made now.
    public func retryAfter(address: String, name: String, now: Date = Date()) -> Int? {
        let waits = [key("ip", address), key("user", name)].compactMap { key -> TimeInterval? in
            let recent = prune(key, now)
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window).timeIntervalSince(now)
        }
        return waits.max().map { max(1, Int($0.rounded(.up))) }
    }

    /// Counts a failed attempt against the address and the name.
    public func failed(address: String, name: String, now: Date = Date()) {
        if failures.count > 50_000 { for key in Array(failures.keys) { _ = prune(key, now) } }
        for key in [key("ip", address), key("user", name)] {
            failures[key, default: []].append(now)
            _ = prune(key, now)
        }
    }

    /// Clears the name's failures after a successful sign-in (the address keeps its record).
    public func succeeded(name: String) {
        failures[key("user", name)] = nil
    }

    private func key(_ kind: String, _ value: String) -> String { kind + ":" + value.lowercased() }

    private func prune(_ key: String, _ now: Date) -> [Date] {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent
    }
}
