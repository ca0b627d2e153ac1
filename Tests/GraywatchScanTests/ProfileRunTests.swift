import Foundation
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchRules
import GraywatchSampleSite
import GraywatchSchedule
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Logging
import Testing

/// Scheduled scans end to end: `ProfileRunner` over the sample marketplace on loopback, run after run.
/// (Takedown verification and webhooks are in the extensions of this suite in ProfileRunTests+*.swift.)
@Suite struct ProfileRunTests {
    static let location = ProfileLocation(file: "t.yml", line: 1, column: 1)

    /// A profile sweeping the sample marketplace's Juniper pages served at `base`.
    static func profile(base: String, stillLiveAfter: ProfileDuration? = nil, notify: Int? = nil,
                        webhook: ProfileWebhook? = nil) -> ScanProfile {
        ScanProfile(
            name: "tradewell", file: "t.yml",
            marketplaces: [ProfileMarketplace(name: "tradewell", startURLs: [base + "/sch/juniper-networks/page-1.html"],
                                              location: location)],
            limits: ProfileLimits(maxPages: 400), thresholds: ProfileThresholds(notify: notify),
            verification: ProfileVerification(stillLiveAfter: stillLiveAfter), webhook: webhook)
    }

    /// A runner over the repository's rules, adapters and catalog, with loopback politeness.
    static func runner(_ profile: ScanProfile, store: Store) throws -> ProfileRunner {
        var logger = Logger(label: "test.profile-run")
        logger.logLevel = .critical
        var runner = ProfileRunner(profile: profile, catalog: try Catalog.load(directory: TestPaths.catalog),
                                   adapters: try AdapterSet.load(directory: TestPaths.sites),
                                   rules: try RuleSet.load(directory: TestPaths.rules), store: store, logger: logger)
        runner.adjust = { configuration in
            configuration.politeness = .loopback
            configuration.fetch.totalTimeout = 10
        }
        return runner
    }

    /// A copy of samples/marketplace in a temporary folder, for tests that edit pages between runs.
    static func copyOfSampleSite() throws -> URL {
        let copy = try TestPaths.temporaryDirectory().appendingPathComponent("marketplace-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.marketplace, to: copy)
        return copy
    }

    /// Replaces text in an item page of `site`, and moves its modification time so its ETag changes even when the
    /// size does not (the sample site's ETag is size and whole-second modification time).
    static func edit(_ site: URL, item: String, _ replacements: [(String, String)]) throws {
        let file = site.appendingPathComponent("itm/\(item).html")
        var text = try String(contentsOf: file, encoding: .utf8)
        for (old, new) in replacements {
            #expect(text.contains(old), "\(item) holds \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let modified = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date ?? Date()
        try text.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: modified.addingTimeInterval(-1000)], ofItemAtPath: file.path)
    }

    /// Listing id → changed fields of a run's `changed` entries.
    static func changedFields(_ changes: RunChanges) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: changes.changed.map { ($0.listingID, $0.fields) })
    }

    @Test func newChangedAndGoneAcrossRunsOverPagesThatChange() async throws {
        let site = try Self.copyOfSampleSite()
        let store = try TestStores.make("profile-changes")
        try await LoopbackServer.run(router: SampleSite.router(root: site)) { base async throws in
            let runner = try Self.runner(Self.profile(base: base), store: store)

            let first = try await runner.run()
            #expect(first.scan.finished)
            #expect(!first.joined)
            #expect(first.scan.listingRefs.count >= 160)
            #expect(first.changes.new.count == first.scan.listingRefs.count, "every listing is new")
            #expect(Set(first.changes.new.map(\.listingRef)) == Set(first.scan.listingRefs))
            #expect(first.changes.changed.isEmpty && first.changes.gone.isEmpty)
            #expect(try store.changes(run: first.run) == first.changes)

            try Self.edit(site, item: "310000000001", [("<span>3 available</span>", "<span>7 available</span>")])
            try Self.edit(site, item: "310000000002", [("content=\"3800.00\">US $3,800.00", "content=\"3650.00\">US $3,650.00")])
            try Self.edit(site, item: "310000000004", [("48x 1GbE + 4x QSFP+ NEW", "48x 1GbE + 4x QSFP+ NEW Boxed")])
            try FileManager.default.removeItem(at: site.appendingPathComponent("itm/310000000005.html"))

            let second = try await runner.run()
            #expect(second.scan.finished)
            #expect(second.run != first.run)
            // Unchanged pages answered 304: they count as seen, not as changed.
            #expect(second.scan.stats.notModified >= first.scan.listingRefs.count - 4)
            #expect(second.changes.new.isEmpty)
            #expect(Self.changedFields(second.changes) == [
                "310000000001": ["quantity"], "310000000002": ["price"], "310000000004": ["title"],
            ])
            #expect(second.changes.gone.map(\.listingID) == ["310000000005"])
            #expect(second.changes.changes.count == 4, "nothing else changed")
            let price = try #require(second.changes.changed.first { $0.listingID == "310000000002" })
            #expect(price.before?.price != price.after?.price)
            #expect(price.after?.price.flatMap(Double.init) == 3650)
            let quantity = try #require(second.changes.changed.first { $0.listingID == "310000000001" })
            #expect(quantity.before?.quantity == 3 && quantity.after?.quantity == 7)
            let title = try #require(second.changes.changed.first { $0.listingID == "310000000004" })
            #expect(title.after?.title?.hasSuffix("NEW Boxed") == true)
            let gone = try #require(second.changes.gone.first)
            #expect(gone.after == nil && gone.before != nil)
            #expect(try store.changes(run: second.run) == second.changes)

            let third = try await runner.run()
            #expect(third.scan.finished)
            #expect(third.changes.changes.isEmpty, "an unchanged run reports nothing (the gone listing stays gone)")
            #expect(try store.changes(run: third.run).changes.isEmpty)
        }
    }
}
