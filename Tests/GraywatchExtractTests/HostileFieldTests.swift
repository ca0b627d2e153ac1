import Foundation
import GraywatchCore
@testable import GraywatchExtract
import GraywatchParse
import GraywatchTestSupport
import Testing

/// Regression tests for what the hostile corpus (samples/hostile) found in the extract stage.
@Suite struct HostileFieldTests {
    static let extractor = Extractor(adapters: (try? AdapterSet.load(directory: TestPaths.sites)) ?? AdapterSet())

    func listing(_ html: String, url: String) throws -> Listing {
        let page = try Self.extractor.extract(try HTMLDocument(html: html, url: url), url: url)
        guard case .item(let listing) = page else { throw ExtractError.missingField(url: url, field: "item page") }
        return listing
    }

    static func item(title: String = "Juniper EX4300-48T switch", price: String = "2500.00", description: String = "Used.") -> String {
        """
        <html><body><h1 id="itemTitle">\(title)</h1>
        <span id="prcIsum" itemprop="price" content="\(price)">US $2,500.00</span><span itemprop="priceCurrency" content="USD"></span>
        <div class="mbg"><span class="mbg-nw">seller</span></div><div id="ds_div">\(description)</div></body></html>
        """
    }

    @Test func megabyteAttributesAreCutBeforeTheyReachThePriceParser() throws {
        let html = Self.item(title: "Juniper " + String(repeating: "EX4300 ", count: 150_000), price: String(repeating: "9", count: 1 << 20))
        let listing = try listing(html, url: "http://127.0.0.1/itm/x/390000000001")
        #expect(listing.title.unicodeScalars.count == FieldLimits.line)
        #expect(listing.title.hasPrefix("Juniper EX4300 EX4300"))
        // A million nines are no amount: the displayed price is read instead.
        #expect(listing.price == Price(amount: 2500, currency: "USD"))
    }

    @Test func aLongDescriptionIsCutToTheLimit() throws {
        let html = Self.item(description: "<p>" + String(repeating: "Used unit, tested and working. ", count: 10_000) + "</p>")
        let listing = try listing(html, url: "http://127.0.0.1/itm/x/390000000002")
        #expect(listing.description.unicodeScalars.count == FieldLimits.description)
        #expect(listing.description.hasPrefix("Used unit, tested and working. Used unit"))
    }

    @Test func cuttingCountsUnicodeScalarsAndLeavesShortTextAlone() {
        #expect(FieldLimits.cut("short", to: 10) == "short")
        #expect(FieldLimits.cut("exactly10!", to: 10) == "exactly10!")
        #expect(FieldLimits.cut("e\u{301}e\u{301}e\u{301}", to: 3) == "e\u{301}e")
    }

    static func jsonLD(_ blocks: String...) -> String {
        "<html><head>" + blocks.map { "<script type=\"application/ld+json\">\($0)</script>" }.joined()
            + "</head><body><p>shop</p></body></html>"
    }

    @Test func jsonLDNumbersWithAnExponentAreNotReadAsTheirExponent() throws {
        let absurd = try listing(Self.jsonLD(#"{"@type":"Product","name":"EX4300","offers":{"price":1e300,"priceCurrency":"USD"}}"#),
                                 url: "http://shop.example/p/1")
        #expect(absurd.price == nil)
        let plain = try listing(Self.jsonLD(#"{"@type":"Product","name":"EX4300","offers":{"price":1.5e3,"priceCurrency":"USD"}}"#),
                                url: "http://shop.example/p/2")
        #expect(plain.price == Price(amount: 1500, currency: "USD"))
    }

    @Test func aJSONLDBooleanIsNoPrice() throws {
        let listing = try listing(Self.jsonLD(#"{"@type":"Product","name":"EX4300","offers":{"price":true,"priceCurrency":"USD"}}"#),
                                  url: "http://shop.example/p/3")
        #expect(listing.price == nil)
    }

    @Test func aWronglyTypedProductDoesNotHideAWellFormedOneAfterIt() throws {
        let listing = try listing(Self.jsonLD(
            #"{"@type":"Product","name":42,"offers":"free"}"#,
            #"{"@type":"Product","name":"Juniper EX4300-48T","offers":{"price":"2500.00","priceCurrency":"USD"}}"#),
            url: "http://shop.example/p/4")
        #expect(listing.title == "Juniper EX4300-48T")
        #expect(listing.price == Price(amount: 2500, currency: "USD"))
    }
}
