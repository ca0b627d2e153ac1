import Foundation
import GraywatchFeeds
import GraywatchScan
import GraywatchStore

/// `graywatch scan --profile NAME`: one run of a scan profile, for cron and systemd timers.
struct ProfileScanCommand {
    let store: StoreOptions
    let rules: RulesOptions
    let options: ProfileOptions

    /// Runs the profile once; returns the exit code (0 done, 2 locked out or failed).
    func run(_ name: String, worker: CrawlWorker?) async throws -> Int32 {
        let (_, catalog) = try rules.load()
        let set = try options.load(rules: rules, catalog: catalog)
        guard let profile = set.profile(named: name) else {
            throw CLIError.runtime("no scan profile '\(name)' (known: \(set.names.joined(separator: ", ")))")
        }
        let database = try store.open()
        var lock: ProfileLock?
        if worker == nil {
            lock = try wrap { try database.lockProfile(profile.name) }
            guard lock != nil else {
                let holder = database.profileLockHolder(profile.name).map { " (\($0))" } ?? ""
                FileHandle.standardError.write(Data("graywatch: profile \(profile.name) is already running\(holder); not starting another run\n".utf8))
                return 2
            }
        }
        defer { lock?.release() }
        let metrics = GraywatchMetrics()
        var runner = try options.runner(profile, store: database, rules: rules, metrics: metrics)
        runner.worker = worker
        let stop = StopSignal()
        stop.installHandlers()
        runner.stop = stop
        let display = ProgressDisplay(mode: ProgressDisplay.Mode(rawValue: options.progress) ?? .auto, label: profile.name)
        runner.observer = display.observer
        let report = try await runner.run()
        display.finish()
        ProfileReportPrinter.print(report, database: store.db)
        if let path = options.metricsTextfile {
            do { try metrics.writeTextfile(to: path) } catch { throw CLIError.runtime("\(error)") }
        }
        let scan = report.scan
        if scan.pagesFetched > 0 && scan.failures.count == scan.pagesFetched { return 2 }
        return 0
    }
}

/// Prints a profile run: the scan, then what changed, what verification decided and what the webhooks did.
enum ProfileReportPrinter {
    static func print(_ report: ProfileRunReport, database: String) {
        ReportPrinter.print(report.scan, database: database)
        if report.scan.interrupted {
            Swift.print("Stopped on request: run \(report.run) of profile \(report.profile) continues with the next `scan --profile \(report.profile)`.")
            return
        }
        guard report.scan.finished else {
            Swift.print("Run \(report.run) is not finished (another worker, or the next run, completes it).")
            return
        }
        let changes = report.changes
        Swift.print("Since the last run of \(report.profile): \(changes.new.count) new, \(changes.changed.count) changed, \(changes.gone.count) gone.")
        for change in changes.changed.prefix(20) {
            Swift.print("  ~ \(LogSafe.text(change.marketplace))/\(LogSafe.text(change.listingID)): \(change.fields.joined(separator: ", "))")
        }
        let verification = report.verification
        if !(verification.removed.isEmpty && verification.stillLive.isEmpty && verification.reinstated.isEmpty && verification.pending.isEmpty) {
            Swift.print("Takedowns: \(verification.removed.count) removed, \(verification.stillLive.count) still live, "
                        + "\(verification.pending.count) waiting, \(verification.reinstated.count) reinstated.")
        }
        let hooks = report.webhooks
        if hooks.attempted > 0 {
            Swift.print("Webhooks: \(hooks.delivered) delivered, \(hooks.retried) to retry, \(hooks.dead) dead.")
        }
    }
}
