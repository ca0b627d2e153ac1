import Foundation
import GraywatchParse
import Testing

/// Regression tests for what the hostile corpus (samples/hostile) found in the parse stage.
@Suite struct HostileHTMLTests {
    @Test func nestingJustUnderTheDepthLimitStillParsesWhole() throws {
        let html = "<html><body>" + String(repeating: "<font>", count: 250) + "<h1>deep title</h1><p>after</p>"
        let document = try HTMLDocument(html: html, url: "http://t/deep")
        #expect(try document.string("string(//h1)") == "deep title")
        #expect(try document.string("string(//p)") == "after")
    }

    @Test func nestingOverTheDepthLimitAroundTheTitleIsAParseErrorNotAMissingTitle() {
        let html = "<html><body>" + String(repeating: "<div>", count: 100_000) + "<h1>hidden title</h1>"
        #expect {
            try HTMLDocument(html: html, url: "http://t/itm/1")
        } throws: { error in
            "\(error)".hasPrefix("http://t/itm/1: unparsable page (elements nested more than 256 levels deep")
        }
    }

    @Test func binaryDataIsRefusedWithWhatItIs() {
        // A PNG decoded as windows-1252 (0x89 is "‰") and as UTF-8 (0x89 is U+FFFD).
        let png = "\u{89}PNG\r\n\u{1A}\n\u{0}\u{0}\u{0}\rIHDR\u{0}\u{0}\u{0}\u{10}"
        #expect(HTMLDocument.binaryKind(of: "‰PNG\r\n\u{1A}\n\u{0}\u{0}\u{0}\rIHDR") == "a PNG image")
        #expect(HTMLDocument.binaryKind(of: "\u{FFFD}PNG\r\n\u{1A}\n\u{0}\u{0}\u{0}\rIHDR") == "a PNG image")
        #expect(HTMLDocument.binaryKind(of: png) == "a PNG image")
        #expect(HTMLDocument.binaryKind(of: "PK\u{3}\u{4}\u{14}\u{0}\u{0}\u{0}\u{8}\u{0}") == "a ZIP archive")
        #expect(HTMLDocument.binaryKind(of: "%PDF-1.7\n%\u{FFFD}\u{FFFD}\n1 0 obj") == "a PDF document")
        let controls = String(String.UnicodeScalarView((0..<400).map { Unicode.Scalar(UInt8(($0 * 37) % 256)) }))
        #expect(HTMLDocument.binaryKind(of: controls) == "binary data")
        #expect(throws: ParseError.unparsable(url: "http://t/b", reason: "binary data, not HTML text")) {
            try HTMLDocument(html: controls, url: "http://t/b")
        }
    }

    @Test func textWithAFewNULsIsStillText() throws {
        let html = "<html><body><h1>EX4300\u{0}-48T\u{0}</h1><p>\u{0}after the NULs</p></body></html>"
        #expect(HTMLDocument.binaryKind(of: html) == nil)
        let document = try HTMLDocument(html: html, url: "http://t/nul")
        #expect(try document.string("string(//h1)") == "EX4300\u{FFFD}-48T\u{FFFD}")
        #expect(try document.string("string(//p)") == "\u{FFFD}after the NULs")
        #expect(HTMLDocument.binaryKind(of: "<p>Gr\u{FC}\u{DF}e, caf\u{E9}, \u{4E2D}\u{6587}, \u{FFFD}\u{FFFD}</p>") == nil)
    }

    @Test func visibleTextReadsNoMoreThanItsLimit() throws {
        let html = "<div id='d'>" + String(repeating: "word ", count: 400_000) + "<p>" + String(repeating: "more ", count: 10) + "</p></div>"
        let document = try HTMLDocument(html: html, url: "http://t/long")
        let text = try #require(try document.select("//div[@id='d']").first).visibleText
        #expect(text.utf8.count <= HTMLNode.visibleTextLimit)
        #expect(text.utf8.count > HTMLNode.visibleTextLimit / 2)
        #expect(!text.contains("more"))
    }
}
