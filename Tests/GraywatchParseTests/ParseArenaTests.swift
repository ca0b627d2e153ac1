import Foundation
import GraywatchParse
import GraywatchTestSupport
import Testing

/// Guards the parse arena (Sources/CParseArena): every tree lives in its document's arena, libxml2's other
/// allocations (XPath results, node contents) in ordinary memory, and neither outlives or frees the other.
@Suite struct ParseArenaTests {
    private static let page = """
        <html><head><title>t</title></head><body>
        <h1 id='itemTitle' class='a b'>Juniper EX4300-48T</h1>
        <div class='itemAttr'><table><tr><td class='attrLabels'>Brand:</td><td>Juniper</td></tr>
        <tr><td class='attrLabels'>MPN:</td><td>EX4300-48T</td></tr></table></div>
        <p>one<b>two</b>three &amp; four</p><svg><path d='M0 0'/></svg><nav>menu</nav>
        </body></html>
        """

    @Test func treesStayIntactWhileManyDocumentsComeAndGo() throws {
        // Documents released in another order than made: no arena hands out memory a live tree still uses.
        var kept: [HTMLDocument] = []
        for round in 0..<300 {
            let document = try HTMLDocument(html: Self.page.replacingOccurrences(of: "EX4300", with: "EX\(round)"),
                                            url: "http://t/\(round)")
            if round % 3 == 0 { kept.append(document) }
            if kept.count > 20 { kept.removeFirst(7) }
            #expect(try document.string("string(//h1)") == "Juniper EX\(round)-48T")
        }
        for document in kept {
            let round = try #require(document.url.split(separator: "/").last)
            #expect(try document.select("//td[@class='attrLabels']").count == 2)
            #expect(try document.string("normalize-space(//p)") == "onetwothree & four")
            #expect(try document.select("//h1").first?.attribute("class") == "a b")
            #expect(try document.select("//h1").first?.text == "Juniper EX\(round)-48T")
        }
    }

    @Test func documentsMadeOnOneThreadAreReadAndReleasedOnOthers() async throws {
        // A scan parses on the cooperative pool; a document may be read and released on any of its threads.
        let box = DocumentBox(try (0..<64).map { try HTMLDocument(html: Self.page, url: "http://t/\($0)") })
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<64 {
                group.addTask {
                    let document = box.take(index)
                    return ((try? document.select("//td")) ?? []).count
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 4, count: 64))
    }

    @Test func errorsRecordedDuringAParseDoNotPointIntoItsReleasedArena() throws {
        // Broken markup makes libxml2 record errors (their text allocated during the parse); the next parse on the
        // same thread replaces that record, which must not free memory of a released arena.
        for round in 0..<200 {
            let document = try HTMLDocument(html: "<div><p>x</i><b>\(round)</div></span><svg><g/></svg>", url: "http://t/")
            #expect(document.errorCount > 0)
        }
        #expect(try HTMLDocument(html: Self.page, url: "http://t/").select("//p").count == 1)
    }

    @Test func aLargePageParsesIntoTheArenaWhole() throws {
        // Blocks over the chunk size (a long text node, a long attribute) get chunks of their own.
        let long = String(repeating: "juniper ", count: 200_000)
        let html = "<div title='\(String(repeating: "a", count: 600_000))'><p>\(long)</p><p id='after'>end</p></div>"
        let document = try HTMLDocument(html: html, url: "http://t/large")
        #expect(try document.string("string-length(//div/@title)") == "600000")
        #expect(try document.string("string(//p[@id='after'])") == "end")
        #expect(try document.string("string-length(//p[1])") == "\(long.utf8.count)")
    }
}

/// Hands each document to exactly one task, then drops it there.
private final class DocumentBox: @unchecked Sendable {
    private var documents: [HTMLDocument?]
    private let lock = NSLock()
    init(_ documents: [HTMLDocument]) { self.documents = documents }
    func take(_ index: Int) -> HTMLDocument {
        lock.withLock {
            defer { documents[index] = nil }
            return documents[index]!
        }
    }
}
