import Foundation
@testable import GraywatchParse
import GraywatchTestSupport
import Testing

/// Script and style bodies are not parsed; everything else parses exactly as before.
@Suite struct RawTextFilterTests {
    static func filtered(_ html: String) -> String {
        var text = html
        return String(decoding: text.withUTF8 { RawTextFilter.filter($0) }, as: UTF8.self)
    }

    @Test func scriptAndStyleBodiesAreLeftOutAndTheirTagsKept() throws {
        let html = "<p>a</p><script src=x>var s = \"<p>b</p>\";</script><style>p { color: red }</style><p>c</p>"
        #expect(Self.filtered(html) == "<p>a</p><script src=x></script><style></style><p>c</p>")
        let document = try HTMLDocument(html: html, url: "http://t/a")
        #expect(try document.select("//p").map(\.text) == ["a", "c"])
        #expect(try document.select("//script").count == 1)
    }

    @Test func jsonScriptsAreDataAndKeptWhole() {
        let html = #"<script type="application/ld+json">{"@type":"Product","name":"<b>x</b>"}</script>"#
            + #"<SCRIPT TYPE='Application/JSON' id=state>{"a":1}</SCRIPT><script>drop()</script>"#
        #expect(Self.filtered(html) == #"<script type="application/ld+json">{"@type":"Product","name":"<b>x</b>"}</script>"#
            + #"<SCRIPT TYPE='Application/JSON' id=state>{"a":1}</SCRIPT><script></script>"#)
    }

    @Test func scriptInsideACommentOrAnAttributeStartsNothing() throws {
        let html = #"<!-- <script> --><p>one</p><a title="<script>" href="/x">two</a><p>three</p></script>"#
        #expect(Self.filtered(html) == html)
        let document = try HTMLDocument(html: html, url: "http://t/b")
        #expect(try document.select("//p").map(\.text) == ["one", "three"])
    }

    @Test func theRawTextEndsAtTheFirstCaseInsensitiveCloseTagLikeLibxml2() {
        #expect(Self.filtered("<script>a</b>c</SCRIPT ><p>x</p>") == "<script></SCRIPT ><p>x</p>")
        #expect(Self.filtered("<style>a</styles><p>x</p>") == "<style></styles><p>x</p>")
        #expect(Self.filtered("<scripts>a</scripts>") == "<scripts>a</scripts>", "only the element named script")
    }

    @Test func anUnterminatedScriptSwallowsTheRestAsItWouldInLibxml2() throws {
        #expect(Self.filtered("<p>kept</p><script>never closed <p>gone</p>") == "<p>kept</p><script>")
        #expect(Self.filtered("<p>x</p><script src=\"unterminated") == "<p>x</p><script src=\"unterminated")
        let document = try HTMLDocument(html: "<p>kept</p><script>never closed <p>gone</p>", url: "http://t/c")
        #expect(try document.select("//p").map(\.text) == ["kept"])
    }

    @Test func scriptsAnAdapterReadsAreKept() {
        let html = "<script>window.pageConfig = {productId: '7'}</script><script>other()</script>"
        var text = html
        let kept = String(decoding: text.withUTF8 { RawTextFilter.filter($0, keeping: [Array("window.pageConfig".utf8)]) }, as: UTF8.self)
        #expect(kept == "<script>window.pageConfig = {productId: '7'}</script><script></script>")
        let all = String(decoding: text.withUTF8 { RawTextFilter.filter($0, keeping: nil) }, as: UTF8.self)
        #expect(all == html)
    }

    @Test func onlyExpressionsThatNameTheScriptElementKeepScripts() {
        // A word containing "script" (description, noscript) does not make every script kept.
        RawTextFilter.keepScripts(readBy: "//div[@class='description']//noscript")
        #expect(RawTextFilter.keptScripts != nil)
    }

    @Test func nulBytesBecomeReplacementCharactersAndHideNothing() throws {
        let document = try HTMLDocument(html: "<h1>a\u{0}b</h1><p>after</p>", url: "http://t/nul")
        #expect(try document.string("string(//h1)") == "a\u{FFFD}b")
        #expect(try document.string("string(//p)") == "after")
    }

    /// Every sample page yields the same text and attributes outside scripts and styles either way.
    @Test(arguments: ["samples/marketplace/itm", "samples/pages", "samples/pages/labeled"])
    func samplePagesParseTheSameOutsideScriptsAndStyles(folder: String) throws {
        let directory = TestPaths.root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".html") }
        #expect(!names.isEmpty)
        let outside = "//text()[not(ancestor::script) and not(ancestor::style)] | //@*"
        for name in names {
            let html = String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
            let filtered = try HTMLDocument(html: html, url: "http://t/\(name)")
            let whole = try HTMLDocument(html: html, url: "http://t/\(name)", parsingRawText: true)
            #expect(try filtered.select(outside).map(\.text) == whole.select(outside).map(\.text), "\(folder)/\(name)")
            let jsonLD = "//script[contains(translate(@type,'JSON','json'),'json')]"
            #expect(try filtered.select(jsonLD).map(\.text) == whole.select(jsonLD).map(\.text), "\(folder)/\(name)")
        }
    }
}
