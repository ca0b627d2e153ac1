import CLibXML2
import Foundation
@testable import GraywatchParse
import GraywatchTestSupport
import Testing

/// Guards what the parse records through libxml2's SAX callbacks (``ParseCapture``): it must be exactly what a walk
/// over the finished tree gives, or the XPath shortcut would answer from a list that is not the document.
@Suite struct ParseCaptureTests {
    @Test func recordedElementsRangesAndColumnsAreWhatTheTreeWalkGivesOnEverySamplePage() throws {
        // Ask for the columns the adapters use, so every page after the first records them during its parse.
        for key in ["class", " class", "id", "itemprop", "href", "content", "property", "rel", "name"] { _ = ColumnKeys.including(key) }
        var pages = 0
        for (label, html) in try TestPaths.samplePages() {
            let document = try HTMLDocument(html: html, url: "http://t/\(label)")
            #expect(!document.columns.isEmpty, "\(label): nothing recorded during the parse")
            Self.expectMatchesTreeWalk(document, label)
            pages += 1
        }
        #expect(pages > 200)
    }

    @Test func brokenMarkupIsRecordedAsTheRecoveredTree() throws {
        _ = ColumnKeys.including("class")
        let pages = [
            "<div class='a'><p class='b'>one<p class=c>two</div><span class=' d  e '>three</span><table><td class=x>cell",
            "<html><body><ul><li class='i'>a<li class='i'>b</ul><i><b class='z'>x</i>y</b><img class='q'><br></body>",
            "<p class='x' class='y'>dup</p><svg><path class='s' d='M0'/></svg><nav class='n'>m</nav><form><input class=k>",
            "text before any tag <h1 class=t>t</h1></html><div class='after'>after the end</div>",
        ]
        for html in pages {
            let document = try HTMLDocument(html: html, url: "http://t/broken")
            Self.expectMatchesTreeWalk(document, html)
        }
    }

    /// The recorded list, ranges and columns against a walk of the finished tree.
    static func expectMatchesTreeWalk(_ document: HTMLDocument, _ label: String) {
        let recorded = document.elements, recordedEnds = document.elementEnds
        guard let root = xmlDocGetRootElement(document.pointer) else { Issue.record("\(label): no root"); return }
        var nodes: UnsafeMutablePointer<xmlNodePtr?>?
        var ends: UnsafeMutablePointer<Int32>?
        let count = gw_collect_element_ranges(root, &nodes, &ends)
        defer { free(nodes); free(ends) }
        let walked = UnsafeBufferPointer(start: nodes, count: count).compactMap { $0 }
        #expect(recorded == walked, "\(label): elements")
        #expect(recordedEnds == Array(UnsafeBufferPointer(start: ends, count: count)), "\(label): ranges")
        let keys = Array(document.columns.keys)
        let built = AttributeColumn.build(walked, keys.map { (String($0.drop { $0 == " " }), $0.hasPrefix(" ")) })
        for (key, column) in zip(keys, built) {
            let captured = document.columns[key]
            #expect(captured?.indices == column.indices, "\(label): column \(key) elements")
            #expect(captured?.starts == column.starts, "\(label): column \(key) offsets")
            #expect(captured?.buffer == column.buffer, "\(label): column \(key) values")
        }
    }
}
