import Foundation
import GraywatchParse
import GraywatchTestSupport
import Testing

@Suite struct HTMLDocumentTests {
    @Test func parsesASamplePageAndEvaluatesXPath() throws {
        let document = try HTMLDocument(html: try TestPaths.sample("itm/310000000001.html"), url: "http://t/itm/1")
        let title = try document.select("//h1[@id='itemTitle']")
        #expect(title.count == 1)
        #expect(title.first?.text.lowercased().contains("ex4300-48t") == true)
        #expect(try document.string("string(//*[@itemprop='price']/@content)") == "450.00")
        #expect(try document.select("//td[@class='attrLabels']").count >= 4)
    }

    @Test func truncatedHTMLIsRecoveredAndItsErrorsCounted() throws {
        let html = "<html><body><div id='a'><p>first<p>second <b>bold</i></div><table><tr><td>cell"
        let document = try HTMLDocument(html: html, url: "http://t/broken")
        #expect(document.errorCount > 0)
        #expect(try document.select("//p").count == 2)
        #expect(try document.string("string(//td)") == "cell")
    }

    @Test func emptyPageIsAnError() {
        #expect(throws: ParseError.empty(url: "http://t/empty")) {
            try HTMLDocument(html: "  \n ", url: "http://t/empty")
        }
    }

    @Test func invalidXPathIsAnError() throws {
        let document = try HTMLDocument(html: "<p>x</p>", url: "http://t/")
        #expect(throws: ParseError.invalidXPath(expression: "//p[")) { try document.select("//p[") }
    }

    @Test func nodesKeepTheirDocumentAlive() throws {
        func firstParagraph() throws -> HTMLNode? {
            let document = try HTMLDocument(html: "<div><p class='k'>kept</p></div>", url: "http://t/")
            return try document.select("//p").first
        }
        // The document is no longer referenced by anything but the node.
        let node = try #require(try firstParagraph())
        #expect(node.text == "kept")
        #expect(node.attribute("class") == "k")
        #expect(try node.select("..").first?.name == "div")
    }

    @Test func visibleTextSkipsScriptAndStyle() throws {
        let html = "<div id='d'>Hello <script>alert('x')</script><style>p{}</style><p>world</p></div>"
        let document = try HTMLDocument(html: html, url: "http://t/")
        let node = try #require(try document.select("//div[@id='d']").first)
        #expect(node.visibleText == "Hello\nworld")
        #expect(!node.text.contains("alert"), "a script's code is not even parsed (RawTextFilter)")
    }

    @Test func relativeQueriesUseTheNodeAsContext() throws {
        let html = "<ul><li><a href='/1'>one</a></li><li><a href='/2'>two</a></li></ul><a href='/3'>three</a>"
        let document = try HTMLDocument(html: html, url: "http://t/")
        let items = try document.select("//li")
        #expect(try items.map { try $0.string("string(a/@href)") } == ["/1", "/2"])
    }

    @Test func parsesTheRealEbayItemPageWhenPresent() throws {
        let file = TestPaths.realPages.appendingPathComponent("ebay-item-com.html")
        guard FileManager.default.fileExists(atPath: file.path) else { return }
        let html = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let document = try HTMLDocument(html: html, url: "https://www.ebay.com/itm/302474151804")
        #expect(try document.string("string(//*[@itemprop='price']/@content)") == "1.99")
        #expect(try document.select("//td[@class='attrLabels']").count > 3)
    }

    @Test func hostileBytesDoNotCrashTheParser() throws {
        let html = "<html><body>\u{0}\u{1}\u{FFFD}<script>while(1){}</script><img src=x onerror=alert(1)>"
        let document = try HTMLDocument(html: html, url: "http://t/hostile")
        #expect(try document.select("//img").count == 1)
    }

    @Test func absurdNestingIsRefusedWithTheReasonNotReadInPart() throws {
        // libxml2 stops parsing at its depth limit (no XML_PARSE_HUGE): what follows would be lost without a word, so
        // the page is refused, saying why (samples/hostile: deep-nesting).
        let html = "<html><body><h1>top</h1>" + String(repeating: "<div>", count: 20_000) + "deep"
        #expect(throws: ParseError.unparsable(url: "http://t/deep", reason: "elements nested more than 256 levels deep; "
                                                + "the parser stops there and the rest of the page is lost")) {
            try HTMLDocument(html: html, url: "http://t/deep")
        }
    }
}

@Suite struct XPathErrorTests {
    @Test func unknownFunctionFailsAtEvaluationWithoutCrashing() throws {
        let document = try HTMLDocument(html: "<p>x</p>", url: "http://t/")
        #expect(throws: ParseError.invalidXPath(expression: "no-such-function(//p)")) {
            try document.string("no-such-function(//p)")
        }
    }
}
