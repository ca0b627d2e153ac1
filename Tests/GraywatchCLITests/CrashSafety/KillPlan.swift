import Foundation

/// Where and when the crash-safety test kills the scan: a seeded, logged schedule, so a failing run can be replayed
/// with `GRAYWATCH_CRASH_SEED`. The moments are fractions of the reference scan's own phase durations, or of its
/// scoring progress, so a seed lands in the same phases on a slower or faster machine (the exact instants still vary
/// with scheduling).
struct KillPlan {
    /// What a kill waits for before its random delay starts.
    enum Moment: String {
        /// From the moment the process has the store file open: migrations, then the run's creation.
        case migration
        /// From the launch: process start-up, migrations, the run's creation, the frontier's first load.
        case startup
        /// From the first page this process stores: mid-crawl.
        case crawl
        /// Once this process, scoring (the frontier is empty), has written `fraction` × 90% of one scoring pass's
        /// findings: from the first listing scored to the last ones before the run is finished.
        case scoring
    }

    struct Kill {
        var number: Int
        var moment: Moment
        /// Uniform in [0, 1): where in the moment's window the kill lands.
        var fraction: Double
    }

    let seed: UInt64
    let kills: [Kill]

    /// `count` kills: about 15% at start-up (the first ones while the new store is migrated), 25% while scoring, the
    /// rest mid-crawl (every fourth of those timed from the launch, so resumed processes are killed while they load
    /// their frontier too).
    init(count: Int, seed: UInt64) {
        self.seed = seed
        var random = SplitMix64(seed: seed)
        let early = count >= 3 ? max(1, Int((Double(count) * 0.15).rounded())) : min(count, 1)
        let scoring = count >= 2 ? max(1, Int((Double(count) * 0.25).rounded())) : 0
        let crawl = max(0, count - early - scoring)
        var moments = (0..<early).map { $0 < max(1, early - 1) ? Moment.migration : Moment.startup }
        for index in 0..<crawl { moments.append(index % 4 == 3 ? .startup : .crawl) }
        moments += Array(repeating: Moment.scoring, count: scoring)
        kills = moments.enumerated().map { Kill(number: $0.offset + 1, moment: $0.element, fraction: random.nextUnit()) }
    }

    /// Seconds to wait once the kill's moment is reached, given the reference scan's durations.
    func delay(_ kill: Kill, timings: ReferenceTimings) -> Double {
        switch kill.moment {
        case .migration:
            return kill.fraction * timings.migrating * 0.8
        case .startup:
            // Up to a little past the moment the reference run existed: some land before it, some just after.
            return kill.fraction * timings.untilRun * 1.3
        case .crawl:
            // Short enough that the crawl kills together use about half the crawl, leaving the rest for scoring.
            let crawlKills = kills.filter { $0.moment == .crawl }.count
            return kill.fraction * timings.crawl / Double(crawlKills + 2)
        case .scoring:
            // Timed by progress alone (see ``Moment/scoring``): the driver kills the process while it is still stopped
            // from the look that saw the progress. This jitter (up to 1% of the scoring time) applies only when the
            // look could not be taken (the process was gone or the wait gave up).
            return (kill.fraction * 7919).truncatingRemainder(dividingBy: 1) * timings.scoring * 0.01
        }
    }
}

/// How long the phases of the uninterrupted reference scan took (seconds).
struct ReferenceTimings: CustomStringConvertible {
    /// Launch until the process had the store file open.
    var untilOpen: Double
    /// Store open until every migration was applied.
    var migrating: Double
    /// Launch until its run is in the store (start-up and migrations).
    var untilRun: Double
    /// Run created until the frontier had no pending URL.
    var crawl: Double
    /// Frontier empty until the run was finished (scoring).
    var scoring: Double
    /// Launch until the process exited.
    var total: Double
    /// Findings one scoring pass writes (rows: a pass replaces every listing's findings).
    var findingsPerPass: Int64

    var description: String {
        String(format: "store open after %.3fs, migrated in %.3fs, run created after %.2fs; crawl %.2fs, scoring %.2fs, total %.2fs, %d findings",
               untilOpen, migrating, untilRun, crawl, scoring, total, findingsPerPass)
    }
}

/// A small seeded generator (SplitMix64), the same sequence on every platform.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
