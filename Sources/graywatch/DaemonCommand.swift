import ArgumentParser
import Foundation
import GraywatchFeeds
import GraywatchScan
import GraywatchSchedule
import GraywatchStore
import GraywatchWeb
import Logging

/// `graywatch daemon`: runs every scan profile on its schedule, unattended.
struct DaemonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daemon",
        abstract: "Run all scan profiles on their cron schedules; serve Prometheus metrics; drain webhook retries.",
        discussion: """
            Each profile with a `schedule:` runs when it is due, never twice at once (also not alongside a
            `scan --profile` of the same profile elsewhere: they share the profile lock). Runs that did not finish
            (the daemon or the machine stopped) are continued at start-up. SIGTERM or Ctrl-C: no new page starts,
            pages in flight are stored, the frontier stays in the store, and the daemon exits 0.
            Examples:
              graywatch daemon --db /var/lib/graywatch/graywatch.sqlite --metrics-bind 127.0.0.1:9464
              graywatch daemon --db postgres://graywatch@db.internal/graywatch
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesOptions
    @OptionGroup var profileOptions: ProfileOptions

    @Option(help: "Serve /metrics (Prometheus) on HOST:PORT; 'off' for none.")
    var metricsBind: String = "127.0.0.1:9464"

    @Option(help: "Only these profiles (default: every enabled profile with a schedule).")
    var only: [String] = []

    func validate() throws {
        guard metricsBind == "off" || ServeCommand.parse(metricsBind) != nil else {
            throw ValidationError("--metrics-bind needs HOST:PORT or 'off'")
        }
    }

    func run() async throws {
        let (_, catalog) = try rules.load()
        let set = try profileOptions.load(rules: rules, catalog: catalog)
        let database = try store.open()
        var schedules = try set.profiles.map { try ProfileSchedule($0) }.filter { $0.cron != nil && $0.profile.enabled }
        if !only.isEmpty { schedules = schedules.filter { only.contains($0.profile.name) } }
        guard !schedules.isEmpty else { throw CLIError.runtime("no enabled profile with a schedule in \(set.names)") }
        let logger = rules.logger("graywatch.daemon")
        let metrics = GraywatchMetrics()
        StoreMetrics.refreshProfiles(metrics, from: database)
        let stop = StopSignal()
        stop.installHandlers()
        let options = profileOptions, rulesOptions = rules, storeOptions = store
        let scheduler = ProfileScheduler(schedules: schedules, stop: stop, logger: logger) { profile in
            await DaemonCommand.runOnce(profile, store: database, options: options, rules: rulesOptions, metrics: metrics,
                                        stop: stop, storeOptions: storeOptions, logger: logger)
        }
        let webhookRunner = try profileOptions.runner(schedules[0].profile, store: database, rules: rules, metrics: metrics)
        scheduler.housekeeping = { _ = await webhookRunner.dispatcher().drain() }
        let resume = schedules.map(\.profile.name).filter { (try? database.unfinishedRun(profile: $0)) != nil }
        for schedule in schedules {
            let next = schedule.next(after: Date()).map { "\($0)" } ?? "never"
            print("graywatch daemon: profile \(schedule.profile.name) next at \(next) (\(schedule.cron?.description ?? ""), \(schedule.timeZone.identifier))")
        }
        await withTaskGroup(of: Void.self) { group in
            if let (host, port) = ServeCommand.parse(metricsBind) {
                group.addTask {
                    do {
                        try await MetricsServer.run(host: host, port: port, logger: logger, render: {
                            StoreMetrics.refreshQueue(metrics, from: database)
                            return metrics.render()
                        }, onRunning: { bound in print("graywatch daemon: metrics on http://\(host):\(bound)/metrics"); fflush(nil) })
                    } catch {
                        logger.error("metrics server: \(error)")
                    }
                }
            }
            await scheduler.run(resume: resume)
            group.cancelAll()
        }
        print("graywatch daemon: stopped")
    }

    /// One scheduled run: under the profile lock; a run elsewhere holding it makes this occurrence skip.
    static func runOnce(_ profile: ScanProfile, store: Store, options: ProfileOptions, rules: RulesOptions,
                        metrics: GraywatchMetrics, stop: StopSignal, storeOptions: StoreOptions, logger: Logger) async {
        do {
            guard let lock = try store.lockProfile(profile.name) else {
                logger.warning("profile \(profile.name): another process is running it; this occurrence is skipped")
                return
            }
            defer { lock.release() }
            var runner = try options.runner(profile, store: store, rules: rules, metrics: metrics)
            runner.stop = stop
            let display = ProgressDisplay(mode: .lines, label: profile.name)
            if options.progress != "never" { runner.observer = display.observer }
            let report = try await runner.run()
            ProfileReportPrinter.print(report, database: storeOptions.db)
            if let path = options.metricsTextfile { try? metrics.writeTextfile(to: path) }
        } catch {
            logger.error("profile \(profile.name): \(error)")
            metrics.errorOccurred(profile: profile.name, stage: "run")
        }
    }
}
