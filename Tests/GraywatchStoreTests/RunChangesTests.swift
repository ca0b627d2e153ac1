import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

/// What a profile's run found new, changed and gone since that profile's previous runs.
@Suite struct RunChangesTests {
    static func listing(_ id: String, title: String? = nil, price: String = "1000", currency: String = "USD",
                        condition: Condition = .new, quantity: Int? = 1) -> Listing {
        Listing(marketplace: "ebay", listingID: id, url: "http://t/itm/\(id)", title: title ?? "Juniper EX4300-48T \(id)",
                price: Price(amount: Decimal(string: price)!, currency: currency), condition: condition,
                quantityAvailable: quantity)
    }

    /// One run of `profile` that fetched exactly `listings`, finished; its changes as recorded.
    static func scan(_ store: Store, _ profile: String, _ listings: [Listing], complete: Bool = true) throws -> RunChanges {
        let start = listings.map { FrontierEntry(url: $0.url, depth: 1) } + [FrontierEntry(url: "http://t/search", depth: 0)]
        let (run, created) = try store.beginOrJoinRun(profile: profile, configurationJSON: "{}", start: start)
        #expect(created)
        try store.record(PageRecord(url: "http://t/search", state: .done, outcome: "200 search"), run: run)
        for listing in listings {
            try store.record(PageRecord(url: listing.url, state: .done, outcome: "200 item", listing: listing), run: run)
        }
        let finished = try store.finishProfileRun(run, profile: profile, statsJSON: "{}", complete: complete)
        let stored = try store.changes(run: run)
        #expect(stored == finished, "changes(run:) reads back what finishProfileRun recorded")
        #expect(try store.unfinishedRun(profile: profile) == nil)
        return stored
    }

    static func summary(_ changes: RunChanges) -> [String] {
        changes.changes.map { "\($0.kind.rawValue) \($0.listingID)" + ($0.fields.isEmpty ? "" : " " + $0.fields.joined(separator: ",")) }
    }

    @Test func firstRunReportsEveryListingAsNew() throws {
        let store = try TestStores.make("changes")
        let changes = try Self.scan(store, "nightly", [Self.listing("1"), Self.listing("2"), Self.listing("3")])
        #expect(Self.summary(changes) == ["new 1", "new 2", "new 3"])
        #expect(changes.new.count == 3 && changes.changed.isEmpty && changes.gone.isEmpty)
        let first = try #require(changes.new.first)
        #expect(first.before == nil)
        #expect(first.after == ListingSnapshot(title: "Juniper EX4300-48T 1", price: "1000", currency: "USD",
                                               condition: "new", quantity: 1))
        #expect(first.marketplace == "ebay" && first.url == "http://t/itm/1")
        #expect(try first.listingRef == store.listingRef(marketplace: "ebay", listingID: "1"))
    }

    @Test func secondRunReportsExactlyTheFieldsThatChanged() throws {
        let store = try TestStores.make("changes")
        let ids = ["1", "2", "3", "4", "5", "6"]
        _ = try Self.scan(store, "nightly", ids.map { Self.listing($0) })
        let second = try Self.scan(store, "nightly", [
            Self.listing("1", price: "900"),
            Self.listing("2", title: "Juniper EX4300-48T sealed"),
            Self.listing("3", condition: .used),
            Self.listing("4", quantity: 7),
            Self.listing("5", title: "Juniper EX4300 refurb", price: "1000", currency: "EUR", quantity: nil),
            Self.listing("6"),
        ])
        #expect(Self.summary(second) == ["changed 1 price", "changed 2 title", "changed 3 condition",
                                         "changed 4 quantity", "changed 5 title,price,quantity"])
        let price = try #require(second.changed.first)
        #expect(price.before?.price == "1000" && price.after?.price == "900")
        #expect(second.changed[2].before?.condition == "new" && second.changed[2].after?.condition == "used")
        #expect(second.changed[3].before?.quantity == 1 && second.changed[3].after?.quantity == 7)
        #expect(second.changed[4].after?.currency == "EUR" && second.changed[4].after?.quantity == nil)
        let third = try Self.scan(store, "nightly", [Self.listing("1", price: "900")] + ids.dropFirst().map { Self.listing($0) })
        #expect(Self.summary(third) == ["changed 2 title", "changed 3 condition", "changed 4 quantity",
                                        "changed 5 title,price,quantity"], "compared with the previous run, not the first")
    }

    @Test func missingListingIsGoneOnceAndReturnsAsChanged() throws {
        let store = try TestStores.make("changes")
        _ = try Self.scan(store, "nightly", [Self.listing("1"), Self.listing("2")])
        let second = try Self.scan(store, "nightly", [Self.listing("1")])
        #expect(Self.summary(second) == ["gone 2"])
        let gone = try #require(second.gone.first)
        #expect(gone.after == nil && gone.before?.price == "1000" && gone.url == "http://t/itm/2")
        #expect(Self.summary(try Self.scan(store, "nightly", [Self.listing("1")])).isEmpty, "gone is reported once")
        let back = try Self.scan(store, "nightly", [Self.listing("1"), Self.listing("2", price: "800")])
        #expect(Self.summary(back) == ["changed 2 returned,price"])
        #expect(Self.summary(try Self.scan(store, "nightly", [Self.listing("1"), Self.listing("2", price: "800")])).isEmpty)
        let unchangedReturn = try Self.scan(store, "nightly", [Self.listing("2", price: "800")])
        #expect(Self.summary(unchangedReturn) == ["gone 1"])
        #expect(Self.summary(try Self.scan(store, "nightly", [Self.listing("1"), Self.listing("2", price: "800")]))
                == ["changed 1 returned"], "a return alone is a change")
    }

    @Test func incompleteRunReportsNothingGone() throws {
        let store = try TestStores.make("changes")
        _ = try Self.scan(store, "nightly", [Self.listing("1"), Self.listing("2"), Self.listing("3")])
        let capped = try Self.scan(store, "nightly", [Self.listing("1", price: "1"), Self.listing("4")], complete: false)
        #expect(Self.summary(capped) == ["changed 1 price", "new 4"])
        #expect(capped.gone.isEmpty)
        let complete = try Self.scan(store, "nightly", [Self.listing("1", price: "1"), Self.listing("4")])
        #expect(Self.summary(complete) == ["gone 2", "gone 3"], "the next complete run does report them")
    }

    @Test func profilesAreIndependentOfEachOther() throws {
        let store = try TestStores.make("changes")
        #expect(Self.summary(try Self.scan(store, "ex", [Self.listing("1"), Self.listing("2")])) == ["new 1", "new 2"])
        #expect(Self.summary(try Self.scan(store, "srx", [Self.listing("2"), Self.listing("3")])) == ["new 2", "new 3"],
                "another profile's sightings do not count")
        #expect(Self.summary(try Self.scan(store, "srx", [Self.listing("3", price: "5")])) == ["changed 3 price", "gone 2"])
        #expect(Self.summary(try Self.scan(store, "ex", [Self.listing("1"), Self.listing("2")])).isEmpty,
                "srx saw 2 gone, ex still sees it; srx's price change of 3 is none of ex's business")
        #expect(Self.summary(try Self.scan(store, "ex", [Self.listing("1"), Self.listing("2"), Self.listing("3", price: "5")]))
                == ["new 3"])
    }

    @Test func changesOfAnUnknownOrUnscoredRunAreEmpty() throws {
        let store = try TestStores.make("changes")
        #expect(try store.changes(run: 999).changes.isEmpty)
        let (run, _) = try store.beginOrJoinRun(profile: "nightly", configurationJSON: "{}", start: [])
        #expect(try store.changes(run: run) == RunChanges(run: run, changes: []))
    }
}
