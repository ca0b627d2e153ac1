import Foundation
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchTestSupport
import Testing

/// Every sample page's extraction equals its reviewed golden file in Tests/Golden.
///
/// Re-record after a deliberate change with `GRAYWATCH_RECORD_GOLDEN=1 swift test --filter GoldenTests`:
/// the run rewrites the files and fails, so a re-record is never mistaken for a pass; review the diff, run again.
@Suite struct GoldenTests {
    struct Page: Sendable, CustomStringConvertible {
        var file: URL
        var url: String
        var golden: String
        var description: String { golden }
    }

    static let extractor = Extractor(adapters: (try? AdapterSet.load(directory: TestPaths.sites)) ?? AdapterSet())
    static let enricher = Enricher(catalog: (try? Catalog.load(directory: TestPaths.catalog)) ?? Catalog())

    /// The bundled marketplace's pages (as served from tradewell.example) and the pages in samples/pages.
    static func pages() -> [Page] {
        var pages: [Page] = []
        let market = TestPaths.marketplace
        let items = (try? FileManager.default.contentsOfDirectory(atPath: market.appendingPathComponent("itm").path)) ?? []
        for name in items.sorted() where name.hasSuffix(".html") {
            let id = String(name.dropLast(5))
            pages.append(Page(file: market.appendingPathComponent("itm/\(name)"),
                              url: "https://tradewell.example/itm/\(id)", golden: "tradewell-itm-\(id)"))
        }
        let searchPages = (try? FileManager.default.contentsOfDirectory(atPath: market.appendingPathComponent("sch/juniper-networks").path).count) ?? 3
        for number in 1...max(searchPages, 1) {
            pages.append(Page(file: market.appendingPathComponent("sch/juniper-networks/page-\(number).html"),
                              url: "https://tradewell.example/sch/juniper-networks/page-\(number).html",
                              golden: "tradewell-sch-page-\(number)"))
        }
        for row in ExpectedPages.rows() {
            pages.append(Page(file: TestPaths.pages.appendingPathComponent(row["file"] ?? ""), url: row["page_url"] ?? "",
                              golden: "pages-" + (row["file"] ?? "").replacingOccurrences(of: ".html", with: "")))
        }
        return pages
    }

    static func json(for page: Page) throws -> String {
        let data = try Data(contentsOf: page.file)
        let document = try HTMLDocument(html: TextDecoder.decode(data, contentType: nil), url: page.url)
        let extracted = try extractor.extract(document, url: page.url)
        return try ExtractionReport(page: extracted, url: page.url, marketplace: extractor.marketplace(for: page.url),
                                    enricher: enricher).json() + "\n"
    }

    @Test(arguments: GoldenTests.pages())
    func extractionMatchesTheGoldenFile(_ page: Page) throws {
        let actual = try Self.json(for: page)
        let file = TestPaths.root.appendingPathComponent("Tests/Golden/\(page.golden).json")
        if ProcessInfo.processInfo.environment["GRAYWATCH_RECORD_GOLDEN"] == "1" {
            try actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(file.lastPathComponent): review the diff, then run again without GRAYWATCH_RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(page.golden) differs from its golden file; re-record only if the change is intended")
    }

    @Test func everyGoldenFileHasAPage() throws {
        let names = Set(Self.pages().map { $0.golden + ".json" })
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.root.appendingPathComponent("Tests/Golden").path)
        #expect(Set(files.filter { $0.hasSuffix(".json") }).subtracting(names).isEmpty, "stale golden files")
        #expect(names.count >= 33)
    }
}

/// samples/pages/expected.csv: what each own page written in a real marketplace's markup must yield.
enum ExpectedPages {
    static func rows(_ name: String = "expected.csv") -> [[String: String]] {
        guard let text = try? String(contentsOf: TestPaths.pages.appendingPathComponent(name), encoding: .utf8) else { return [] }
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = CSVLine.fields(lines.removeFirst())
        return lines.map { line in
            Dictionary(zip(header, CSVLine.fields(line)).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
        }
    }
}
