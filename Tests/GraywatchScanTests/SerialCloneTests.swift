import Foundation
import GraywatchSampleSite
import GraywatchScan
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Testing

/// The same valid serial number on listings from two sellers flags every listing involved, each naming the others.
@Suite struct SerialCloneTests {
    @Test func cloneListingsAreAllFlaggedAndCrossLinked() async throws {
        let log = RequestLog()
        let router = CrawlSite.router(log: log, items: ["/itm/100001", "/itm/100002", "/itm/100003"])
        router.get("/itm/100001") { _, _ in
            CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T used", serial: "PE3714100218", seller: "alpha_net"))
        }
        router.get("/itm/100002") { _, _ in
            CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T switch", serial: "PE3714100218", seller: "beta_trade"))
        }
        router.get("/itm/100003") { _, _ in
            CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T spare", serial: "PE3714100999", seller: "gamma_it"))
        }
        let store = try CrawlSite.store()
        try await LoopbackServer.run(router: router) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        let queue = try store.queue()
        #expect(Set(queue.map(\.listingID)) == ["100001", "100002"])
        for entry in queue {
            let detail = try #require(try store.queueItem(id: entry.id))
            let clone = try #require(detail.findings.first { $0.ruleID == "serial-clone" })
            let other = entry.listingID == "100001" ? "100002" : "100001"
            #expect(clone.evidence.contains { $0.note?.contains("/\(other)") == true }, "\(entry.listingID) names \(other)")
            #expect(entry.categories == ["counterfeit"])
        }
    }

    @Test func aLaterScanFlagsTheEarlierListingToo() async throws {
        let log = RequestLog()
        let first = CrawlSite.router(log: log, items: ["/itm/200001"])
        first.get("/itm/200001") { _, _ in
            CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T used", serial: "NX0215320071", seller: "first_seller"))
        }
        let second = CrawlSite.router(log: log, items: ["/itm/200002"])
        second.get("/itm/200002") { _, _ in
            CrawlSite.html(CrawlSite.itemPage(title: "Juniper EX4300-48T used", serial: "NX0215320071", seller: "second_seller"))
        }
        let store = try CrawlSite.store()
        try await LoopbackServer.run(router: first) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        #expect(try store.queue().isEmpty, "one listing alone is no clone")
        try await LoopbackServer.run(router: second) { base async throws in
            _ = try await CrawlSite.scanner(start: base + "/sch/s.html", store: store).run()
        }
        #expect(Set(try store.queue().map(\.listingID)) == ["200001", "200002"])
    }
}
