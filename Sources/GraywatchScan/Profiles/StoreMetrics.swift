import Foundation
import GraywatchCore
import GraywatchFeeds
import GraywatchStore

/// Metrics that the store can tell at any moment: queue sizes per status and, per profile, the last successful
/// run's time and length and whether one is running. `serve` answers from these alone; `daemon` adds them to its
/// own counters.
public enum StoreMetrics {
    /// Sets the queue-size gauges from the store's trigger-kept counts.
    public static func refreshQueue(_ metrics: GraywatchMetrics, from store: Store) {
        if let counts = try? store.queueCounts() {
            var sizes = Dictionary(uniqueKeysWithValues: ReviewStatus.allCases.map { ($0.rawValue, 0) })
            for (status, n) in counts.byStatus { sizes[status] = n }
            metrics.setQueueSizes(sizes)
        }
    }

    /// Sets the per-profile gauges from the runs the store holds.
    public static func refreshProfiles(_ metrics: GraywatchMetrics, from store: Store) {
        for summary in (try? store.profileRunSummaries()) ?? [] {
            if let finished = summary.lastFinishedAt {
                metrics.scanFinished(profile: summary.profile, duration: summary.lastDurationSeconds ?? 0, success: true,
                                     at: finished)
            }
            if summary.running { metrics.scanStarted(profile: summary.profile) }
        }
    }

    /// A fresh rendering of everything the store can tell (what `serve --metrics-bind` answers).
    public static func render(from store: Store) -> String {
        let metrics = GraywatchMetrics()
        refreshQueue(metrics, from: store)
        refreshProfiles(metrics, from: store)
        return metrics.render()
    }
}
