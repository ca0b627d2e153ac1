import Foundation
import GraywatchTestSupport

/// Runs `graywatch scan` into one store, SIGKILLs it as a ``KillPlan`` says and resumes it after each kill, then lets
/// the last resume run to the end. Each launch's output goes to a log file beside the store.
///
/// The driver blocks: run it with ``onThread(_:)``. Its looks and kills are timed in milliseconds, and a wait on
/// Swift's cooperative pool (`Task.sleep`) can oversleep by seconds while the rest of the test run keeps those few
/// threads busy; a scoring kill then came after the run had finished (CI, 2026-12-07).
struct CrashDriver {
    /// One kill as it happened.
    struct Record {
        var kill: KillPlan.Kill
        var launch: String
        /// Seconds since the first launch, and since this process's launch.
        var sinceStart: Double
        var sinceLaunch: Double
        /// What the store held once the killed process was gone: what it had committed. (The store is not read just
        /// before a kill: a read waits while the scan commits, and would steer kills away from its commits.)
        var after: StorePhase
        /// The process was already gone when its kill came (it finished, or failed on its own).
        var exitedFirst: Int32?
    }

    /// A step of the driver that could not go on.
    struct Failure: Error, CustomStringConvertible { var description: String }

    let scan: [String]
    let store: String
    let folder: URL
    let plan: KillPlan
    let timings: ReferenceTimings
    private(set) var launches = 0

    init(scan: [String], store: String, folder: URL, plan: KillPlan, timings: ReferenceTimings) {
        self.scan = scan
        self.store = store
        self.folder = folder
        self.plan = plan
        self.timings = timings
    }

    /// Kills and resumes per the plan; returns what each kill hit, and the last process's exit status.
    mutating func run() throws -> (records: [Record], finalStatus: Int32?) {
        let start = Date()
        var records: [Record] = []
        for step in plan.kills {
            // Before its run exists a killed scan is started again as it was; after that, it is resumed.
            let before = StoreProbe.phase(store)
            if before.finished { break }
            let process = try launch(before.run == nil ? ["scan"] + scan + ["--db", store] : ["scan", "--resume", "--db", store])
            let launched = Date()
            // A scoring kill lands on the process as the look that saw the progress left it: still stopped.
            if !waitForMoment(step, process: process, launchPhase: before) {
                sleep(plan.delay(step, timings: timings), unlessScoring: step.moment != .scoring, process: process)
            }
            let killedAt = Date()
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            let status = Self.waitForExit(process)
            let killed = process.terminationReason == .uncaughtSignal && status == SIGKILL
            records.append(Record(
                kill: step, launch: before.run == nil ? "scan" : "resume", sinceStart: killedAt.timeIntervalSince(start),
                sinceLaunch: killedAt.timeIntervalSince(launched), after: StoreProbe.phase(store),
                exitedFirst: killed ? nil : status))
        }
        let last = StoreProbe.phase(store)
        guard !last.finished else { return (records, nil) }
        let arguments = last.run == nil ? ["scan"] + scan + ["--db", store] : ["scan", "--resume", "--db", store]
        return (records, Self.waitForExit(try launch(arguments), within: 120))
    }

    /// Runs `body` on a thread of its own (not Swift's cooperative pool) and returns its result.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Waits for the process to exit (terminating it after `seconds`); its exit status or signal.
    static func waitForExit(_ process: Process, within seconds: Double = 60) -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Waits until the process reaches the kill's moment (or gives up waiting and kills where it is); true when it
    /// is left stopped (SIGSTOP) at that moment, to be killed there.
    private func waitForMoment(_ step: KillPlan.Kill, process: Process, launchPhase: StorePhase) -> Bool {
        let deadline = Date().addingTimeInterval(timings.total * 2 + 30)
        // Scoring kills wait for a share of one scoring pass's findings to be written by this process.
        var scoringFrom: Int64? = launchPhase.scoring ? launchPhase.findingSequence : nil
        let target = Int64(step.fraction * 0.9 * Double(timings.findingsPerPass))
        func reached() -> Bool {
            switch step.moment {
            case .migration: return StoreProbe.holdsOpen(process, store)
            case .startup: return true
            case .crawl:
                let now = StoreProbe.phase(store)
                return now.settled > launchPhase.settled || now.scoring || now.finished
            case .scoring:
                let now = StoreProbe.phase(store)
                if scoringFrom == nil, now.scoring { scoringFrom = now.findingSequence }
                return now.finished || scoringFrom.map { now.findingSequence - $0 >= target } ?? false
            }
        }
        let poll: useconds_t = step.moment == .migration ? 500 : step.moment == .scoring ? 1_000 : 5_000
        guard step.moment == .scoring else {
            while process.isRunning, Date() < deadline, !reached() { usleep(poll) }
            return false
        }
        // Scoring is quick (a pass can take under a second) and ends with the run finished: a look that sees the
        // progress and a kill that follows it could straddle the end. So each look is taken with the process
        // stopped (SIGSTOP), and it runs on (SIGCONT) only when the progress is not reached yet. The store is in WAL
        // mode, so the look never waits for a lock the stopped process holds. Once the progress is reached the process
        // stays stopped until the SIGKILL: letting it run on first (even for a jitter of milliseconds) let a starved
        // test thread's kill come after the end of the run on a loaded machine.
        while process.isRunning, Date() < deadline {
            guard Self.pause(process) else { break }
            if reached() { return true }
            kill(process.processIdentifier, SIGCONT)
            usleep(poll)
        }
        return false
    }

    /// Stops the process and waits until the kernel shows it stopped; false if it is gone.
    private static func pause(_ process: Process) -> Bool {
        let pid = process.processIdentifier
        guard process.isRunning, kill(pid, SIGSTOP) == 0 else { return false }
        for _ in 0..<2_000 {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
            // The state follows the command name in parentheses: "PID (NAME) S ...".
            if let close = stat.lastIndex(of: ")"), stat[stat.index(after: close)...].dropFirst().first == "T" { return true }
            if !process.isRunning { return false }
            usleep(100)
        }
        return true
    }

    /// Sleeps `seconds`; with `unlessScoring`, stops early once the process is scoring (checked every 50 ms), so a
    /// kill meant for the crawl, timed from a slower reference scan, lands while scoring rather than after the end.
    private func sleep(_ seconds: Double, unlessScoring: Bool, process: Process) {
        let end = Date().addingTimeInterval(seconds)
        var lastLook = Date()
        while Date() < end, process.isRunning {
            usleep(useconds_t(max(0, min(end.timeIntervalSinceNow, 0.005)) * 1_000_000))
            guard unlessScoring, Date().timeIntervalSince(lastLook) >= 0.05 else { continue }
            lastLook = Date()
            let phase = StoreProbe.phase(store)
            if phase.scoring || phase.finished { return }
        }
    }

    /// Starts the binary with its output in `launch-N.log`.
    private mutating func launch(_ arguments: [String]) throws -> Process {
        launches += 1
        let log = folder.appendingPathComponent("launch-\(launches).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: Data("$ graywatch \(arguments.joined(separator: " "))\n".utf8))
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.root
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// The table of kills, for the test log and bench/crash-safety.sh.
    static func table(_ records: [Record]) -> String {
        func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        var lines = [" kill  launch  moment     at (s)  after launch (s)  store after the kill (what was committed)"]
        for record in records {
            let note = record.exitedFirst.map { " — process had already exited with \($0)" } ?? ""
            lines.append(String(format: " %4d  ", record.kill.number) + pad(record.launch, 6) + "  " + pad(record.kill.moment.rawValue, 9)
                + String(format: "  %6.2f  %16.3f  ", record.sinceStart, record.sinceLaunch) + record.after.description + note)
        }
        return lines.joined(separator: "\n")
    }
}
