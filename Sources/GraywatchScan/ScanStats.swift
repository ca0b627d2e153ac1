import Foundation

/// Per-scan statistics: printed at the end and kept with the scan run.
public struct ScanStats: Sendable, Codable, Equatable {
    /// Responses by status class ("2xx", "3xx", "4xx", "5xx").
    public var responsesByStatusClass: [String: Int] = [:]
    /// Transfers that produced no response (timeouts, resets, refused, size cap).
    public var transferErrors = 0
    public var retries = 0
    /// Body bytes received (after content decoding).
    public var bytes = 0
    /// 304 answers to conditional requests: pages not parsed again.
    public var notModified = 0
    public var robotsBlocked = 0
    public var outOfScope = 0
    public var parkedHosts: [String] = []
    public var durationSeconds = 0.0

    public init() {}

    /// All responses, every status class together.
    public var responses: Int { responsesByStatusClass.values.reduce(0, +) }

    /// The form kept with the scan run (`scan_run.stats_json`).
    public var json: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// Statistics read back from ``json``; nil for anything else.
    public init?(json: String) {
        guard let stats = try? JSONDecoder().decode(ScanStats.self, from: Data(json.utf8)) else { return nil }
        self = stats
    }
}
