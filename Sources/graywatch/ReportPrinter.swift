import GraywatchScan

/// Prints a scan report for a terminal. Page-derived text goes through ``LogSafe``.
enum ReportPrinter {
    static func print(_ report: ScanReport, database: String) {
        Swift.print("""
            Scanned \(report.pagesFetched) pages: \(report.searchPages) search, \(report.itemPages) item, \
            \(report.otherPages) other; \(report.listingRefs.count) listings stored in \(database).
            Review queue: \(report.opened) opened, \(report.updated) updated.
            """)
        if !report.failures.isEmpty {
            Swift.print("\(report.failures.count) page(s) failed; the scan went on:")
            for failure in report.failures { Swift.print("  ✗ \(failure)") }
        }
        if !report.skippedByRobots.isEmpty {
            Swift.print("\(report.skippedByRobots.count) URL(s) not fetched because robots.txt disallows them:")
            for url in report.skippedByRobots { Swift.print("  ⊘ \(LogSafe.text(url))") }
        }
        if !report.skippedOutOfScope.isEmpty {
            Swift.print("\(report.skippedOutOfScope.count) link(s) outside the scan's hosts were not followed.")
        }
        if report.hitPageCap { Swift.print("Stopped at the page cap; the frontier was not empty.") }
    }
}
