import Foundation
import GraywatchTestSupport
import Testing

/// The documented commands, run as a user runs them: the built `graywatch` binary in a child process.
@Suite(.serialized) struct CommandLineTests {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// The `graywatch` binary beside the test bundle in the build folder.
    static var binary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("graywatch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return TestPaths.root.appendingPathComponent(".build/debug/graywatch")
    }

    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                   errors: String(decoding: errData, as: UTF8.self))
    }

    @Test func demoQueuesEveryFlaggedSampleAndNoCleanOneWithTheRulesThatFired() throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let demo = try Self.run(["demo", "--db", db])
        #expect(demo.status == 0, "\(demo.errors)")
        #expect(demo.output.contains("/itm/310000000099: http: HTTP status 404"))
        #expect(demo.output.contains("robots.txt disallows"))

        let list = try Self.run(["queue", "list", "--db", db, "--format", "json"])
        #expect(list.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]] ?? []
        let queued = Set(entries.compactMap { $0["listingID"] as? String }.map { "/itm/" + $0 })
        for label in try Label.all() {
            #expect(queued.contains(label.path) == label.flagged, "\(label.path)")
            if label.flagged {
                // The demo prints each queued listing with the rules that fired.
                let id = String(label.path.dropFirst("/itm/".count))
                #expect(demo.output.contains("tradewell/\(id) score"), "\(label.path) rules not printed")
            }
        }

        let firstID = try #require(entries.first?["id"] as? Int)
        let show = try Self.run(["queue", "show", String(firstID), "--db", db])
        #expect(show.status == 0)
        #expect(show.output.contains("Rules that fired:"))
        #expect(show.output.contains("Categories:"))

        // A second demo run updates rows: the queue does not grow.
        _ = try Self.run(["demo", "--db", db])
        let again = try Self.run(["queue", "list", "--db", db, "--format", "json"])
        let count = (try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [Any])?.count
        #expect(count == entries.count)
    }

    @Test func usageErrorsExitWithTwo() throws {
        let bad = try Self.run(["scan", "ftp://example.invalid/x"])
        #expect(bad.status == 2)
        #expect(bad.errors.contains("is not an http(s) URL"))
        #expect(try Self.run(["queue", "list", "--status", "sideways"]).status == 2)
        #expect(try Self.run(["no-such-command"]).status == 2)
        #expect(try Self.run(["--help"]).status == 0)
    }

    @Test func showingAMissingItemIsARuntimeError() throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("empty.sqlite").path
        let run = try Self.run(["queue", "show", "42", "--db", db])
        #expect(run.status == 2)
        #expect(run.errors.contains("no review item 42"))
        #expect(try Self.run(["queue", "list", "--db", db]).output.contains("The review queue is empty."))
    }
}

/// `graywatch inspect robots`, as documented in docs/robots.md.
@Suite struct InspectRobotsCommandTests {
    static func robotsFile() throws -> String {
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("robots.txt")
        try "User-agent: *\nDisallow: /itm/preview/\nAllow: /itm/\n\nUser-agent: otherbot\nDisallow: /\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    @Test func allowedURLExitsZeroAndNamesTheRuleLine() throws {
        let run = try CommandLineTests.run(["inspect", "robots", try Self.robotsFile(), "https://market.example/itm/1?x=2"])
        #expect(run.status == 0)
        #expect(run.output.contains("allowed: /itm/1?x=2 (rule line 3: Allow: /itm/)"), "\(run.output)")
    }

    @Test func disallowedURLExitsOne() throws {
        let run = try CommandLineTests.run(["inspect", "robots", try Self.robotsFile(), "/itm/preview/9"])
        #expect(run.status == 1)
        #expect(run.output.contains("disallowed: /itm/preview/9 (rule line 2: Disallow: /itm/preview/)"), "\(run.output)")
    }

    @Test func agentChoosesItsGroup() throws {
        let run = try CommandLineTests.run(["inspect", "robots", try Self.robotsFile(), "/itm/1", "--agent", "OtherBot"])
        #expect(run.status == 1)
    }

    @Test func resumeWithNothingToResumeIsAnError() throws {
        let db = try TestPaths.temporaryDirectory().appendingPathComponent("none.sqlite").path
        let run = try CommandLineTests.run(["scan", "--resume", "--db", db])
        #expect(run.status == 2)
        #expect(run.errors.contains("no unfinished scan run"))
    }
}

/// `graywatch extract` and `graywatch inspect text|price`, as the README documents them.
@Suite struct ExtractionCommandTests {
    static func json(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func extractGivesTheRightTitlePriceAndCurrencyOnEveryRealPage() throws {
        guard FileManager.default.fileExists(atPath: TestPaths.realPages.path) else { return }
        try Self.checkExtract(csv: TestPaths.pages.appendingPathComponent("real-pages-expected.csv"), folder: TestPaths.realPages)
    }

    @Test func extractGivesTheRightTitlePriceAndCurrencyOnOurOwnPagesInThatMarkup() throws {
        try Self.checkExtract(csv: TestPaths.pages.appendingPathComponent("expected.csv"), folder: TestPaths.pages)
    }

    static func checkExtract(csv: URL, folder: URL) throws {
        let lines = try String(contentsOf: csv, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        for line in lines.dropFirst() {
            let row = Dictionary(zip(header, CSVLine.fields(line)).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
            let file = folder.appendingPathComponent(row["file"] ?? "")
            let run = try CommandLineTests.run(["extract", file.path, "--url", row["page_url"] ?? ""])
            #expect(run.status == 0, "\(file.lastPathComponent): \(run.errors)")
            let object = try json(run.output)
            let title = row["title"] ?? ""
            if !title.isEmpty { #expect(object["title"] as? String == title, "\(file.lastPathComponent) title") }
            let price = object["price"] as? [String: Any]
            let amount = row["price_amount"] ?? ""
            if !amount.isEmpty {
                #expect(price?["amount"] as? String == NSDecimalNumber(string: amount).stringValue, "\(file.lastPathComponent) amount")
                #expect(price?["currency"] as? String == row["price_currency"], "\(file.lastPathComponent) currency")
            }
        }
    }

    @Test func inspectPriceAsDocumented() throws {
        let euro = try CommandLineTests.run(["inspect", "price", "1.234,56 €", "--format", "json"])
        #expect(euro.output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"amount":"1234.56","currency":"EUR"}"#)
        let hinted = try CommandLineTests.run(["inspect", "price", "1.299", "--hint", "Preis (EUR)", "--decimal-separator", ",", "--format", "json"])
        #expect(hinted.output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"amount":"1299","currency":"EUR"}"#)
        let none = try CommandLineTests.run(["inspect", "price", "Contact seller", "--format", "json"])
        #expect(none.output.trimmingCharacters(in: .whitespacesAndNewlines) == #"{"amount":null,"currency":null}"#)
    }

    @Test func inspectTextShowsIdentifiersClaimsAndPricesWithSpans() throws {
        let run = try CommandLineTests.run(["inspect", "text", "NEW factory sealed ex4300 48t, No warranty. US $450", "--format", "json"])
        #expect(run.status == 0)
        let object = try Self.json(run.output)
        let identifiers = object["identifiers"] as? [[String: Any]] ?? []
        #expect(identifiers.first?["normalized"] as? String == "EX4300-48T")
        #expect(identifiers.first?["start"] as? Int == 19)
        let claims = (object["claims"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
        #expect(claims.contains("factory-sealed") && claims.contains("no-warranty"))
        let prices = object["prices"] as? [[String: Any]] ?? []
        #expect(prices.first?["amount"] as? String == "450" && prices.first?["currency"] as? String == "USD")
    }
}

/// `graywatch rules test|lint`, `check` and `eval`, as documented.
@Suite struct RulesCommandTests {
    @Test func shippedRulesPassTheirExamplesAndLint() throws {
        let test = try CommandLineTests.run(["rules", "test"])
        #expect(test.status == 0, "\(test.output)")
        #expect(test.output.contains(" passed, 0 failed"))
        let lint = try CommandLineTests.run(["rules", "lint"])
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func brokenRuleFileIsReportedWithFileLineAndColumn() throws {
        let folder = try TestPaths.temporaryDirectory()
        let file = folder.appendingPathComponent("broken.yml")
        try "rules:\n  - id: r1\n    description: d\n    category: counterfeit\n    weight: 10\n    when:\n      phrases: {any: [x], feilds: [title]}\n  - id: r2\n    description: d\n    category: counterfeit\n    weight: 10\n    when: {regex: {pattern: \"([\"}}\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let lint = try CommandLineTests.run(["rules", "lint", "--rules", folder.path])
        #expect(lint.status == 1)
        #expect(lint.output.contains("\(file.path):7:27: unknown key 'feilds' in phrases"), "\(lint.output)")
        #expect(lint.output.contains("\(file.path):12:29: invalid regular expression"), "\(lint.output)")
    }

    @Test func failingExampleExitsOne() throws {
        let folder = try TestPaths.temporaryDirectory()
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("catalog"), withDestinationURL: TestPaths.catalog)
        try """
            rules:
              - id: says-sealed
                description: d
                category: counterfeit
                weight: 60
                when: {phrases: {any: [sealed]}}
                examples:
                  match:
                    - {title: "factory sealed unit"}
                    - {title: "brand new unit"}
            """.write(to: folder.appendingPathComponent("r.yml"), atomically: true, encoding: .utf8)
        let run = try CommandLineTests.run(["rules", "test", "--rules", folder.path])
        #expect(run.status == 1)
        #expect(run.output.contains("r.yml:10:11: rule 'says-sealed': example should match but did not (\"brand new unit\")"), "\(run.output)")
        #expect(run.output.contains("1 passed, 1 failed"))
    }

    @Test func checkExplainsAVerdict() throws {
        let page = TestPaths.marketplace.appendingPathComponent("itm/310000000020.html").path
        let run = try CommandLineTests.run(["check", page, "--url", "https://tradewell.example/itm/310000000020", "--format", "json"])
        #expect(run.status == 0, "\(run.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["flagged"] as? Bool == true)
        #expect((object["categories"] as? [String]) == ["warranty-or-license"])
        let findings = object["findings"] as? [[String: Any]] ?? []
        #expect(findings.first?["rule"] as? String == "manufacturer-warranty-claim")
        #expect(findings.first?["enforcement"] as? String != nil)

        let clean = try CommandLineTests.run(["check", TestPaths.marketplace.appendingPathComponent("itm/310000000007.html").path,
                                              "--url", "https://tradewell.example/itm/310000000007"])
        #expect(clean.output.hasPrefix("not flagged"), "\(clean.output)")
    }

    @Test func userCatalogListPriceBecomesTheReference() throws {
        let folder = try TestPaths.temporaryDirectory()
        let catalog = folder.appendingPathComponent("prices.csv")
        try "part_number,list_price_usd\nEX4300-48T,9000\n".write(to: catalog, atomically: true, encoding: .utf8)
        let page = TestPaths.marketplace.appendingPathComponent("itm/310000000002.html").path
        let url = "https://tradewell.example/itm/310000000002"
        let without = try CommandLineTests.run(["check", page, "--url", url])
        #expect(without.output.hasPrefix("not flagged"), "\(without.output)")
        let with = try CommandLineTests.run(["check", page, "--url", url, "--catalog", catalog.path])
        #expect(with.output.hasPrefix("FLAGGED"), "\(with.output)")
        #expect(with.output.contains("catalog list price of EX4300-48T"))
    }

    @Test func evalMeetsTheQualityBarOnTheSamples() throws {
        let saved = TestPaths.pages.appendingPathComponent("labeled/labels.csv").path
        let run = try CommandLineTests.run(["eval", TestPaths.labels.path, saved, "--require", "0.95"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("Flag decision:"))
        #expect(run.output.contains("| new-far-below-reference |"))
        #expect(run.output.contains("Labeled item pages: 205 evaluated"), "\(run.output.prefix(200))")
    }
}
