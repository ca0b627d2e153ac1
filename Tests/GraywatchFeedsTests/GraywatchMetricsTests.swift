import Foundation
import GraywatchFeeds
import GraywatchTestSupport
import XCTest

final class GraywatchMetricsTests: XCTestCase {
    private func sample() -> GraywatchMetrics {
        let metrics = GraywatchMetrics()
        metrics.scanStarted(profile: "ex-series")
        metrics.pageFetched(profile: "ex-series", status: 200)
        metrics.pageFetched(profile: "ex-series", status: 204)
        metrics.pageFetched(profile: "ex-series", status: 404)
        metrics.pageFetched(profile: "ex-series", status: 503)
        metrics.pageFetched(profile: "ex-series", status: nil)
        metrics.findingsRecorded(profile: "ex-series", category: .counterfeit, count: 2)
        metrics.findingsRecorded(profile: "ex-series", findings: [
            .init(ruleID: "a", category: .usedAsNew, weight: 10, evidence: []),
            .init(ruleID: "b", category: .counterfeit, weight: 10, evidence: []),
        ])
        metrics.errorOccurred(profile: "ex-series", stage: "parse")
        metrics.webhookDelivery(.delivered)
        metrics.setQueueSizes(["new": 4, "confirmed": 2])
        metrics.scanFinished(profile: "ex-series", duration: 42.5, success: true, at: Date(timeIntervalSince1970: 1_800_000_000))
        return metrics
    }

    func testRenderHoldsEverySeriesWithItsValue() {
        let text = sample().render()
        let expected = [
            #"graywatch_pages_fetched_total{profile="ex-series",status="2xx"} 2"#,
            #"graywatch_pages_fetched_total{profile="ex-series",status="4xx"} 1"#,
            #"graywatch_pages_fetched_total{profile="ex-series",status="5xx"} 1"#,
            #"graywatch_pages_fetched_total{profile="ex-series",status="error"} 1"#,
            #"graywatch_findings_total{profile="ex-series",category="counterfeit"} 3"#,
            #"graywatch_findings_total{profile="ex-series",category="used-as-new"} 1"#,
            #"graywatch_errors_total{profile="ex-series",stage="parse"} 1"#,
            #"graywatch_webhook_deliveries_total{result="delivered"} 1"#,
            #"graywatch_queue_items{status="new"} 4.0"#,
            #"graywatch_queue_items{status="confirmed"} 2.0"#,
            #"graywatch_queue_items{status="removed"} 0.0"#,
            #"graywatch_scan_duration_seconds{profile="ex-series"} 42.5"#,
            #"graywatch_last_success_timestamp_seconds{profile="ex-series"} 1800000000.0"#,
            #"graywatch_scan_running{profile="ex-series"} 0.0"#,
            #"graywatch_scan_run_seconds_bucket{profile="ex-series",le="30.0"} 0"#,
            #"graywatch_scan_run_seconds_bucket{profile="ex-series",le="60.0"} 1"#,
            #"graywatch_scan_run_seconds_count{profile="ex-series"} 1"#,
            "# TYPE graywatch_pages_fetched_total counter",
            "# TYPE graywatch_queue_items gauge",
            "# TYPE graywatch_scan_run_seconds histogram",
            "# HELP graywatch_webhook_deliveries_total Webhook delivery attempts, by result (delivered, retry, dead).",
        ]
        let lines = Set(text.split(separator: "\n").map(String.init))
        for line in expected {
            XCTAssertTrue(lines.contains(line), "missing \(line) in\n\(text)")
        }
    }

    func testFailedScanLeavesTheLastSuccessTimeAlone() {
        let metrics = GraywatchMetrics()
        metrics.scanStarted(profile: "p")
        XCTAssertTrue(metrics.render().contains(#"graywatch_scan_running{profile="p"} 1.0"#))
        metrics.scanFinished(profile: "p", duration: 3, success: false, at: Date(timeIntervalSince1970: 1_800_000_000))
        let text = metrics.render()
        XCTAssertFalse(text.contains("graywatch_last_success_timestamp_seconds{"), text)
        XCTAssertTrue(text.contains(#"graywatch_scan_running{profile="p"} 0.0"#), text)
    }

    func testLabelValuesAreEscaped() {
        let metrics = GraywatchMetrics()
        metrics.errorOccurred(profile: "odd\"name\\\n", stage: "fetch")
        XCTAssertTrue(metrics.render().contains(#"graywatch_errors_total{profile="odd\"name\\\n",stage="fetch"} 1"#),
                      metrics.render())
    }

    func testStatusClassesCoverHTTPRangesAndErrors() {
        XCTAssertEqual([100, 200, 299, 301, 404, 599].map { GraywatchMetrics.statusClass($0) }, ["1xx", "2xx", "2xx", "3xx", "4xx", "5xx"])
        XCTAssertEqual([nil, 0, 600, -1].map { GraywatchMetrics.statusClass($0) }, ["error", "error", "error", "error"])
    }

    func testTextfileIsWrittenAtomicallyWithTheRenderedContent() throws {
        let folder = try TestPaths.temporaryDirectory()
        let path = folder.appendingPathComponent("graywatch.prom").path
        try Data("stale content\n".utf8).write(to: URL(fileURLWithPath: path))
        let metrics = sample()
        try metrics.writeTextfile(to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), metrics.render())
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertEqual(names, ["graywatch.prom"], "no temporary file is left behind")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o644)
    }

    func testTextfileInAMissingFolderFailsSayingWhere() throws {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("missing/graywatch.prom").path
        XCTAssertThrowsError(try GraywatchMetrics().writeTextfile(to: path)) { error in
            guard case .textfileWriteFailed(let where_, let why) = error as? FeedsError else { return XCTFail("\(error)") }
            XCTAssertEqual(where_, path)
            XCTAssertTrue(why.contains("cannot create"), why)
        }
    }
}
