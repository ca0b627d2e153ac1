import Foundation
import GraywatchCore
@testable import GraywatchStore
import GraywatchTestSupport
import Testing

/// What takedown verification reads from the store: the items under enforcement, how a rescan's fetch of their
/// URL ended, and removed items coming back under the same or a new listing id.
@Suite struct TakedownStoreTests {
    static func identifiers(_ values: [(Identifier.Kind, String)]) -> [Identifier] {
        values.map { Identifier(kind: $0.0, raw: $0.1.lowercased(), normalized: $0.1, span: TextSpan(field: .title, start: 0, length: 1)) }
    }

    static let goods: [(Identifier.Kind, String)] = [(.sku, "EX4300-48T"), (.serial, "PE3714AF0123")]

    static func listing(_ id: String, marketplace: String = "ebay", seller: String? = "depot",
                        identifiers: [(Identifier.Kind, String)] = goods) -> Listing {
        Listing(marketplace: marketplace, listingID: id, url: "http://\(marketplace)/itm/\(id)", title: "Juniper EX4300-48T",
                price: Price(amount: 900, currency: "USD"), condition: .new, seller: Seller(name: seller),
                identifiers: Self.identifiers(identifiers))
    }

    /// A review item for `listing`, moved by the workflow to each of `path` in turn; returns (item, listing ref).
    static func item(_ store: Store, _ listing: Listing, _ path: [ReviewStatus]) throws -> (id: Int64, ref: Int64) {
        let ref = try store.upsert(listing)
        let finding = Finding(ruleID: "r1", category: .counterfeit, weight: 60, evidence: [Evidence(field: "title", text: "x")])
        guard case .opened(let id) = try store.save(Assessment(findings: [finding]), listingRef: ref, threshold: 50)
        else { throw WorkflowError(message: "not opened") }
        for status in path {
            _ = try store.setStatus(id, to: status, actor: "analyst", reason: "takedown", category: .counterfeit)
        }
        return (id, ref)
    }

    static let requested: [ReviewStatus] = [.confirmed, .enforcementRequested]
    static let removed: [ReviewStatus] = requested + [.removed]

    @Test func enforcementItemsAreTheRequestedAndStillLiveOnes() throws {
        let store = try TestStores.make("takedown")
        _ = try Self.item(store, Self.listing("new"), [])
        _ = try Self.item(store, Self.listing("confirmed"), [.confirmed])
        let before = Date().addingTimeInterval(-1)
        let requested = try Self.item(store, Self.listing("requested"), Self.requested)
        let live = try Self.item(store, Self.listing("live"), Self.requested + [.stillLive])
        let after = Date().addingTimeInterval(1)
        _ = try Self.item(store, Self.listing("removed"), Self.removed)
        _ = try Self.item(store, Self.listing("dismissed"), [.dismissed])
        let items = try store.enforcementItems()
        #expect(items.map(\.id) == [requested.id, live.id])
        #expect(items.map(\.status) == [.enforcementRequested, .stillLive])
        #expect(items.map(\.listingRef) == [requested.ref, live.ref])
        #expect(items.map(\.url) == ["http://ebay/itm/requested", "http://ebay/itm/live"])
        #expect(items.allSatisfy { $0.marketplace == "ebay" })
        for item in items {
            let at = try #require(item.requestedAt, "requestedAt comes from the audit log")
            #expect(at >= before && at <= after)
        }
    }

    @Test func requestedAtIsTheLastRequestAndMarketplacesFilter() throws {
        let store = try TestStores.make("takedown")
        let again = try Self.item(store, Self.listing("1"), Self.requested + [.stillLive])
        let first = try #require(try store.enforcementItems().first?.requestedAt)
        Thread.sleep(forTimeInterval: 0.02)
        _ = try store.setStatus(again.id, to: .enforcementRequested, actor: "analyst", reason: "second notice")
        let second = try #require(try store.enforcementItems().first?.requestedAt)
        #expect(second > first, "a repeated request counts from the last one")
        let amazon = try Self.item(store, Self.listing("2", marketplace: "amazon"), Self.requested)
        let ali = try Self.item(store, Self.listing("3", marketplace: "alibaba"), Self.requested)
        #expect(try store.enforcementItems().map(\.id) == [again.id, amazon.id, ali.id])
        #expect(try store.enforcementItems(marketplaces: ["amazon"]).map(\.id) == [amazon.id])
        #expect(try store.enforcementItems(marketplaces: ["ebay", "alibaba"]).map(\.id) == [again.id, ali.id])
        #expect(try store.enforcementItems(marketplaces: ["etsy"]).isEmpty)
        #expect(try store.enforcementItems(marketplaces: []).isEmpty, "an empty filter selects nothing")
    }

    @Test func frontierOutcomeKeepsTheHTTPStatusAndListing() throws {
        let store = try TestStores.make("takedown")
        let urls = ["http://ebay/itm/1", "http://ebay/itm/2", "http://ebay/itm/3"]
        let run = try store.beginRun(configurationJSON: "{}", start: urls.map { FrontierEntry(url: $0, depth: 0) })
        let ref = try #require(try store.record(PageRecord(url: urls[0], state: .done, outcome: "200 item",
                                                           listing: Self.listing("1"), status: 200), run: run))
        try store.record(PageRecord(url: urls[1], state: .failed, outcome: "HTTP status 404", status: 404), run: run)
        #expect(try store.frontierOutcome(run: run, url: urls[0])
                == FrontierOutcome(state: .done, httpStatus: 200, listingRef: ref, outcome: "200 item"))
        #expect(try store.frontierOutcome(run: run, url: urls[1])
                == FrontierOutcome(state: .failed, httpStatus: 404, listingRef: nil, outcome: "HTTP status 404"))
        #expect(try store.frontierOutcome(run: run, url: urls[2])
                == FrontierOutcome(state: .pending, httpStatus: nil, listingRef: nil, outcome: nil))
        #expect(try store.frontierOutcome(run: run, url: "http://ebay/itm/never") == nil)
        let other = try store.beginRun(configurationJSON: "{}", start: [])
        #expect(try store.frontierOutcome(run: other, url: urls[0]) == nil, "outcomes are per run")
    }

    @Test func removedListingBackUnderItsOwnIDIsARelisting() throws {
        let store = try TestStores.make("takedown")
        let removed = try Self.item(store, Self.listing("1"), Self.removed)
        _ = try Self.item(store, Self.listing("2"), Self.requested)
        #expect(try store.removedItemsRelisted(by: removed.ref).isEmpty, "not seen since the removal")
        try store.upsert(Self.listing("1"), seenAt: Date().addingTimeInterval(60))
        #expect(try store.removedItemsRelisted(by: removed.ref) == [removed.id], "seen again after the removal")
    }

    @Test func sameSellerOfferingTheSameGoodsUnderANewIDIsARelisting() throws {
        let store = try TestStores.make("takedown")
        let removed = try Self.item(store, Self.listing("1"), Self.removed)
        let relist = try store.upsert(Self.listing("99", identifiers: Self.goods.reversed()), seenAt: Date().addingTimeInterval(60))
        #expect(try store.removedItemsRelisted(by: relist) == [removed.id], "identifier order does not matter")
        let secondRemoved = try Self.item(store, Self.listing("2"), Self.removed)
        let sibling = try #require(try store.listingRef(marketplace: "ebay", listingID: "1"))
        #expect(try store.removedItemsRelisted(by: sibling).isEmpty, "the removed listing itself, not seen since, is no relisting")
        let later = try store.upsert(Self.listing("100", identifiers: Self.goods), seenAt: Date().addingTimeInterval(120))
        #expect(try store.removedItemsRelisted(by: later) == [removed.id, secondRemoved.id])
    }

    @Test func otherSellerOtherGoodsOrOtherMarketplaceIsNoRelisting() throws {
        let store = try TestStores.make("takedown")
        _ = try Self.item(store, Self.listing("1"), Self.removed)
        let otherSeller = try store.upsert(Self.listing("2", seller: "elsewhere"))
        let otherSerial = try store.upsert(Self.listing("3", identifiers: [(.sku, "EX4300-48T"), (.serial, "PE3714AF9999")]))
        let fewerIdentifiers = try store.upsert(Self.listing("4", identifiers: [(.sku, "EX4300-48T")]))
        let otherMarketplace = try store.upsert(Self.listing("5", marketplace: "amazon"))
        let noSeller = try store.upsert(Self.listing("6", seller: nil))
        for ref in [otherSeller, otherSerial, fewerIdentifiers, otherMarketplace, noSeller] {
            #expect(try store.removedItemsRelisted(by: ref).isEmpty, "listing ref \(ref)")
        }
    }

    @Test func onlyRemovedItemsAndOnlyKnownIdentifiersCount() throws {
        let store = try TestStores.make("takedown")
        let live = try Self.item(store, Self.listing("1"), Self.requested + [.stillLive])
        #expect(try store.removedItemsRelisted(by: live.ref).isEmpty, "not removed yet")
        #expect(try store.removedItemsRelisted(by: try store.upsert(Self.listing("2"))).isEmpty)
        let bare = try Self.item(store, Self.listing("3", identifiers: []), Self.removed)
        let bareAgain = try store.upsert(Self.listing("4", identifiers: []))
        #expect(try store.removedItemsRelisted(by: bareAgain).isEmpty, "no identifiers, no identity to match")
        try store.upsert(Self.listing("3", identifiers: []), seenAt: Date().addingTimeInterval(60))
        #expect(try store.removedItemsRelisted(by: bare.ref) == [bare.id])
        let reinstated = try Self.item(store, Self.listing("5"), Self.removed + [.reinstated])
        #expect(try store.removedItemsRelisted(by: reinstated.ref).isEmpty, "a reinstated item is no longer removed")
        #expect(try store.removedItemsRelisted(by: 12345).isEmpty)
    }
}
