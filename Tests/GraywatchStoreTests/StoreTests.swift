import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

@Suite struct StoreTests {
    func makeStore() throws -> Store {
        try TestStores.make("test")
    }

    func listing(_ id: String, sku: String = "EX4300-48T", price: String = "3950", condition: Condition = .new) -> Listing {
        Listing(
            marketplace: "tradewell", listingID: id, url: "http://t/itm/\(id)", title: "Juniper \(sku) <b>\"x\"</b>",
            price: Price(amount: Decimal(string: price)!, currency: "USD"), conditionRaw: "New", condition: condition,
            identifiers: [Identifier(kind: .sku, raw: sku, normalized: sku, span: TextSpan(field: .title, start: 8, length: sku.count))])
    }

    let finding = Finding(ruleID: "r1", category: .counterfeit, weight: 60,
                          evidence: [Evidence(field: "title", text: "sealed", context: "factory sealed")])

    @Test func sameListingTwiceIsOneRow() throws {
        let store = try makeStore()
        let first = try store.upsert(listing("1"))
        var changed = listing("1", price: "3000")
        changed.title = "changed"
        let second = try store.upsert(changed)
        #expect(first == second)
        #expect(try store.listingCount() == 1)
        #expect(try store.listing(id: first)?.title == "changed")
        #expect(try store.listing(id: first)?.price?.amount == 3000)
    }

    @Test func flaggedListingOpensOneReviewItem() throws {
        let store = try makeStore()
        let ref = try store.upsert(listing("1"))
        let assessment = Assessment(findings: [finding])
        guard case .opened(let id) = try store.save(assessment, listingRef: ref, threshold: 50) else {
            Issue.record("no review item opened")
            return
        }
        #expect(try store.save(assessment, listingRef: ref, threshold: 50) == .updated(id))
        let queue = try store.queue()
        #expect(queue.count == 1)
        #expect(queue.first?.status == "new")
        #expect(queue.first?.categories == ["counterfeit"])
        let detail = try #require(try store.queueItem(id: id))
        #expect(detail.findings.map(\.ruleID) == ["r1"])
        #expect(detail.findings.first?.evidence.first?.context == "factory sealed")
        #expect(detail.listing.title == "Juniper EX4300-48T <b>\"x\"</b>")
    }

    @Test func belowThresholdDoesNotQueue() throws {
        let store = try makeStore()
        let ref = try store.upsert(listing("1"))
        #expect(try store.save(Assessment(findings: [finding]), listingRef: ref, threshold: 100) == .notQueued)
        #expect(try store.save(Assessment(findings: []), listingRef: ref, threshold: 0) == .notQueued)
        #expect(try store.queue().isEmpty)
    }

    @Test func marketMedianNeedsEnoughOtherListings() throws {
        let store = try makeStore()
        let cheap = try store.upsert(listing("1", price: "450"))
        _ = try store.upsert(listing("2", price: "3800"))
        _ = try store.upsert(listing("3", price: "4100"))
        #expect(try store.marketReference(for: listing("1", price: "450"), excluding: cheap, minimumSamples: 3) == nil)
        _ = try store.upsert(listing("4", price: "3950"))
        _ = try store.upsert(listing("5", price: "100", condition: .used))
        let reference = try #require(try store.marketReference(for: listing("1", price: "450"), excluding: cheap))
        #expect(reference.price == Price(amount: 3950, currency: "USD"))
        #expect(reference.sampleCount == 3)
        #expect(reference.source == .marketMedian)
    }

    @Test func reopeningTheFileKeepsEverything() throws {
        let location = try TestStores.location("reopen")
        do {
            let store = try Store(location: location)
            _ = try store.upsert(listing("1"))
        }
        #expect(try Store(location: location).listingCount() == 1)
    }
}
