import Foundation
import GraywatchSchedule
import Logging

/// Time as the scheduler sees it: the real clock, or a test's.
public protocol SchedulerClock: Sendable {
    func now() -> Date
    /// Sleeps until `date` or for at most `limit` seconds, whichever comes first.
    func sleep(until date: Date, limit: TimeInterval) async
}

/// The wall clock.
public struct SystemSchedulerClock: SchedulerClock {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(until date: Date, limit: TimeInterval) async {
        let seconds = max(0, min(date.timeIntervalSinceNow, limit))
        try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}

/// `graywatch daemon`'s loop: starts each profile when its cron schedule says, never two runs of one profile at
/// once (a run still going when the next is due makes that occurrence skipped, and logged), continues unfinished
/// runs at start-up, and on a stop request lets the running ones stop gently and returns when they have.
public final class ProfileScheduler: @unchecked Sendable {
    public typealias Runner = @Sendable (ScanProfile) async -> Void

    private let schedules: [ProfileSchedule]
    private let runner: Runner
    private let stop: StopSignal
    private let clock: any SchedulerClock
    private let logger: Logger
    private let lock = NSLock()
    private var running: Set<String> = []
    private var skipped: [String: Int] = [:]
    private var started: [String: Int] = [:]
    /// Called between sleeps (the daemon drains due webhook retries here).
    public var housekeeping: (@Sendable () async -> Void)?

    public init(schedules: [ProfileSchedule], stop: StopSignal, clock: any SchedulerClock = SystemSchedulerClock(),
                logger: Logger, runner: @escaping Runner) {
        self.schedules = schedules
        self.stop = stop
        self.clock = clock
        self.logger = logger
        self.runner = runner
    }

    /// Runs until a stop is requested. `resume` names profiles to start at once (their runs did not finish).
    public func run(resume: [String] = []) async {
        var due: [String: Date] = [:]
        let start = clock.now()
        for schedule in schedules {
            if let next = schedule.next(after: start) { due[schedule.profile.name] = next }
        }
        await withTaskGroup(of: Void.self) { group in
            for name in resume {
                guard let schedule = schedules.first(where: { $0.profile.name == name }) else { continue }
                launch(schedule.profile, in: &group, reason: "continuing its unfinished run")
            }
            while !stop.isRequested {
                let now = clock.now()
                for schedule in schedules {
                    let name = schedule.profile.name
                    guard let when = due[name], when <= now else { continue }
                    if isRunning(name) {
                        markSkipped(name)
                        logger.warning("profile \(name): due at \(when), but its previous run is still going; skipped")
                    } else {
                        launch(schedule.profile, in: &group, reason: "scheduled for \(when)")
                    }
                    due[name] = schedule.next(after: max(now, when))
                }
                await housekeeping?()
                let wake = due.values.min() ?? now.addingTimeInterval(3600)
                await clock.sleep(until: wake, limit: 1)
            }
            logger.notice("stopping: waiting for \(runningNames().joined(separator: ", ")) to store their pages in flight")
            await group.waitForAll()
        }
    }

    /// How many times each profile was started and skipped (for tests and the log).
    public var counts: (started: [String: Int], skipped: [String: Int]) {
        lock.lock()
        defer { lock.unlock() }
        return (started, skipped)
    }

    private func launch(_ profile: ScanProfile, in group: inout TaskGroup<Void>, reason: String) {
        lock.lock()
        running.insert(profile.name)
        started[profile.name, default: 0] += 1
        lock.unlock()
        logger.notice("profile \(profile.name): starting (\(reason))")
        let runner = self.runner
        group.addTask { [self] in
            await runner(profile)
            finished(profile.name)
        }
    }

    private func markSkipped(_ name: String) {
        lock.withLock { skipped[name, default: 0] += 1 }
    }

    private func finished(_ name: String) {
        lock.withLock { _ = running.remove(name) }
    }

    private func isRunning(_ name: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return running.contains(name)
    }

    private func runningNames() -> [String] {
        lock.lock()
        defer { lock.unlock() }
        return running.sorted()
    }
}
