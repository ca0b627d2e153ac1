import Foundation
import GraywatchCore
import Prometheus

/// The scanner's Prometheus metrics, over a `PrometheusCollectorRegistry`, with methods named for what the scanner reports.
///
/// Series:
/// - `graywatch_pages_fetched_total{profile,status}`: counter; status is the HTTP class (`2xx` … `5xx`) or `error`.
/// - `graywatch_findings_total{profile,category}`: counter.
/// - `graywatch_errors_total{profile,stage}`: counter.
/// - `graywatch_webhook_deliveries_total{result}`: counter; result is `delivered`, `retry` or `dead`.
/// - `graywatch_queue_items{status}`: gauge of review items per status.
/// - `graywatch_scan_duration_seconds{profile}`: gauge, the last run's length.
/// - `graywatch_last_success_timestamp_seconds{profile}`: gauge, Unix time of the last successful run.
/// - `graywatch_scan_running{profile}`: gauge, 1 while a run is going.
/// - `graywatch_scan_run_seconds{profile}`: histogram of run lengths (meaningful in a long-lived process; a cron
///   run's textfile holds one observation).
public final class GraywatchMetrics: Sendable {
    /// What became of a webhook delivery attempt.
    public enum DeliveryResult: String, Sendable, CaseIterable {
        case delivered
        case retry
        case dead
    }

    /// The registry behind the metrics (the web UI can serve it at /metrics).
    public let registry: PrometheusCollectorRegistry

    /// Bucket bounds of the run-length histogram, in seconds.
    public static let scanDurationBuckets: [Double] = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200]

    /// Metrics in `registry` (a fresh one by default).
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    // MARK: Counters

    /// A page was fetched for `profile` with HTTP `status`, or failed without one (nil).
    public func pageFetched(profile: String, status: Int?) {
        counter(.pagesFetched, [("profile", profile), ("status", GraywatchMetrics.statusClass(status))]).increment()
    }

    /// `count` findings of `category` were recorded for `profile`.
    public func findingsRecorded(profile: String, category: GraywatchCore.Category, count: Int = 1) {
        guard count > 0 else { return }
        counter(.findings, [("profile", profile), ("category", category.rawValue)]).increment(by: Int64(count))
    }

    /// The findings of one assessment were recorded for `profile` (counted per category).
    public func findingsRecorded(profile: String, findings: [Finding]) {
        var counts: [GraywatchCore.Category: Int] = [:]
        for finding in findings { counts[finding.category, default: 0] += 1 }
        for (category, count) in counts { findingsRecorded(profile: profile, category: category, count: count) }
    }

    /// Something failed for `profile` at `stage` (e.g. `fetch`, `parse`, `extract`, `store`, `webhook`).
    public func errorOccurred(profile: String, stage: String) {
        counter(.errors, [("profile", profile), ("stage", stage)]).increment()
    }

    /// A webhook delivery attempt ended with `result`.
    public func webhookDelivery(_ result: DeliveryResult) {
        counter(.webhookDeliveries, [("result", result.rawValue)]).increment()
    }

    // MARK: Gauges

    /// The review queue's size per status (status name → items); every known status not given is set to 0.
    public func setQueueSizes(_ sizes: [String: Int]) {
        var all: [String: Int] = [:]
        for status in ReviewStatus.allCases { all[status.rawValue] = 0 }
        all.merge(sizes) { _, given in given }
        for (status, count) in all {
            gauge(.queueItems, [("status", status)]).set(to: Double(count))
        }
    }

    /// The review queue's size per status.
    public func setQueueSizes(_ sizes: [ReviewStatus: Int]) {
        setQueueSizes(Dictionary(uniqueKeysWithValues: sizes.map { ($0.key.rawValue, $0.value) }))
    }

    /// A scan run of `profile` started.
    public func scanStarted(profile: String) {
        gauge(.scanRunning, [("profile", profile)]).set(to: 1)
    }

    /// A scan run of `profile` ended after `duration` seconds at `at`; a success also sets the last-success time.
    public func scanFinished(profile: String, duration: TimeInterval, success: Bool, at: Date = Date()) {
        let labels = [("profile", profile)]
        gauge(.scanRunning, labels).set(to: 0)
        gauge(.scanDuration, labels).set(to: duration)
        registry.makeValueHistogram(descriptor: Descriptor.scanRunSeconds.descriptor, labels: labels,
                                    buckets: GraywatchMetrics.scanDurationBuckets).record(duration)
        if success {
            gauge(.lastSuccess, labels).set(to: at.timeIntervalSince1970.rounded(.down))
        }
    }

    // MARK: Output

    /// All series in the Prometheus text exposition format (0.0.4).
    public func render() -> String {
        registry.emitToString()
    }

    /// `2xx` … `5xx` for an HTTP status, `error` for none or one out of range.
    public static func statusClass(_ status: Int?) -> String {
        guard let status, (100...599).contains(status) else { return "error" }
        return "\(status / 100)xx"
    }

    private func counter(_ descriptor: Descriptor, _ labels: [(String, String)]) -> Counter {
        registry.makeCounter(descriptor: descriptor.descriptor, labels: labels)
    }

    private func gauge(_ descriptor: Descriptor, _ labels: [(String, String)]) -> Gauge {
        registry.makeGauge(descriptor: descriptor.descriptor, labels: labels)
    }
}
