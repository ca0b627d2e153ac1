import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchTestSupport
import Testing

/// The adapters read real marketplace pages (../shared/real-pages, when present) and our own pages written in
/// the same markup (samples/pages): title, price and currency as the page shows them.
@Suite struct RealPagesTests {
    static func listing(_ file: URL, url: String) throws -> (ExtractedPage, String) {
        let data = try Data(contentsOf: file)
        let document = try HTMLDocument(html: TextDecoder.decode(data, contentType: nil), url: url)
        return (try GoldenTests.extractor.extract(document, url: url), url)
    }

    static func check(_ row: [String: String], file: URL) throws {
        let (page, url) = try listing(file, url: row["page_url"] ?? "")
        let name = row["file"] ?? ""
        if let kind = row["page_kind"], !kind.isEmpty {
            let actual: String
            switch page { case .item: actual = "item"; case .search: actual = "search"; case .other: actual = "other" }
            #expect(actual == kind, "\(name) page kind")
        }
        switch page {
        case .item(let listing):
            #expect(listing.title == row["title"], "\(name) title")
            let amount = row["price_amount"] ?? ""
            #expect(listing.price?.amountText == (amount.isEmpty ? nil : NSDecimalNumber(string: amount).stringValue), "\(name) price")
            let currency = row["price_currency"] ?? ""
            #expect(listing.price?.currency == (currency.isEmpty ? nil : currency), "\(name) currency")
            if let marketplace = row["marketplace"], !marketplace.isEmpty { #expect(listing.marketplace == marketplace, "\(name) marketplace") }
        case .search(let results):
            if let count = row["item_links_count"].flatMap({ Int($0) }) { #expect(results.itemLinks.count == count, "\(name) links") }
            #expect((row["title"] ?? "").isEmpty, "\(name): a search page has no title")
        case .other:
            Issue.record("\(name) (\(url)) was not recognised as an item or search page")
        }
    }

    @Test func ownPagesInRealMarkup() throws {
        let rows = ExpectedPages.rows()
        #expect(rows.count >= 9)
        for row in rows { try Self.check(row, file: TestPaths.pages.appendingPathComponent(row["file"] ?? "")) }
    }

    @Test func realPagesWhenPresent() throws {
        guard FileManager.default.fileExists(atPath: TestPaths.realPages.path) else { return }
        let rows = ExpectedPages.rows("real-pages-expected.csv")
        #expect(rows.count == 6)
        for row in rows { try Self.check(row, file: TestPaths.realPages.appendingPathComponent(row["file"] ?? "")) }
    }
}
