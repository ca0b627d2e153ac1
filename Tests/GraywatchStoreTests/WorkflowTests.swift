import Foundation
import GraywatchCore
@testable import GraywatchStore
import GraywatchTestSupport
import Testing

/// The review workflow on a real SQLite file: every transition, the audit log, re-opening, bulk actions, evidence.
@Suite struct WorkflowTests {
    static func store() throws -> Store {
        try TestStores.make("workflow")
    }

    static func finding(_ rule: String) -> Finding {
        Finding(ruleID: rule, category: .counterfeit, weight: 60, evidence: [Evidence(field: "title", text: "x")])
    }

    /// A queued item for a fresh listing; returns its review item id.
    static func item(_ store: Store, id: String, title: String = "Juniper EX4300-48T", price: String = "1000",
                     rules: [String] = ["r1"]) throws -> Int64 {
        let listing = Listing(marketplace: "m", listingID: id, url: "http://t/itm/\(id)", title: title,
                              price: Price(amount: Decimal(string: price)!, currency: "USD"), condition: .new)
        let ref = try store.upsert(listing)
        guard case .opened(let item) = try store.save(Assessment(findings: rules.map(finding)), listingRef: ref, threshold: 50)
        else { throw WorkflowError(message: "not opened") }
        return item
    }

    /// Walks from new to `target` by legal steps.
    static func drive(_ store: Store, _ id: Int64, to target: ReviewStatus) throws {
        var paths: [ReviewStatus: [ReviewStatus]] = [.new: []]
        var queue: [ReviewStatus] = [.new]
        while let status = queue.first {
            queue.removeFirst()
            for next in status.next.sorted(by: { $0.rawValue < $1.rawValue }) where paths[next] == nil {
                paths[next] = (paths[status] ?? []) + [next]
                queue.append(next)
            }
        }
        for step in paths[target] ?? [] {
            _ = try store.setStatus(id, to: step, actor: "test", reason: "because", category: .counterfeit)
        }
    }

    @Test(arguments: ReviewStatus.allCases)
    func everyTransitionFromAStatusIsAllowedOrRefusedAsTheWorkflowSays(_ from: ReviewStatus) throws {
        let store = try Self.store()
        for target in ReviewStatus.allCases where target != from {
            let id = try Self.item(store, id: "\(from.rawValue)-\(target.rawValue)")
            try Self.drive(store, id, to: from)
            if from.next.contains(target) {
                #expect(try store.setStatus(id, to: target, actor: "a", reason: "r", category: .counterfeit) == target)
            } else {
                #expect(throws: WorkflowError.self, "\(from.rawValue) → \(target.rawValue) must be refused") {
                    try store.setStatus(id, to: target, actor: "a", reason: "r", category: .counterfeit)
                }
            }
        }
    }

    @Test func dismissNeedsAReasonAndConfirmNeedsACategory() throws {
        let store = try Self.store()
        let id = try Self.item(store, id: "1")
        #expect(throws: WorkflowError(message: "dismissing review item \(id) needs a reason (--reason)")) {
            try store.setStatus(id, to: .dismissed, actor: "a", reason: "  ")
        }
        #expect(throws: WorkflowError(message: "confirming review item \(id) needs a category (--category)")) {
            try store.setStatus(id, to: .confirmed, actor: "a")
        }
        #expect(try store.queue().first?.status == "new", "a refused change changes nothing")
        #expect(try store.history(id).isEmpty)
    }

    @Test func auditLogRecordsWhoWhatWhenFromToAndWhy() throws {
        let store = try Self.store()
        let id = try Self.item(store, id: "1")
        _ = try store.setStatus(id, to: .inReview, actor: "alice")
        try store.assign(id, to: "bob", actor: "alice")
        try store.addNote(id, text: "Seller also lists on other sites", author: "bob")
        _ = try store.setStatus(id, to: .dismissed, actor: "bob", reason: "honest refurbished unit")
        let log = try store.history(id)
        #expect(log.map(\.action) == ["status", "assign", "note", "status"])
        #expect(log[0].actor == "alice" && log[0].from == "new" && log[0].to == "in-review")
        #expect(log[1].to == "bob")
        #expect(log[3].from == "in-review" && log[3].to == "dismissed" && log[3].reason == "honest refurbished unit")
        #expect(log.allSatisfy { !$0.at.isEmpty })
        #expect(try store.notes(id).map(\.text) == ["Seller also lists on other sites"])
        #expect(try store.queue(QueueFilter(assignee: "bob")).map(\.id) == [id])
        // Append-only: the database itself refuses edits.
        #expect(throws: (any Error).self) {
            try store.write("test") { try $0.execute(sql: "UPDATE audit_log SET actor = 'mallory'") }
        }
    }

    @Test func dismissedItemReopensOnlyOnMaterialChange() throws {
        let store = try Self.store()
        let id = try Self.item(store, id: "1", price: "1000", rules: ["r1"])
        let ref = try #require(try store.listingRef(marketplace: "m", listingID: "1"))
        _ = try store.setStatus(id, to: .dismissed, actor: "a", reason: "fine")
        // Same rules, same price: stays dismissed and appears once.
        try store.save(Assessment(findings: [Self.finding("r1")]), listingRef: ref, threshold: 50)
        #expect(try store.queue().map(\.status) == ["dismissed"])
        // Price moves 10%: not material.
        var listing = try #require(try store.listing(id: ref))
        listing.price = Price(amount: 1100, currency: "USD")
        try store.upsert(listing)
        try store.save(Assessment(findings: [Self.finding("r1")]), listingRef: ref, threshold: 50)
        #expect(try store.queue().map(\.status) == ["dismissed"])
        // A new rule fires: re-opened, audited.
        try store.save(Assessment(findings: [Self.finding("r1"), Self.finding("r2")]), listingRef: ref, threshold: 50)
        #expect(try store.queue().map(\.status) == ["new"])
        #expect(try store.history(id).last?.reason == "new rules hit: r2")
        #expect(try store.queue().count == 1, "an item never appears twice")
    }

    @Test func priceMoveBeyondTheShareReopens() throws {
        let store = try Self.store()
        let id = try Self.item(store, id: "1", price: "1000")
        let ref = try #require(try store.listingRef(marketplace: "m", listingID: "1"))
        _ = try store.setStatus(id, to: .dismissed, actor: "a", reason: "fine")
        var listing = try #require(try store.listing(id: ref))
        listing.price = Price(amount: 500, currency: "USD")
        try store.upsert(listing)
        try store.save(Assessment(findings: [Self.finding("r1")]), listingRef: ref, threshold: 50)
        #expect(try store.queue().map(\.status) == ["new"])
        #expect(try store.history(id).last?.reason?.hasPrefix("price moved 50%") == true)
    }

    @Test func bulkActionsAreAllOrNothing() throws {
        let store = try Self.store()
        let first = try Self.item(store, id: "1"), second = try Self.item(store, id: "2"), third = try Self.item(store, id: "3")
        #expect(try store.bulkAssign(QueueFilter(status: .new), to: "carol", actor: "lead") == 3)
        #expect(try store.bulkNote(QueueFilter(ids: [first, second]), text: "same seller", author: "lead") == 2)
        _ = try store.setStatus(third, to: .dismissed, actor: "a", reason: "x")
        // One of the three (dismissed) cannot be confirmed: nothing changes.
        #expect(throws: WorkflowError.self) {
            try store.bulkSetStatus(QueueFilter(assignee: "carol"), to: .confirmed, actor: "lead", reason: nil, category: .counterfeit)
        }
        #expect(try store.queue(QueueFilter(status: .new)).count == 2)
        #expect(try store.bulkSetStatus(QueueFilter(status: .new), to: .confirmed, actor: "lead", reason: nil, category: .counterfeit) == 2)
        #expect(try store.queue(QueueFilter(status: .confirmed)).count == 2)
        #expect(try store.history(first).map(\.action) == ["assign", "note", "status"])
    }

    @Test func observationsAreImmutableEvidenceAndVerifyCatchesTampering() throws {
        let store = try Self.store()
        let listing = Listing(marketplace: "m", listingID: "9", url: "http://t/itm/9", title: "Juniper SRX300")
        let run = try store.beginRun(configurationJSON: "{}", start: [FrontierEntry(url: "http://t/itm/9", depth: 0)])
        let body = Data("<html>evidence</html>".utf8)
        try store.record(PageRecord(url: "http://t/itm/9", state: .done, outcome: "200 item", listing: listing,
                                    observation: ObservationInput(observedAt: Date(), finalURL: "http://t/itm/9", status: 200,
                                                                  headers: [("Content-Type", "text/html")], body: body)), run: run)
        let ref = try #require(try store.listingRef(marketplace: "m", listingID: "9"))
        let observation = try #require(try store.observations(listingRef: ref).first)
        #expect(observation.bodySHA256 == EvidenceCodec.sha256(body))
        #expect(try store.observationBody(observation.id) == body)
        #expect(try store.verifyEvidence().mismatches.isEmpty)
        #expect(throws: (any Error).self) {
            try store.write("test") { try $0.execute(sql: "UPDATE observation SET status = 404") }
        }
        // Someone bypasses the guard and changes a stored body: verify reports it.
        try store.write("test") { db in
            try db.execute(sql: TestStores.dropEvidenceGuard(store))
            try db.execute(sql: "UPDATE observation SET body_gzip = ?", arguments: [try EvidenceCodec.compress(Data("forged".utf8))])
        }
        #expect(try store.verifyEvidence().mismatches == [observation.id])
    }
}

@Suite struct ObservationHistoryTests {
    @Test func reobservingKeepsEveryFetchAndFindingsPerObservation() throws {
        let store = try WorkflowTests.store()
        let run = try store.beginRun(configurationJSON: "{}", start: [])
        var listing = Listing(marketplace: "ebay", listingID: "7", url: "http://t/itm/7", title: "Juniper SRX345",
                              price: Price(amount: 900, currency: "USD"), condition: .new, quantityAvailable: 3,
                              seller: Seller(name: "depot", feedbackScore: 12))
        func observe(_ body: String) throws -> Int64 {
            try #require(try store.record(PageRecord(
                url: "http://t/itm/7", state: .done, outcome: "200 item", listing: listing,
                observation: ObservationInput(observedAt: Date(), finalURL: "http://t/itm/7", status: 200, headers: [],
                                              body: Data(body.utf8))), run: run))
        }
        let ref = try observe("<p>first</p>")
        try store.save(Assessment(findings: [WorkflowTests.finding("r1")]), listingRef: ref, threshold: 50)
        listing.price = Price(amount: 450, currency: "USD")
        listing.quantityAvailable = 10
        _ = try observe("<p>second</p>")
        try store.save(Assessment(findings: [WorkflowTests.finding("r1"), WorkflowTests.finding("r2")]), listingRef: ref, threshold: 50)
        let observations = try store.observations(listingRef: ref)
        #expect(observations.map(\.price) == ["USD 900", "USD 450"])
        #expect(observations.map(\.quantity) == [3, 10])
        #expect(Set(observations.map(\.bodySHA256)).count == 2)
        #expect(try store.findings(listingRef: ref).map(\.ruleID).sorted() == ["r1", "r2"], "the latest observation's findings")
        let all = try store.read("test") { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM finding WHERE listing_ref = ?", arguments: [ref]) }
        #expect(all == 3, "the first observation keeps its finding")
        #expect(try store.queue().count == 1)
        let sellers = try store.read("test") { try String.fetchAll($0, sql: "SELECT name FROM seller") }
        #expect(sellers == ["depot"])
    }
}
