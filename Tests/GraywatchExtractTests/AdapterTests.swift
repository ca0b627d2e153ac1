import Foundation
import GraywatchExtract
import GraywatchParse
import GraywatchTestSupport
import Testing

/// Adapter files: the shipped ones load; mistakes are reported with file, line and column.
@Suite struct AdapterLoadingTests {
    @Test func theShippedAdaptersLoad() throws {
        let set = try AdapterSet.load(directory: TestPaths.sites)
        #expect(Set(set.adapters.map(\.site)).isSuperset(of: ["tradewell", "ebay", "amazon", "alibaba"]))
        #expect(set.adapter(for: "https://www.ebay.co.uk/itm/1")?.site == "ebay")
        #expect(set.adapter(for: "https://www.amazon.com/dp/B000000000")?.site == "amazon")
        #expect(set.adapter(for: "https://shop.example/p/1") == nil)
    }

    func failure(_ yaml: String) -> AdapterError? {
        var set = AdapterSet()
        do {
            try set.add(yaml: yaml, file: "rules/sites/test.yml")
            return nil
        } catch {
            return error as? AdapterError
        }
    }

    static let valid = """
        site: shop
        hosts: [shop.example]
        pages:
          - kind: item
            url: '/p/'
            fields:
              title: {xpath: "//h1"}
        """

    @Test func aValidAdapterLoads() {
        #expect(failure(Self.valid) == nil)
    }

    @Test func invalidXPathNamesFileLineAndColumn() throws {
        let error = try #require(failure(Self.valid.replacingOccurrences(of: "//h1", with: "//h1[")))
        #expect(error.description.hasPrefix("rules/sites/test.yml:7:22: invalid XPath in field 'title'"), "\(error)")
    }

    @Test func unknownFieldIsAnError() throws {
        let error = try #require(failure(Self.valid + "\n      titel: {xpath: \"//h2\"}"))
        #expect(error.line == 8)
        #expect(error.message.contains("unknown key 'titel'"))
    }

    @Test func badRegexIsAnError() throws {
        let error = try #require(failure(Self.valid.replacingOccurrences(of: "url: '/p/'", with: "url: '/p/(['")))
        #expect(error.line == 5)
        #expect(error.message.contains("invalid regular expression"))
    }

    @Test func itemPagesNeedATitle() throws {
        let error = try #require(failure(Self.valid.replacingOccurrences(of: "title:", with: "mpn:")))
        #expect(error.message == "item pages need a 'title' field")
    }

    @Test func missingHostsIsAnError() throws {
        let error = try #require(failure(Self.valid.replacingOccurrences(of: "hosts: [shop.example]\n", with: "")))
        #expect(error.message == "adapter lacks 'hosts'")
    }

    @Test func yamlSyntaxErrorsCarryTheirPosition() throws {
        let error = try #require(failure("site: [unclosed\nhosts: x\n"))
        #expect(error.message.hasPrefix("YAML:"))
        #expect(error.line >= 1)
    }

    @Test func hostPatterns() throws {
        var set = AdapterSet()
        try set.add(yaml: Self.valid.replacingOccurrences(of: "[shop.example]", with: "[shop.example, \"*.shop.test\"]"), file: "t.yml")
        #expect(set.adapter(for: "https://www.shop.example/p/1") != nil)
        #expect(set.adapter(for: "https://de.shop.test/p/1") != nil)
        #expect(set.adapter(for: "https://shop.test/p/1") != nil)
        #expect(set.adapter(for: "https://evilshop.example/p/1") == nil)
    }
}

@Suite struct CSSSelectorTests {
    @Test(arguments: [
        ("h1#title", "//h1[@id='title']"),
        ("div.price > span", "//div[contains(concat(' ', normalize-space(@class), ' '), ' price ')]/span"),
        ("ul li a::attr(href)", "//ul//li//a/@href"),
        ("[itemprop=price]::attr(content)", "//*[@itemprop='price']/@content"),
        ("meta[property='og:title']::attr(content)", "//meta[@property='og:title']/@content"),
    ])
    func translatesToXPath(_ css: String, _ xpath: String) throws {
        #expect(try CSSSelector.xpath(for: css) == xpath)
        #expect(HTMLDocument.isValidXPath(xpath))
    }

    @Test(arguments: ["a:hover", "div ~ p", "", "a::attr(href"])
    func rejectsWhatItDoesNotSupport(_ css: String) {
        #expect(throws: (any Error).self) { try CSSSelector.xpath(for: css) }
    }
}
