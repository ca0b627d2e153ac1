import Foundation
import GraywatchCore
@testable import GraywatchStore
import GraywatchTestSupport
import Testing

/// The review UI's store APIs on a real SQLite file: keyset queue pages, filters (full-text search included), the
/// trigger-kept queue columns and counts, users, sessions, API tokens and the global audit log.
@Suite struct QueuePageTests {
    // MARK: Helpers

    static func store() throws -> Store {
        try TestStores.make("queue-page")
    }

    /// A fixed instant, so opened-at order and session expiry do not depend on the clock.
    static let base = Date(timeIntervalSince1970: 1_800_000_000)

    static func listing(_ id: String, title: String? = nil, sku: String? = "EX4300-48T", price: String? = "1000",
                        seller: String? = nil, marketplace: String = "tradewell") -> Listing {
        var identifiers: [Identifier] = []
        if let sku {
            identifiers.append(Identifier(kind: .sku, raw: sku, normalized: sku,
                                          span: TextSpan(field: .title, start: 8, length: sku.count)))
        }
        return Listing(
            marketplace: marketplace, listingID: id, url: "http://t/itm/\(id)",
            title: title ?? "Juniper \(sku ?? "gear") unit \(id)",
            price: price.map { Price(amount: Decimal(string: $0)!, currency: "USD") }, conditionRaw: "New",
            condition: .new, seller: Seller(name: seller), identifiers: identifiers)
    }

    static func finding(_ rule: String, _ category: Category = .counterfeit, weight: Int = 60) -> Finding {
        Finding(ruleID: rule, category: category, weight: weight,
                evidence: [Evidence(field: "title", text: "sealed", context: "factory sealed")])
    }

    /// Stores a listing and an assessment that queues it; returns the review item id.
    @discardableResult
    static func item(_ store: Store, _ listing: Listing, _ findings: [Finding], at date: Date = base) throws -> Int64 {
        let ref = try store.upsert(listing)
        guard case .opened(let id) = try store.save(Assessment(findings: findings), listingRef: ref, threshold: 1, at: date)
        else { throw WorkflowError(message: "listing \(listing.listingID) was not queued") }
        return id
    }

    /// Every page from the first, following `next`.
    static func walkForward(_ store: Store, _ filter: QueueFilter = QueueFilter(), sort: QueueSort,
                            limit: Int) throws -> [QueuePage] {
        var pages: [QueuePage] = []
        var after: QueueCursor?
        while true {
            let page = try store.queuePage(filter, sort: sort, after: after, limit: limit)
            pages.append(page)
            guard let next = page.next else { break }
            let cursor: QueueCursor = try #require(QueueCursor(next), "next cursor '\(next)' must parse")
            after = cursor
            if pages.count > 10_000 { Issue.record("forward walk does not end"); break }
        }
        return pages
    }

    /// Every page before `start`, following `previous`, in the order visited (last to first).
    static func walkBackward(_ store: Store, _ filter: QueueFilter = QueueFilter(), sort: QueueSort, limit: Int,
                             from start: String?) throws -> [QueuePage] {
        var pages: [QueuePage] = []
        var cursor = start
        while let text = cursor {
            let before = try #require(QueueCursor(text), "previous cursor '\(text)' must parse")
            let page = try store.queuePage(filter, sort: sort, before: before, limit: limit)
            pages.append(page)
            cursor = page.previous
            if pages.count > 10_000 { Issue.record("backward walk does not end"); break }
        }
        return pages
    }

    /// What one fixture item sorts by.
    struct Keys {
        var id: Int64
        var score: Int
        var openedAt: Date
        var price: Double?
        var marketplace = ""
    }

    /// The order each sort promises, computed in Swift.
    static func expectedOrder(_ items: [Keys], _ sort: QueueSort) -> [Int64] {
        let sorted: [Keys]
        switch sort {
        case .score:
            sorted = items.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }
        case .newest:
            sorted = items.sorted { $0.openedAt != $1.openedAt ? $0.openedAt > $1.openedAt : $0.id > $1.id }
        case .oldest:
            sorted = items.sorted { $0.openedAt != $1.openedAt ? $0.openedAt < $1.openedAt : $0.id < $1.id }
        case .priceLow:
            // Unpriced listings last.
            sorted = items.sorted {
                let a = $0.price ?? .infinity, b = $1.price ?? .infinity
                return a != b ? a < b : $0.id < $1.id
            }
        case .priceHigh:
            // Unpriced listings last here too.
            sorted = items.sorted {
                let a = $0.price ?? -.infinity, b = $1.price ?? -.infinity
                return a != b ? a > b : $0.id > $1.id
            }
        case .marketplace:
            sorted = items.sorted { $0.marketplace != $1.marketplace ? $0.marketplace < $1.marketplace : $0.id < $1.id }
        }
        return sorted.map(\.id)
    }

    /// 21 items with tied scores, tied opening times, tied prices and unpriced listings, on two marketplaces.
    static func sortFixture(_ store: Store) throws -> [Keys] {
        let scores = [90, 60, 60, 75, 60, 40, 90, 55, 60, 60, 75, 40, 60, 90, 55, 60, 30, 60, 75, 60, 60]
        let prices = ["99.5", "1299.99", "3950", "250", "1299.99"]
        var keys: [Keys] = []
        for (i, score) in scores.enumerated() {
            let price: String? = i % 6 == 0 ? nil : prices[i % 5]
            let opened = base.addingTimeInterval(Double((i * 7) % 5) * 3600)
            let category = Category.allCases[i % Category.allCases.count]
            let listing = listing("s\(i)", price: price, seller: "seller \(i % 3)",
                                  marketplace: i % 2 == 0 ? "tradewell" : "bazaar")
            let id = try item(store, listing, [finding("r\(i)", category, weight: score)], at: opened)
            keys.append(Keys(id: id, score: score, openedAt: opened, price: price.flatMap(Double.init), marketplace: listing.marketplace))
        }
        return keys
    }

    /// Checks a full forward walk and the backward walk from its last page.
    static func checkWalk(_ store: Store, _ filter: QueueFilter, sort: QueueSort, limit: Int, expected: [Int64]) throws {
        let forward = try walkForward(store, filter, sort: sort, limit: limit)
        let ids = forward.flatMap { $0.entries.map(\.id) }
        #expect(ids == expected, "\(sort.rawValue), limit \(limit): forward walk order")
        #expect(Set(ids).count == ids.count, "\(sort.rawValue), limit \(limit): no item twice")
        #expect(forward.first?.previous == nil, "\(sort.rawValue), limit \(limit): first page has no previous")
        #expect(forward.last?.next == nil, "\(sort.rawValue), limit \(limit): last page has no next")
        #expect(forward.count == max(1, (expected.count + limit - 1) / limit), "\(sort.rawValue), limit \(limit): page count")
        for (index, page) in forward.enumerated() {
            if index < forward.count - 1 {
                #expect(page.entries.count == limit, "\(sort.rawValue), limit \(limit): page \(index) is full")
                #expect(page.next != nil)
                #expect(page.next.flatMap(QueueCursor.init)?.id == page.entries.last?.id, "next names the page's last item")
            }
            if index > 0 {
                #expect(page.previous.flatMap(QueueCursor.init)?.id == page.entries.first?.id,
                        "previous names the page's first item")
            }
        }

        let backward = try walkBackward(store, filter, sort: sort, limit: limit, from: forward.last?.previous)
        #expect(backward.map { $0.entries } == forward.dropLast().reversed().map { $0.entries },
                "\(sort.rawValue), limit \(limit): the backward walk yields the same pages reversed")
        #expect(backward.last?.previous == nil || backward.isEmpty)
        // A page reached backwards leads forward to the page after it.
        for (offset, page) in backward.enumerated() {
            let forwardIndex = forward.count - 2 - offset
            let next = try #require(page.next.flatMap(QueueCursor.init), "a page reached backwards has a next page")
            let following = try store.queuePage(filter, sort: sort, after: next, limit: limit)
            #expect(following.entries == forward[forwardIndex + 1].entries)
        }
    }

    /// Ids of what a filter selects, checked to agree across `queue`, `queuePage` and `queueCount`.
    static func selected(_ store: Store, _ filter: QueueFilter, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Set<Int64> {
        let listed = try store.queue(filter).map(\.id)
        let paged = try store.queuePage(filter, limit: 500).entries.map(\.id)
        #expect(Set(listed) == Set(paged), "queue and queuePage select the same items", sourceLocation: sourceLocation)
        #expect(try store.queueCount(filter) == listed.count, "queueCount agrees with the list", sourceLocation: sourceLocation)
        return Set(listed)
    }

    /// The counts recomputed from the queue itself.
    static func countsByHand(_ store: Store) throws -> QueueCounts {
        var counts = QueueCounts(byStatus: [:], byStatusAndCategory: [:])
        for entry in try store.queue() {
            counts.byStatus[entry.status, default: 0] += 1
            for category in Set(entry.categories) {
                counts.byStatusAndCategory[entry.status, default: [:]][category, default: 0] += 1
            }
        }
        return counts
    }

    static func expectCountsMatchTheQueue(_ store: Store, _ step: String,
                                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let counts = try store.queueCounts()
        #expect(try counts == countsByHand(store), "queue counts after \(step)", sourceLocation: sourceLocation)
        // And per status and category, against the category filter (review_category), not the categories column.
        for status in ReviewStatus.allCases {
            #expect(try counts.byStatus[status.rawValue, default: 0] == store.queueCount(QueueFilter(status: status)),
                    "\(status.rawValue) after \(step)", sourceLocation: sourceLocation)
            for category in Category.allCases {
                #expect(try counts.categories(status: status)[category.rawValue, default: 0]
                        == store.queueCount(QueueFilter(status: status, category: category)),
                        "\(status.rawValue)/\(category.rawValue) after \(step)", sourceLocation: sourceLocation)
            }
        }
        #expect(try counts.total == store.queue().count, "total after \(step)", sourceLocation: sourceLocation)
    }

    // MARK: Keyset pages

    @Test(arguments: QueueSort.allCases)
    func walkingAllPagesForwardAndBackwardVisitsEveryItemOnceInSortOrder(_ sort: QueueSort) throws {
        let store = try Self.store()
        let items = try Self.sortFixture(store)
        let expected = Self.expectedOrder(items, sort)
        for limit in [1, 3, 4, 7, 21, 100] {
            try Self.checkWalk(store, QueueFilter(), sort: sort, limit: limit, expected: expected)
        }
    }

    @Test(arguments: QueueSort.allCases)
    func pagesOfAFilteredQueueWalkOnlyTheSelectedItemsInSortOrder(_ sort: QueueSort) throws {
        let store = try Self.store()
        let items = try Self.sortFixture(store)
        let filter = QueueFilter(minScore: 55, marketplace: "tradewell")
        let chosen = Set(try store.queue(filter).map(\.id))
        #expect(!chosen.isEmpty && chosen.count < items.count)
        let expected = Self.expectedOrder(items.filter { chosen.contains($0.id) }, sort)
        for limit in [1, 2, 5] {
            try Self.checkWalk(store, filter, sort: sort, limit: limit, expected: expected)
        }
    }

    @Test func unpricedListingsComeLastInBothPriceSorts() throws {
        let store = try Self.store()
        let unpriced = try Self.item(store, Self.listing("none", price: nil), [Self.finding("r1")])
        let cheap = try Self.item(store, Self.listing("cheap", price: "5"), [Self.finding("r1")])
        let dear = try Self.item(store, Self.listing("dear", price: "99999.99"), [Self.finding("r1")])
        let zero = try Self.item(store, Self.listing("zero", price: "0"), [Self.finding("r1")])
        #expect(try store.queuePage(QueueFilter(), sort: .priceLow).entries.map(\.id) == [zero, cheap, dear, unpriced])
        #expect(try store.queuePage(QueueFilter(), sort: .priceHigh).entries.map(\.id) == [dear, cheap, zero, unpriced])
        // The unpriced item is reached through cursors too, in both directions.
        for sort in [QueueSort.priceLow, .priceHigh] {
            let pages = try Self.walkForward(store, sort: sort, limit: 1)
            #expect(pages.last?.entries.map(\.id) == [unpriced], "\(sort.rawValue): unpriced item on the last page")
            let back = try Self.walkBackward(store, sort: sort, limit: 1, from: pages.last?.previous)
            #expect(back.flatMap { $0.entries.map(\.id) } == pages.dropLast().reversed().flatMap { $0.entries.map(\.id) })
        }
    }

    @Test func equalScoresAcrossAPageBoundaryAreNeitherSkippedNorRepeated() throws {
        let store = try Self.store()
        let top = try Self.item(store, Self.listing("top"), [Self.finding("r1", weight: 70)])
        var tied: [Int64] = []
        for i in 0..<11 { tied.append(try Self.item(store, Self.listing("tie\(i)"), [Self.finding("r1", weight: 60)])) }
        let bottom = try Self.item(store, Self.listing("bottom"), [Self.finding("r1", weight: 50)])
        let expected = [top] + tied.sorted(by: >) + [bottom]
        for limit in [1, 2, 3, 4, 5, 6, 12, 13] {
            let pages = try Self.walkForward(store, sort: .score, limit: limit)
            let ids = pages.flatMap { $0.entries.map(\.id) }
            #expect(ids == expected, "limit \(limit)")
            #expect(Set(ids).count == ids.count, "limit \(limit): no repeats")
            // Every boundary inside the run of ties is a cursor on score 60.
            for page in pages.dropLast() where page.entries.last?.score == 60 {
                #expect(page.next.flatMap(QueueCursor.init)?.key == "60")
            }
            let back = try Self.walkBackward(store, sort: .score, limit: limit, from: pages.last?.previous)
            #expect(back.map(\.entries) == pages.dropLast().reversed().map(\.entries), "limit \(limit): backwards")
        }
        // Ties of opening time across boundaries behave the same way.
        let sameTime = try Self.walkForward(store, sort: .oldest, limit: 4).flatMap { $0.entries.map(\.id) }
        #expect(sameTime == expected.sorted(), "same opened_at: by id ascending, each once")
    }

    @Test func emptyQueueIsOnePageWithNoNeighbours() throws {
        let store = try Self.store()
        for sort in QueueSort.allCases {
            let page = try store.queuePage(QueueFilter(), sort: sort)
            #expect(page.entries.isEmpty && page.next == nil && page.previous == nil)
        }
        #expect(try store.queueCounts() == QueueCounts(byStatus: [:], byStatusAndCategory: [:]))
        #expect(try store.queueCount(QueueFilter()) == 0)
    }

    @Test func queueCursorTextRoundTripsAndRejectsGarbage() throws {
        let cursor = QueueCursor(key: "2027-01-15T08:00:00.000Z", id: 42)
        #expect(cursor.text == "2027-01-15T08:00:00.000Z_42")
        #expect(QueueCursor(cursor.text) == cursor)
        #expect(QueueCursor("60_7") == QueueCursor(key: "60", id: 7))
        #expect(QueueCursor("1e+300_3") == QueueCursor(key: "1e+300", id: 3))
        #expect(QueueCursor("a_b_9")?.key == "a_b")
        #expect(QueueCursor("60") == nil)
        #expect(QueueCursor("60_x") == nil)
        #expect(QueueCursor("") == nil)
    }

    @Test func limitIsClampedToBetweenOneAndFiveHundred() throws {
        let store = try Self.store()
        for i in 0..<3 { try Self.item(store, Self.listing("l\(i)"), [Self.finding("r1")]) }
        #expect(try store.queuePage(QueueFilter(), limit: 0).entries.count == 1)
        #expect(try store.queuePage(QueueFilter(), limit: -5).entries.count == 1)
        #expect(try store.queuePage(QueueFilter(), limit: 10_000).entries.count == 3)
    }

    // MARK: Filters

    /// Five listings across two marketplaces, three sellers, three SKU families, several categories and statuses.
    struct FilterFixture {
        var a, b, c, d, e: Int64
    }

    static func filterFixture(_ store: Store) throws -> FilterFixture {
        let a = try item(store, listing("880001", title: "Juniper EX4300-48T switch factory sealed", sku: "EX4300-48T",
                                        price: "450", seller: "Acme Networks", marketplace: "tradewell"),
                         [finding("r1", .counterfeit, weight: 90)])
        let b = try item(store, listing("880002", title: "Juniper EX4300-24P refurbished", sku: "EX4300-24P",
                                        price: "900", seller: "Bolt Surplus", marketplace: "tradewell"),
                         [finding("r2", .usedAsNew, weight: 40), finding("r3", .counterfeit, weight: 20)])
        let c = try item(store, listing("880003", title: "Juniper SRX300 firewall", sku: "SRX300",
                                        price: "300", seller: "Acme Networks", marketplace: "bazaar"),
                         [finding("r4", .unauthorizedChannel, weight: 40)])
        let d = try item(store, listing("880004", title: "Networking gear lot", sku: nil, price: nil, seller: nil,
                                        marketplace: "bazaar"),
                         [finding("r5", .damaged, weight: 50), finding("r6", .counterfeit, weight: 25)])
        let e = try item(store, listing("880005", title: "QFX5100 data center switch", sku: "QFX5100-48S-AFO",
                                        price: "7000", seller: "Crane Trading", marketplace: "bazaar"),
                         [finding("r7", .warrantyOrLicense, weight: 55)])
        _ = try store.setStatus(b, to: .inReview, actor: "alice")
        _ = try store.setStatus(d, to: .dismissed, actor: "alice", reason: "a lot of cables")
        try store.assign(a, to: "carol", actor: "lead")
        try store.assign(c, to: "carol", actor: "lead")
        try store.assign(e, to: "dave", actor: "lead")
        return FilterFixture(a: a, b: b, c: c, d: d, e: e)
    }

    @Test func statusAndCategoryFiltersSelectTheirItems() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        #expect(try Self.selected(store, QueueFilter()) == [f.a, f.b, f.c, f.d, f.e])
        #expect(try Self.selected(store, QueueFilter(status: .new)) == [f.a, f.c, f.e])
        #expect(try Self.selected(store, QueueFilter(status: .inReview)) == [f.b])
        #expect(try Self.selected(store, QueueFilter(status: .dismissed)) == [f.d])
        #expect(try Self.selected(store, QueueFilter(status: .confirmed)).isEmpty)
        // Any category of an item counts, not only its top-ranked one.
        #expect(try Self.selected(store, QueueFilter(category: .counterfeit)) == [f.a, f.b, f.d])
        #expect(try Self.selected(store, QueueFilter(category: .usedAsNew)) == [f.b])
        #expect(try Self.selected(store, QueueFilter(category: .damaged)) == [f.d])
        #expect(try Self.selected(store, QueueFilter(category: .stolenOrDiverted)).isEmpty)
        #expect(try Self.selected(store, QueueFilter(status: .new, category: .counterfeit)) == [f.a])
    }

    @Test func scoreRangeFiltersAreInclusive() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        // Scores: a 90, b 60, c 40, d 75, e 55.
        #expect(try Self.selected(store, QueueFilter(minScore: 55)) == [f.a, f.b, f.d, f.e])
        #expect(try Self.selected(store, QueueFilter(maxScore: 60)) == [f.b, f.c, f.e])
        #expect(try Self.selected(store, QueueFilter(minScore: 55, maxScore: 75)) == [f.b, f.d, f.e])
        #expect(try Self.selected(store, QueueFilter(minScore: 60, maxScore: 60)) == [f.b])
        #expect(try Self.selected(store, QueueFilter(minScore: 91)).isEmpty)
        #expect(try Self.selected(store, QueueFilter(minScore: 80, maxScore: 50)).isEmpty)
    }

    @Test func marketplaceSellerAndAssigneeFiltersMatchExactly() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        #expect(try Self.selected(store, QueueFilter(marketplace: "bazaar")) == [f.c, f.d, f.e])
        #expect(try Self.selected(store, QueueFilter(marketplace: "tradewell")) == [f.a, f.b])
        #expect(try Self.selected(store, QueueFilter(marketplace: "nowhere")).isEmpty)
        #expect(try Self.selected(store, QueueFilter(seller: "Acme Networks")) == [f.a, f.c])
        #expect(try Self.selected(store, QueueFilter(seller: "Acme")).isEmpty, "seller is an exact match")
        #expect(try Self.selected(store, QueueFilter(seller: "x' OR '1'='1")).isEmpty, "seller text is an argument")
        #expect(try Self.selected(store, QueueFilter(assignee: "carol")) == [f.a, f.c])
        #expect(try Self.selected(store, QueueFilter(assignee: "dave")) == [f.e])
        #expect(try Self.selected(store, QueueFilter(marketplace: "bazaar", seller: "Acme Networks", assignee: "carol")) == [f.c])
        #expect(try Self.selected(store, QueueFilter(ids: [f.a, f.d])) == [f.a, f.d])
        #expect(try Self.selected(store, QueueFilter(ids: [])).isEmpty)
    }

    @Test func skuFamilyIsThePartBeforeTheFirstHyphenInAnyCase() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        #expect(try Self.selected(store, QueueFilter(skuFamily: "EX4300")) == [f.a, f.b])
        #expect(try Self.selected(store, QueueFilter(skuFamily: "ex4300")) == [f.a, f.b], "lowercased input matches")
        #expect(try Self.selected(store, QueueFilter(skuFamily: "SRX300")) == [f.c], "a SKU without a hyphen is its own family")
        #expect(try Self.selected(store, QueueFilter(skuFamily: "QFX5100")) == [f.e], "only the first hyphen splits")
        #expect(try Self.selected(store, QueueFilter(skuFamily: "EX4300-48T")).isEmpty, "a full part number is not a family")
        #expect(try Self.selected(store, QueueFilter(skuFamily: "EX43")).isEmpty, "no prefix match on the family")
        #expect(try Self.selected(store, QueueFilter(status: .inReview, skuFamily: "EX4300")) == [f.b])
    }

    @Test func textSearchFindsTitleWordsSellersPartNumbersListingIDsAndPrefixes() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        #expect(try Self.selected(store, QueueFilter(text: "sealed")) == [f.a], "a title word")
        #expect(try Self.selected(store, QueueFilter(text: "SEALED")) == [f.a], "case-insensitive")
        #expect(try Self.selected(store, QueueFilter(text: "firewall")) == [f.c])
        #expect(try Self.selected(store, QueueFilter(text: "Acme")) == [f.a, f.c], "a seller name")
        #expect(try Self.selected(store, QueueFilter(text: "crane")) == [f.e])
        #expect(try Self.selected(store, QueueFilter(text: "EX43")) == [f.a, f.b], "a prefix")
        #expect(try Self.selected(store, QueueFilter(text: "ex4300-24p")) == [f.b], "a whole part number")
        #expect(try Self.selected(store, QueueFilter(text: "880003")) == [f.c], "a listing id")
        #expect(try Self.selected(store, QueueFilter(text: "juniper switch")) == [f.a], "every word must match")
        #expect(try Self.selected(store, QueueFilter(text: "juniper")) == [f.a, f.b, f.c])
        #expect(try Self.selected(store, QueueFilter(text: "switch")) == [f.a, f.e])
        #expect(try Self.selected(store, QueueFilter(text: "nothinglikethis")).isEmpty)
        #expect(try Self.selected(store, QueueFilter(text: "   ")).count == 5, "blank text does not filter")
        #expect(try Self.selected(store, QueueFilter(status: .new, assignee: "dave", text: "switch")) == [f.e])
    }

    /// Merging the index (each finished scan run) snapshots its vocabulary, which searches plan from only while the
    /// index is as it was: the same items are found before and after, and a listing stored later, with a word the
    /// snapshot lacks, is found too.
    @Test func searchesAfterTheIndexIsMergedFindTheSameAndSeeListingsStoredLater() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        let texts = ["sealed", "Acme", "EX43", "ex4300-24p", "880003", "juniper switch", "juniper", "switch", "fire wall"]
        let before = try texts.map { try Self.selected(store, QueueFilter(text: $0)) }
        try store.optimizeSearchIndex()
        if store.dialect == .sqlite {
            #expect(try store.read("t") { try Store.vocabularyIsCurrent($0) }, "the snapshot describes the merged index")
            #expect(try store.read("t") { try Store.prefixTerms($0, "jun").terms } == ["juniper"])
            #expect(try store.read("t") { try Store.prefixTerms($0, "j", limit: 0).terms } == nil, "more terms than the limit")
        }
        #expect(try texts.map { try Self.selected(store, QueueFilter(text: $0)) } == before)
        #expect(try Self.selected(store, QueueFilter(text: "sealed")) == [f.a])
        let later = try Self.item(store, Self.listing("77", title: "Juniper zebracorn switch"), [Self.finding("r1")])
        if store.dialect == .sqlite {
            #expect(try !store.read("t") { try Store.vocabularyIsCurrent($0) }, "a write to the index retires the snapshot")
        }
        #expect(try Self.selected(store, QueueFilter(text: "zebra")) == [later])
        #expect(try Self.selected(store, QueueFilter(text: "juniper switch")) == before[5].union([later]))
        try store.optimizeSearchIndex()
        #expect(try Self.selected(store, QueueFilter(text: "zebra")) == [later], "the next snapshot has the new word")
    }

    @Test func textWithFullTextSyntaxNeverThrowsAndIsTakenAsPlainWords() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        let hostile = ["\"", "*", "OR", "NEAR(", "title:", "\"sealed", "sealed\"", "sealed*", "(", ")", ":", "^",
                       "-", "+", "AND", "NOT", "NEAR(juniper switch, 3)", "title:sealed", "{title seller_name}: acme",
                       "juniper OR sealed", "sealed NOT juniper", "\"\"\"", "'; DROP TABLE listing; --",
                       "\u{1}", "\u{FEFF}", "🙂", "x\r\ny", String(repeating: "x ", count: 40),
                       String(repeating: "w", count: 10_000)]
        for text in hostile {
            #expect(throws: Never.self, "text \(text.debugDescription) must not throw") {
                _ = try store.queue(QueueFilter(text: text))
                _ = try store.queuePage(QueueFilter(text: text))
                _ = try store.queueCount(QueueFilter(text: text))
            }
        }
        // Operators and column filters are ordinary words (each a prefix term, all required).
        #expect(try Self.selected(store, QueueFilter(text: "SRX300 OR EX4300")).isEmpty, "OR is not an operator")
        #expect(try Self.selected(store, QueueFilter(text: "juniper OR sealed")).isEmpty, "OR is not an operator")
        #expect(try Self.selected(store, QueueFilter(text: "juniper NOT sealed")).isEmpty, "NOT is not an operator")
        #expect(try Self.selected(store, QueueFilter(text: "juniper AND sealed")).isEmpty, "AND is a word to find")
        #expect(try Self.selected(store, QueueFilter(text: "title:sealed")).isEmpty, "no column filter")
        #expect(try Self.selected(store, QueueFilter(text: "seller_name:acme")).isEmpty, "no column filter")
        #expect(try Self.selected(store, QueueFilter(text: "NEAR(juniper switch)")).isEmpty, "NEAR is a word")
        // Quotes and stars around a word leave the word.
        #expect(try Self.selected(store, QueueFilter(text: "\"sealed\"")) == [f.a])
        #expect(try Self.selected(store, QueueFilter(text: "sealed*")) == [f.a])
        #expect(try Self.selected(store, QueueFilter(text: "fire\"wall")).isEmpty,
                "a quote inside a word splits it into a phrase that does not occur")
        #expect(try Self.selected(store, QueueFilter(text: "sealed *")) == [f.a], "a lone star adds nothing")
        #expect(try Self.selected(store, QueueFilter(text: "sealed \"")) == [f.a], "a lone quote adds nothing")
        // The listing table is intact after an injection attempt.
        #expect(try store.listingCount() == 5)
    }

    /// A NUL inside a quoted FTS5 term ends the query string early ("unterminated string"): NUL separates words.
    @Test func textWithANulCharacterIsSearchedNotRefused() throws {
        let store = try Self.store()
        let f = try Self.filterFixture(store)
        #expect(try Self.selected(store, QueueFilter(text: "sealed\u{0}")) == [f.a])
        _ = try store.queueCount(QueueFilter(text: "a\u{0}b"))
        // Other control characters are harmless: the tokenizer treats them as separators.
        #expect(try Self.selected(store, QueueFilter(text: "sealed\u{1}")) == [f.a])
        #expect(try Self.selected(store, QueueFilter(text: "\u{FEFF}sealed")) == [f.a])
    }

    // MARK: Counts

    @Test func queueCountsMatchTheQueueThroughEveryKindOfChange() throws {
        let store = try Self.store()
        try Self.expectCountsMatchTheQueue(store, "nothing")
        let a = try Self.item(store, Self.listing("1"), [Self.finding("r1", .counterfeit)])
        let b = try Self.item(store, Self.listing("2"), [Self.finding("r1", .counterfeit), Self.finding("r2", .usedAsNew, weight: 30)])
        let c = try Self.item(store, Self.listing("3"), [Self.finding("r3", .damaged)])
        let d = try Self.item(store, Self.listing("4"), [Self.finding("r4", .unauthorizedChannel), Self.finding("r1", .counterfeit)])
        let e = try Self.item(store, Self.listing("5", price: "1000"), [Self.finding("r1", .counterfeit)])
        try Self.expectCountsMatchTheQueue(store, "new items")
        #expect(try store.queueCounts().byStatus == ["new": 5])
        #expect(try store.queueCounts().categories(status: .new)
                == ["counterfeit": 4, "used-as-new": 1, "damaged": 1, "unauthorized-channel": 1])

        // Status changes, each as the workflow requires (reasons to dismiss, categories to confirm).
        _ = try store.setStatus(a, to: .inReview, actor: "alice")
        _ = try store.setStatus(b, to: .confirmed, actor: "alice", category: .counterfeit)
        _ = try store.setStatus(c, to: .dismissed, actor: "alice", reason: "honest listing")
        _ = try store.setStatus(e, to: .dismissed, actor: "alice", reason: "priced fairly")
        try Self.expectCountsMatchTheQueue(store, "status changes")
        #expect(try store.queueCounts().byStatus == ["new": 1, "in-review": 1, "confirmed": 1, "dismissed": 2])
        _ = try store.setStatus(b, to: .enforcementRequested, actor: "lead")
        _ = try store.setStatus(b, to: .removed, actor: "lead")
        _ = try store.setStatus(b, to: .reinstated, actor: "lead")
        try Self.expectCountsMatchTheQueue(store, "an item through enforcement")

        // A refused change changes no count.
        #expect(throws: WorkflowError.self) { try store.setStatus(a, to: .removed, actor: "x") }
        try Self.expectCountsMatchTheQueue(store, "a refused change")

        // Re-saving with different categories moves the per-category counts, whatever the status.
        func ref(_ id: String) throws -> Int64 {
            guard let found = try store.listingRef(marketplace: "tradewell", listingID: id) else {
                throw WorkflowError(message: "listing \(id) is not stored")
            }
            return found
        }
        try store.save(Assessment(findings: [Self.finding("r2", .usedAsNew), Self.finding("r5", .damaged, weight: 10)]),
                       listingRef: try ref("1"), threshold: 1)
        try store.save(Assessment(findings: [Self.finding("r4", .unauthorizedChannel)]), listingRef: try ref("4"), threshold: 1)
        try store.save(Assessment(findings: [Self.finding("r1", .counterfeit), Self.finding("r6", .stolenOrDiverted)]),
                       listingRef: try ref("2"), threshold: 1)
        try Self.expectCountsMatchTheQueue(store, "re-saved categories")
        #expect(try store.queueItem(id: d)?.entry.categories == ["unauthorized-channel"])
        #expect(try store.queueCounts().categories(status: .inReview) == ["used-as-new": 1, "damaged": 1])
        #expect(try store.queueCounts().categories(status: nil)["counterfeit"] == 2)

        // Re-saving a dismissed item with a new rule re-opens it, with its new categories.
        try store.save(Assessment(findings: [Self.finding("r3", .damaged), Self.finding("r7", .warrantyOrLicense)]),
                       listingRef: try ref("3"), threshold: 1)
        #expect(try store.queueItem(id: c)?.entry.status == "new")
        try Self.expectCountsMatchTheQueue(store, "a re-opened item")

        // Bulk changes, including one refused as a whole.
        #expect(try store.bulkSetStatus(QueueFilter(status: .new), to: .inReview, actor: "lead", reason: nil, category: nil) == 2)
        try Self.expectCountsMatchTheQueue(store, "bulk in-review")
        #expect(throws: WorkflowError.self) {
            try store.bulkSetStatus(QueueFilter(), to: .confirmed, actor: "lead", reason: nil, category: .counterfeit)
        }
        try Self.expectCountsMatchTheQueue(store, "a refused bulk change")
        #expect(try store.bulkSetStatus(QueueFilter(status: .inReview, category: .damaged), to: .dismissed, actor: "lead",
                                        reason: "checked", category: nil) == 2)
        try Self.expectCountsMatchTheQueue(store, "bulk dismissal by category")
        #expect(try store.bulkSetStatus(QueueFilter(status: .dismissed), to: .inReview, actor: "lead", reason: nil, category: nil) == 3)
        #expect(try store.bulkSetStatus(QueueFilter(status: .inReview), to: .confirmed, actor: "lead", reason: nil,
                                        category: .counterfeit) == 4)
        try Self.expectCountsMatchTheQueue(store, "bulk confirmation")
        #expect(try store.queueCounts().byStatus == ["confirmed": 4, "reinstated": 1])
        #expect(try store.queueCounts().total == 5)
    }

    // MARK: Columns copied from the listing

    @Test func listingUpdatesReachTheQueueColumnsThatFiltersAndSortsRead() throws {
        let store = try Self.store()
        let first = try Self.item(store, Self.listing("1", title: "Juniper EX4300-48T switch", sku: "EX4300-48T", price: "100",
                                                      seller: "Old Seller"), [Self.finding("r1")])
        let second = try Self.item(store, Self.listing("2", title: "Juniper EX4300-24P", sku: "EX4300-24P", price: "500",
                                                       seller: "Other"), [Self.finding("r1")])
        func columns(_ id: Int64) throws -> SQLRow? {
            try store.read("test") { db in
                try SQLRow.fetchOne(db, sql: "SELECT marketplace, seller, sku, sku_family, price_value FROM review_item WHERE id = ?",
                                 arguments: [id])
            }
        }
        let before = try #require(try columns(first))
        #expect(before["marketplace"] as String? == "tradewell")
        #expect(before["seller"] as String? == "Old Seller")
        #expect(before["sku"] as String? == "EX4300-48T")
        #expect(before["sku_family"] as String? == "EX4300")
        #expect(before["price_value"] as Double? == 100)
        #expect(try store.queuePage(QueueFilter(), sort: .priceLow).entries.map(\.id) == [first, second])

        // The same listing scanned again: new price, seller, part number and title.
        try store.upsert(Self.listing("1", title: "Juniper SRX300 firewall", sku: "SRX300-SYS-JB", price: "900.25",
                                      seller: "New Seller"))
        let after = try #require(try columns(first))
        #expect(after["seller"] as String? == "New Seller")
        #expect(after["sku"] as String? == "SRX300-SYS-JB")
        #expect(after["sku_family"] as String? == "SRX300")
        #expect(after["price_value"] as Double? == 900.25)
        #expect(try Self.selected(store, QueueFilter(seller: "New Seller")) == [first])
        #expect(try Self.selected(store, QueueFilter(seller: "Old Seller")).isEmpty)
        #expect(try Self.selected(store, QueueFilter(skuFamily: "srx300")) == [first])
        #expect(try Self.selected(store, QueueFilter(skuFamily: "EX4300")) == [second])
        #expect(try Self.selected(store, QueueFilter(text: "firewall")) == [first])
        #expect(try Self.selected(store, QueueFilter(text: "old")).isEmpty, "the old seller is no longer indexed")
        #expect(try Self.selected(store, QueueFilter(text: "EX4300")) == [second], "the old title is no longer indexed")
        #expect(try Self.selected(store, QueueFilter(text: "new seller")) == [first])
        #expect(try store.queuePage(QueueFilter(), sort: .priceLow).entries.map(\.id) == [second, first])
        #expect(try store.queuePage(QueueFilter(), sort: .priceHigh).entries.map(\.id) == [first, second])
        let entry = try #require(try store.queueItem(id: first)?.entry)
        #expect(entry.seller == "New Seller" && entry.sku == "SRX300-SYS-JB" && entry.price == "USD 900.25")

        // The price goes away: the item sorts last both ways.
        try store.upsert(Self.listing("1", title: "Juniper SRX300 firewall", sku: "SRX300-SYS-JB", price: nil, seller: nil))
        #expect(try columns(first)?["price_value"] as Double? == nil)
        #expect(try columns(first)?["seller"] as String? == nil)
        #expect(try store.queuePage(QueueFilter(), sort: .priceLow).entries.map(\.id) == [second, first])
        #expect(try store.queuePage(QueueFilter(), sort: .priceHigh).entries.map(\.id) == [second, first])
        #expect(try Self.selected(store, QueueFilter(seller: "New Seller")).isEmpty)
        #expect(try store.listingCount() == 2, "updating never adds a listing")
    }

    @Test func queueFacetsListMarketplacesAndUsersByName() throws {
        let store = try Self.store()
        #expect(try store.queueFacets().marketplaces.isEmpty)
        try store.upsert(Self.listing("1", marketplace: "zeta"))
        try store.upsert(Self.listing("2", marketplace: "alpha"))
        try store.upsert(Self.listing("3", marketplace: "zeta"))
        try store.addUser(name: "mallory", role: .analyst, passwordHash: "h")
        try store.addUser(name: "alice", role: .admin, passwordHash: "h")
        let facets = try store.queueFacets()
        #expect(facets.marketplaces == ["alpha", "zeta"])
        #expect(facets.users == ["alice", "mallory"])
    }

    // MARK: Users, sessions, tokens

    @Test func addingAUserWithATakenNameIsRefused() throws {
        let store = try Self.store()
        let alice = try store.addUser(name: "  alice ", role: .admin, passwordHash: "hash-1", at: Self.base)
        #expect(alice.name == "alice" && alice.role == .admin && alice.passwordHash == "hash-1")
        #expect(try store.user(named: "alice") == alice)
        #expect(throws: WorkflowError(message: "user 'alice' already exists")) {
            try store.addUser(name: "alice", role: .analyst, passwordHash: "hash-2")
        }
        #expect(throws: WorkflowError.self, "the name is trimmed before the check") {
            try store.addUser(name: "alice\t", role: .analyst, passwordHash: "hash-2")
        }
        #expect(throws: WorkflowError.self) { try store.addUser(name: "   ", role: .analyst, passwordHash: "h") }
        #expect(throws: WorkflowError.self) { try store.addUser(name: String(repeating: "n", count: 65), role: .analyst, passwordHash: "h") }
        #expect(throws: WorkflowError.self) { try store.addUser(name: "two\nlines", role: .analyst, passwordHash: "h") }
        #expect(try store.users() == [alice], "a refused user is not added and the first keeps its hash")
        try store.addUser(name: "bob", role: .analyst, passwordHash: "hash-3")
        #expect(try store.users().map(\.name) == ["alice", "bob"])
    }

    @Test func sessionIsReturnedUntilItsExpiryAndNotAfter() throws {
        let store = try Self.store()
        let alice = try store.addUser(name: "alice", role: .analyst, passwordHash: "h")
        try store.createSession(token: "secret-1", csrfToken: "csrf-1", userID: alice.id, lifetime: 3600, at: Self.base)
        let live = try #require(try store.session(token: "secret-1", at: Self.base.addingTimeInterval(1800)))
        #expect(live.user == alice)
        #expect(live.csrfToken == "csrf-1")
        #expect(abs(live.expiresAt.timeIntervalSince(Self.base.addingTimeInterval(3600))) < 0.001)
        #expect(try store.session(token: "secret-1", at: Self.base.addingTimeInterval(3599)) != nil)
        #expect(try store.session(token: "secret-1", at: Self.base.addingTimeInterval(3600)) == nil, "ends at its expiry")
        #expect(try store.session(token: "secret-1", at: Self.base.addingTimeInterval(3601)) == nil, "past its expiry")
        #expect(try store.session(token: "secret-2", at: Self.base) == nil, "an unknown token")
        // Only the digest is stored.
        let stored = try store.read("test") { db in try String.fetchAll(db, sql: "SELECT token_sha256 FROM web_session") }
        #expect(stored.count == 1 && stored[0] != "secret-1" && stored[0].count == 64)
    }

    @Test func creatingASessionDropsExpiredOnes() throws {
        let store = try Self.store()
        let alice = try store.addUser(name: "alice", role: .analyst, passwordHash: "h")
        try store.createSession(token: "old", csrfToken: "c1", userID: alice.id, lifetime: 60, at: Self.base)
        try store.createSession(token: "long", csrfToken: "c2", userID: alice.id, lifetime: 86_400, at: Self.base)
        try store.createSession(token: "new", csrfToken: "c3", userID: alice.id, lifetime: 60, at: Self.base.addingTimeInterval(600))
        // Asked about a time it was live, the expired session is gone: it was deleted, not only hidden.
        #expect(try store.session(token: "old", at: Self.base) == nil)
        #expect(try store.session(token: "long", at: Self.base)?.csrfToken == "c2")
        #expect(try store.session(token: "new", at: Self.base.addingTimeInterval(601))?.csrfToken == "c3")
        #expect(try store.read("test") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM web_session") } == 2)
    }

    @Test func deletedSessionIsGoneAndOthersStay() throws {
        let store = try Self.store()
        let alice = try store.addUser(name: "alice", role: .analyst, passwordHash: "h")
        try store.createSession(token: "one", csrfToken: "c1", userID: alice.id, lifetime: 3600, at: Self.base)
        try store.createSession(token: "two", csrfToken: "c2", userID: alice.id, lifetime: 3600, at: Self.base)
        try store.deleteSession(token: "one")
        #expect(try store.session(token: "one", at: Self.base) == nil)
        #expect(try store.session(token: "two", at: Self.base)?.csrfToken == "c2")
        try store.deleteSession(token: "never-existed")
        #expect(try store.session(token: "two", at: Self.base) != nil)
    }

    @Test func settingAPasswordEndsThatUsersSessionsOnly() throws {
        let store = try Self.store()
        let alice = try store.addUser(name: "alice", role: .analyst, passwordHash: "old-hash")
        let bob = try store.addUser(name: "bob", role: .analyst, passwordHash: "bob-hash")
        try store.createSession(token: "a1", csrfToken: "c", userID: alice.id, lifetime: 3600, at: Self.base)
        try store.createSession(token: "a2", csrfToken: "c", userID: alice.id, lifetime: 3600, at: Self.base)
        try store.createSession(token: "b1", csrfToken: "c", userID: bob.id, lifetime: 3600, at: Self.base)
        try store.setPassword(user: "alice", passwordHash: "new-hash")
        #expect(try store.user(named: "alice")?.passwordHash == "new-hash")
        #expect(try store.session(token: "a1", at: Self.base) == nil)
        #expect(try store.session(token: "a2", at: Self.base) == nil)
        #expect(try store.session(token: "b1", at: Self.base)?.user == bob)
        #expect(try store.user(named: "bob")?.passwordHash == "bob-hash")
        #expect(throws: WorkflowError(message: "no user 'carol'")) { try store.setPassword(user: "carol", passwordHash: "x") }
    }

    @Test func apiTokenLooksUpItsUserUntilRevoked() throws {
        let store = try Self.store()
        let alice = try store.addUser(name: "alice", role: .admin, passwordHash: "h")
        let bob = try store.addUser(name: "bob", role: .analyst, passwordHash: "h")
        try store.addAPIToken("tok-alice", user: "alice", label: "ci", at: Self.base)
        try store.addAPIToken("tok-bob", user: "bob", label: "script", at: Self.base)
        #expect(try store.user(apiToken: "tok-alice", at: Self.base.addingTimeInterval(10)) == alice)
        #expect(try store.user(apiToken: "tok-bob") == bob)
        #expect(try store.user(apiToken: "tok-nobody") == nil)
        #expect(try store.user(apiToken: "") == nil)
        let used = try store.read("test") { db in
            try String.fetchOne(db, sql: "SELECT t.last_used_at FROM api_token t JOIN \"user\" u ON u.id = t.user_ref WHERE u.name = 'alice'")
        }
        #expect(used == Store.timestamp(Self.base.addingTimeInterval(10)), "a lookup notes the token's use")
        let secrets = try store.read("test") { db in try String.fetchAll(db, sql: "SELECT token_sha256 FROM api_token") }
        #expect(!secrets.contains("tok-alice") && secrets.allSatisfy { $0.count == 64 }, "only digests are stored")
        try store.write("test") { db in
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE token_sha256 = ?",
                           arguments: [Store.timestamp(Self.base), Store.digest("tok-alice")])
        }
        #expect(try store.user(apiToken: "tok-alice") == nil, "a revoked token is refused")
        #expect(try store.user(apiToken: "tok-bob") == bob)
        #expect(throws: WorkflowError(message: "no user 'carol'")) { try store.addAPIToken("t", user: "carol", label: "x") }
        #expect(throws: (any Error).self, "the same token twice is refused") {
            try store.addAPIToken("tok-bob", user: "alice", label: "again")
        }
        #expect(try store.user(apiToken: "tok-bob") == bob)
    }

    // MARK: Audit log

    @Test func auditLogIsNewestFirstPagedByIdAndFilteredByActor() throws {
        let store = try Self.store()
        let first = try Self.item(store, Self.listing("1", title: "Alpha unit"), [Self.finding("r1")])
        let second = try Self.item(store, Self.listing("2", title: "Beta unit"), [Self.finding("r1")])
        #expect(try store.auditLog().isEmpty)
        _ = try store.setStatus(first, to: .inReview, actor: "alice")
        try store.assign(second, to: "bob", actor: "alice")
        try store.addNote(first, text: "same seller as before", author: "bob")
        _ = try store.setStatus(second, to: .dismissed, actor: "bob", reason: "looks genuine")
        _ = try store.setStatus(first, to: .confirmed, actor: "carol", category: .counterfeit)

        let log = try store.auditLog()
        #expect(log.map(\.entry.action) == ["status", "status", "note", "assign", "status"])
        #expect(log.map(\.reviewID) == [first, second, first, second, first])
        #expect(log.map(\.title) == ["Alpha unit", "Beta unit", "Alpha unit", "Beta unit", "Alpha unit"])
        #expect(log.map(\.entry.actor) == ["carol", "bob", "bob", "alice", "alice"])
        #expect(zip(log, log.dropFirst()).allSatisfy { $0.id > $1.id }, "newest first")
        #expect(log[0].entry.from == "in-review" && log[0].entry.to == "confirmed" && log[0].entry.reason == "category counterfeit")
        #expect(log[1].entry.reason == "looks genuine" && log[1].entry.to == "dismissed")
        #expect(log[3].entry.to == "bob")
        #expect(log.allSatisfy { !$0.entry.at.isEmpty })
        // The global log holds what each item's history holds.
        #expect(try Array(log.filter { $0.reviewID == first }.map(\.entry).reversed()) == store.history(first))

        // Keyset pages: each page starts below the last id seen; together they are the whole log.
        let page1 = try store.auditLog(limit: 2)
        let page2 = try store.auditLog(limit: 2, before: page1.last?.id)
        let page3 = try store.auditLog(limit: 2, before: page2.last?.id)
        #expect(page1.count == 2 && page2.count == 2 && page3.count == 1)
        #expect(page1 + page2 + page3 == log)
        #expect(try store.auditLog(before: log.last?.id).isEmpty)
        #expect(try store.auditLog(limit: 0).count == 1, "limit is at least one")

        #expect(try store.auditLog(actor: "alice").map(\.entry.action) == ["assign", "status"])
        #expect(try store.auditLog(actor: "bob").allSatisfy { $0.entry.actor == "bob" })
        #expect(try store.auditLog(actor: "bob").count == 2)
        #expect(try store.auditLog(limit: 1, before: log[1].id, actor: "bob").map(\.id) == [log[2].id])
        #expect(try store.auditLog(actor: "nobody").isEmpty)

        // A re-opening by the scanner is logged under its own name.
        let ref = try #require(try store.listingRef(marketplace: "tradewell", listingID: "2"))
        try store.save(Assessment(findings: [Self.finding("r1"), Self.finding("r9")]), listingRef: ref, threshold: 1)
        let reopen = try #require(try store.auditLog(limit: 1).first)
        #expect(reopen.entry.actor == "graywatch" && reopen.entry.action == "reopen" && reopen.reviewID == second)
        #expect(reopen.entry.reason == "new rules hit: r9")
    }
}
