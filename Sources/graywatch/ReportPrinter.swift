import GraywatchScan

/// Prints a scan report for a terminal. Page-derived text goes through ``LogSafe``.
enum ReportPrinter {
    static func print(_ report: ScanReport, database: String) {
        let stats = report.stats
        let classes = stats.responsesByStatusClass.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        Swift.print("""
            Scan run \(report.runID): \(report.pagesFetched) pages (\(report.searchPages) search, \(report.itemPages) item, \
            \(report.otherPages) other) in \(String(format: "%.1f", stats.durationSeconds))s; \
            \(report.listingRefs.count) listings in \(database).
            Responses: \(classes.isEmpty ? "none" : classes.joined(separator: ", ")); \(stats.notModified) not modified \
            (not parsed again); \(stats.transferErrors) transfer errors; \(stats.retries) retries; \
            \(stats.bytes) bytes; \(stats.robotsBlocked) blocked by robots.txt; \(stats.outOfScope) links out of scope.
            Review queue: \(report.opened) opened, \(report.updated) updated.
            """)
        if !stats.parkedHosts.isEmpty {
            Swift.print("Parked hosts: \(stats.parkedHosts.map { LogSafe.text($0) }.joined(separator: ", "))")
        }
        if !report.failures.isEmpty {
            Swift.print("\(report.failures.count) page(s) failed; the scan went on:")
            for failure in report.failures { Swift.print("  ✗ \(failure)") }
        }
        if !report.skippedByRobots.isEmpty {
            Swift.print("\(report.skippedByRobots.count) URL(s) not fetched because robots.txt disallows them:")
            for url in report.skippedByRobots { Swift.print("  ⊘ \(LogSafe.text(url))") }
        }
        if report.hitPageCap { Swift.print("Stopped at the page cap; `graywatch scan --resume` fetches the rest.") }
    }
}
