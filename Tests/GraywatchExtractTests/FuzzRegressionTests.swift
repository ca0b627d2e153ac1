import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchRules
import GraywatchTestSupport
import Testing

/// Every input the fuzzers keep (fuzz/regressions: what once broke; fuzz/corpus: what reaches new code) goes through
/// the stages the fuzz targets run, and the results keep the properties the targets check.
///
/// A page input is read as fuzz/Sources/FuzzSupport/FuzzInput.swift reads it: bits 0–2 of the first byte pick the URL,
/// bits 3–5 the Content-Type, bits 6–7 the market (MarketFixture); the tables below are copies of those.
@Suite struct FuzzRegressionTests {
    static let urls = [
        "https://tradewell.example/itm/310000000005",
        "https://tradewell.example/sch/juniper-networks/page-1.html",
        "https://www.ebay.com/itm/234567890123",
        "https://www.ebay.com/sch/i.html?_nkw=juniper+srx300",
        "https://www.amazon.com/dp/B07ABCDEFG",
        "https://www.amazon.com/s?k=juniper+srx300",
        "https://www.alibaba.com/product-detail/Juniper-SRX300-Firewall_1600123456789.html",
        "https://shop.example.net/products/srx300-sys-jb",
    ]
    static let contentTypes: [String?] = [
        nil, "text/html; charset=utf-8", "text/html; charset=windows-1252", "text/html; charset=shift_jis",
        "text/html; charset=utf-16le", "text/html; charset=gb18030", "text/html; charset=iso-8859-2",
        "text/html; charset=\"x-unknown\"",
    ]

    static let extractor = Extractor(adapters: (try? AdapterSet.load(directory: TestPaths.sites)) ?? AdapterSet())
    static let catalog = (try? Catalog.load(directory: TestPaths.catalog)) ?? Catalog()
    static let rules = (try? RuleSet.load(directory: TestPaths.rules)) ?? RuleSet(rules: [])

    static func files(_ folder: String) -> [URL] {
        let directory = TestPaths.root.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// The market of bits 6–7 (none, catalog list price, market medians, medians of 0.01), as MarketFixture builds it.
    static func market(_ selector: UInt8, for listing: Listing) -> MarketContext {
        var context = MarketContext()
        let sku = listing.primarySKU ?? "EX4300-48T"
        switch selector >> 6 {
        case 1:
            if let entry = catalog.entry(matching: sku), let price = entry.listPriceUSD, listing.price?.currency == "USD" {
                context.listPrice = ReferencePrice(price: Price(amount: price, currency: "USD"), source: .catalog,
                                                   sampleCount: 1, sku: entry.partNumber)
            }
        case 2, 3:
            let amount = selector >> 6 == 3 ? Decimal(string: "0.01")! : (catalog.entry(matching: sku)?.listPriceUSD ?? 1000)
            let median = ReferencePrice(price: Price(amount: amount, currency: listing.price?.currency ?? "USD"),
                                        source: .marketMedian, sampleCount: 5, sku: sku)
            context.marketMedian = median
            context.newMarketMedian = median
            if let serial = listing.identifiers.first(where: { $0.kind == .serial }) {
                context.serialClones = [SerialClone(serial: serial.normalized, marketplace: "ebay", listingID: "1",
                                                    seller: "other", url: "https://www.ebay.com/itm/1")]
            }
        default:
            break
        }
        return context
    }

    /// One page input through decode → parse → extract → enrich → score; records every broken property.
    static func replay(page file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let bytes = try Data(contentsOf: file)
        guard let selector = bytes.first else { return }
        let url = urls[Int(selector & 0x07)]
        let html = TextDecoder.decode(bytes.dropFirst(), contentType: contentTypes[Int((selector >> 3) & 0x07)])
        let page: ExtractedPage
        do {
            page = try extractor.extract(try HTMLDocument(html: html, url: url), url: url)
        } catch {
            #expect("\(error)".contains(url), "\(file.lastPathComponent): the error names the page", sourceLocation: sourceLocation)
            return
        }
        guard case .item(let raw) = page else { return }
        let listing = Enricher(catalog: catalog).enrich(raw)
        let assessment = rules.assess(listing, context: market(selector, for: listing))
        #expect(assessment.score == assessment.findings.reduce(0) { $0 + $1.weight }, sourceLocation: sourceLocation)
        let quoted = listing.identifiers.map { ($0.span, $0.raw) } + listing.claims.compactMap { claim in claim.span.map { ($0, claim.text) } }
            + assessment.findings.flatMap(\.evidence).compactMap { evidence in evidence.span.map { ($0, evidence.text) } }
        for (span, text) in quoted {
            #expect(slice(listing.text(of: span.field), span) == text,
                    "\(file.lastPathComponent): span \(span) quotes its field", sourceLocation: sourceLocation)
        }
    }

    /// The scalars a span covers, or nil when it lies outside the text.
    static func slice(_ text: String, _ span: TextSpan) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard span.start >= 0, span.length >= 0, span.start + span.length <= scalars.count else { return nil }
        return String(String.UnicodeScalarView(scalars[span.start..<(span.start + span.length)]))
    }

    @Test func everyPageRegressionGoesThroughThePipeline() throws {
        let files = Self.files("fuzz/regressions/page")
        #expect(!files.isEmpty, "fuzz/regressions/page holds the reproducers")
        for file in files { try Self.replay(page: file) }
    }

    @Test func everyPageCorpusInputGoesThroughThePipeline() throws {
        let files = Self.files("fuzz/corpus/page")
        #expect(!files.isEmpty, "fuzz/corpus/page is committed")
        for file in files { try Self.replay(page: file) }
    }

    /// fuzz/regressions/page/new-price-ratio-past-int-range: a for-parts listing priced 10²² dollars scored against
    /// new-unit medians used to trap (RuleFuzzRegressionTests has the unit test); it must come out scored and flagged.
    @Test func listingPricedPastIntRangeIsScored() throws {
        let file = TestPaths.root.appendingPathComponent("fuzz/regressions/page/new-price-ratio-past-int-range")
        try Self.replay(page: file)
        let html = TextDecoder.decode(try Data(contentsOf: file).dropFirst(), contentType: nil)
        let url = Self.urls[0]
        guard case .item(let raw) = try Self.extractor.extract(try HTMLDocument(html: html, url: url), url: url) else {
            Issue.record("not an item page")
            return
        }
        let listing = Enricher(catalog: Self.catalog).enrich(raw)
        let assessment = Self.rules.assess(listing, context: Self.market(0x80, for: listing))
        #expect(assessment.findings.contains { $0.ruleID == "for-parts-sold-as-working" })
    }
}
