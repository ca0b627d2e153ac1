import ArgumentParser
import Foundation
import GraywatchEnrich
import GraywatchFeeds
import GraywatchScan
import GraywatchSchedule
import GraywatchStore

/// Options of the commands that run scan profiles (`scan --profile`, `daemon`).
struct ProfileOptions: ParsableArguments {
    @Option(help: "The scan profiles folder (*.yml). Default: the rules folder's scans/.")
    var profiles: String?

    @Option(name: .customLong("origin"), help: ArgumentHelp(
        "Move a marketplace's URLs to another origin, as NAME=SCHEME://HOST[:PORT] (a mirror, the sample marketplace on loopback).",
        valueName: "name=origin"))
    var origins: [String] = []

    @Option(help: "Write Prometheus metrics to this file after each run (node_exporter textfile collector).")
    var metricsTextfile: String?

    @Option(help: "Progress on standard error: auto (a redrawn line on a terminal, log lines otherwise), always, lines, never.")
    var progress: String = "auto"

    func validate() throws {
        for origin in origins {
            let parts = origin.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let scheme = URLComponents(string: String(parts[1]))?.scheme, ["http", "https"].contains(scheme)
            else { throw ValidationError("--origin takes NAME=http(s)://HOST[:PORT], not '\(origin)'") }
        }
        guard ProgressDisplay.Mode(rawValue: progress) != nil else {
            throw ValidationError("--progress must be one of \(ProgressDisplay.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    var originMap: [String: String] {
        Dictionary(origins.map { origin in
            let parts = origin.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }, uniquingKeysWith: { $1 })
    }

    /// The profile set, with every schedule checked as a cron expression (errors name file, line and column).
    func load(rules: RulesOptions, catalog: Catalog) throws -> ProfileSet {
        let folder = try profiles.map { URL(fileURLWithPath: $0) } ?? rules.directory().appendingPathComponent("scans")
        let set: ProfileSet
        do {
            set = try ProfileSet.load(directory: folder, catalog: catalog)
        } catch {
            throw CLIError.runtime("\(error)")
        }
        var problems: [String] = []
        for profile in set.profiles {
            do { _ = try ProfileSchedule(profile) } catch { problems.append("\(error)") }
        }
        guard problems.isEmpty else { throw CLIError.runtime(problems.joined(separator: "\n")) }
        return set
    }

    /// A runner for one profile, wired to the store, the rules and the metrics.
    func runner(_ profile: ScanProfile, store: Store, rules: RulesOptions, metrics: GraywatchMetrics?) throws -> ProfileRunner {
        let (ruleSet, catalog) = try rules.load()
        var runner = ProfileRunner(profile: profile, catalog: catalog, adapters: try rules.adapters(), rules: ruleSet,
                                   store: store, logger: rules.logger("graywatch.scan.\(profile.name)"))
        runner.origins = originMap
        runner.metrics = metrics
        return runner
    }
}
