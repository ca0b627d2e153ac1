import Foundation
import GraywatchCore
@testable import GraywatchExtract
import GraywatchParse
import GraywatchTestSupport
import Testing

@Suite struct ExtractorTests {
    static let extractor = Extractor(adapters: (try? AdapterSet.load(directory: TestPaths.sites)) ?? AdapterSet())

    func extract(_ path: String, url: String) throws -> ExtractedPage {
        let document = try HTMLDocument(html: try TestPaths.sample(path), url: url)
        return try Self.extractor.extract(document, url: url)
    }

    @Test func itemPageYieldsTheListingFields() throws {
        guard case .item(let listing) = try extract("itm/310000000005.html", url: "http://tradewell.example/itm/310000000005") else {
            Issue.record("not an item page")
            return
        }
        #expect(listing.listingID == "310000000005")
        #expect(listing.marketplace == "tradewell")
        #expect(listing.title.hasPrefix("LOT OF 10 Juniper SRX300"))
        #expect(listing.price == Price(amount: Decimal(string: "520.00")!, currency: "USD"))
        #expect(listing.conditionRaw == "New")
        #expect(listing.quantityAvailable == 25)
        #expect(listing.seller.name?.isEmpty == false)
        #expect(listing.seller.feedbackScore != nil)
        #expect(listing.seller.location?.contains(",") == true)
        #expect(listing.specific("MPN") == "SRX300")
        #expect(listing.specific("Condition") == "New")
        #expect(!listing.description.isEmpty)
    }

    @Test func descriptionKeepsNoScriptText() throws {
        guard case .item(let listing) = try extract("itm/310000000021.html", url: "http://tradewell.example/itm/310000000021") else {
            Issue.record("not an item page")
            return
        }
        #expect(!listing.description.contains("<script"))
        #expect(listing.description.contains("authorized partner"))
    }

    @Test func searchPageYieldsItemLinksWithoutTrackingAndTheNextPage() throws {
        let url = "http://tradewell.example/sch/juniper-networks/page-1.html"
        guard case .search(let results) = try extract("sch/juniper-networks/page-1.html", url: url) else {
            Issue.record("not a search page")
            return
        }
        #expect(results.itemLinks.count == 10)
        #expect(results.itemLinks.allSatisfy { $0.hasPrefix("http://tradewell.example/itm/") && !$0.contains("?") })
        #expect(results.nextPage == "http://tradewell.example/sch/juniper-networks/page-2.html")
    }

    @Test func lastSearchPageHasNoNextPage() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: TestPaths.marketplace.appendingPathComponent("sch/juniper-networks").path)
        let last = "page-\(pages.count).html"
        let url = "http://tradewell.example/sch/juniper-networks/\(last)"
        guard case .search(let results) = try extract("sch/juniper-networks/\(last)", url: url) else {
            Issue.record("not a search page")
            return
        }
        #expect(results.nextPage == nil)
        guard case .search(let third) = try extract("sch/juniper-networks/page-3.html",
                                                    url: "http://tradewell.example/sch/juniper-networks/page-3.html") else { return }
        #expect(third.itemLinks.contains("http://tradewell.example/itm/preview/310000000098"))
    }

    @Test func itemPageWithoutATitleIsAnErrorNamingThePage() throws {
        let document = try HTMLDocument(html: "<html><body><p>listing ended</p></body></html>", url: "http://tradewell.example/itm/9")
        #expect(throws: ExtractError.missingField(url: "http://tradewell.example/itm/9", field: "title")) {
            try Self.extractor.extract(document, url: "http://tradewell.example/itm/9")
        }
    }

    @Test func otherPagesYieldNothing() throws {
        guard case .other = try extract("index.html", url: "http://tradewell.example/") else {
            Issue.record("home page taken for a listing page")
            return
        }
    }

    @Test func quantityWordings() {
        #expect(ItemFields.quantity("12 available") == 12)
        #expect(ItemFields.quantity("More than 10 available") == 10)
        #expect(ItemFields.quantity("Last one") == 1)
        #expect(ItemFields.quantity("1,200 available") == 1200)
        #expect(ItemFields.quantity("Limited quantity") == nil)
    }

    @Test func linksAreResolvedAndStripped() {
        #expect(URLTools.strippingQuery("http://tradewell.example/itm/1?hash=x#f") == "http://tradewell.example/itm/1")
        #expect(URLTools.resolve("javascript:alert(1)", against: "http://tradewell.example/") == nil)
        #expect(URLTools.resolve("/itm/2", against: "http://tradewell.example/sch/a.html") == "http://tradewell.example/itm/2")
        #expect(URLTools.host("http://WWW.Example.com:8080/x") == "example.com")
    }
}
