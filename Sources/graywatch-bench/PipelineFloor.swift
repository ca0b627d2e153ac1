import CLibXML2
import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchRules

/// `graywatch-bench pipeline --pages DIR --url-prefix URL [--rules DIR] [--seconds S] [--limit N]`: libxml2's own
/// parse of each page against graywatch's whole per-page work (decode, parse, extract, enrich, score), one thread,
/// in one process run, over the same pages. Prints a Markdown table and the ratio (target ≤ 1.25x).
struct PipelineFloor {
    var pages: URL
    var urlPrefix: String
    var rules: URL
    var seconds: Double
    var limit: Int
    /// With `passes`, only this many passes of `only` ("parse" or "full") and no timing.
    var passes: Int? = nil
    var only = "full"

    func run() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: pages.path)
            .filter { !$0.hasPrefix(".") }.sorted().prefix(limit)
        let bodies = try names.map { ($0, try Data(contentsOf: pages.appendingPathComponent($0))) }
        guard !bodies.isEmpty else { throw BenchError("no pages in \(pages.path)") }
        let catalog = try Catalog.load(directory: rules.appendingPathComponent("catalog"))
        let enricher = Enricher(catalog: catalog)
        let extractor = Extractor(adapters: try AdapterSet.load(directory: rules.appendingPathComponent("sites")))
        let ruleSet = try RuleSet.load(directory: rules)
        let market = MarketContext()
        let averageKB = Double(bodies.map(\.1.count).reduce(0, +)) / Double(bodies.count) / 1024

        if let passes {
            // Instruction counting (valgrind --tool=callgrind): exactly `passes` passes of one mode, nothing else.
            for _ in 0..<passes {
                for (name, body) in bodies {
                    if only == "parse" { Self.parseOnly(body) }
                    else { _ = try Self.pipeline(body, url: urlPrefix + name, extractor, enricher, ruleSet, market) }
                }
            }
            return
        }
        // Warm-up: one pass of each, so page faults and first-use costs are not counted.
        var items = 0
        for (name, body) in bodies {
            Self.parseOnly(body)
            if try Self.pipeline(body, url: urlPrefix + name, extractor, enricher, ruleSet, market) { items += 1 }
        }
        // Passes of the two alternate, so a machine whose speed drifts (shared cores) slows both alike.
        var floorTotal = 0.0, fullTotal = 0.0, rounds = 0
        repeat {
            floorTotal += try Self.timed(0) { for (_, body) in bodies { Self.parseOnly(body) } }
            fullTotal += try Self.timed(0) {
                for (name, body) in bodies { _ = try Self.pipeline(body, url: urlPrefix + name, extractor, enricher, ruleSet, market) }
            }
            rounds += 1
        } while floorTotal + fullTotal < 2 * seconds
        let floor = floorTotal / Double(rounds * bodies.count), full = fullTotal / Double(rounds * bodies.count)
        print("pages: \(bodies.count) (\(String(format: "%.0f", averageKB)) KB on average), item pages extracted: \(items), libxml2 \(LIBXML_DOTTED_VERSION)")
        print("| per page, one thread | ms | pages/s |\n| --- | ---: | ---: |")
        print(String(format: "| libxml2 parse only (htmlCtxtReadMemory + xmlFreeDoc) | %.3f | %.0f |", floor * 1000, 1 / floor))
        print(String(format: "| graywatch decode + parse + extract + enrich + score | %.3f | %.0f |", full * 1000, 1 / full))
        print(String(format: "ratio graywatch / parse floor: %.2fx (target ≤ 1.25x)", full / floor))
        var stages = [Double](repeating: 0, count: 5)
        var passes = 0
        let started = DispatchTime.now().uptimeNanoseconds
        repeat {
            for (name, body) in bodies {
                var clock = DispatchTime.now().uptimeNanoseconds
                func lap(_ stage: Int) {
                    let now = DispatchTime.now().uptimeNanoseconds
                    stages[stage] += Double(now - clock) / 1e6
                    clock = now
                }
                let text = TextDecoder.decode(body, contentType: "text/html"); lap(0)
                let document = try HTMLDocument(html: text, url: urlPrefix + name); lap(1)
                guard case .item(let raw) = try extractor.extract(document, url: urlPrefix + name) else { continue }
                lap(2)
                let listing = enricher.enrich(raw); lap(3)
                _ = ruleSet.assess(listing, context: market); lap(4)
            }
            passes += 1
        } while Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 < seconds
        let stageNames = ["charset decoding", "parse (script and style bodies left out)", "extract", "enrich", "score"]
        print("| stage | ms per page |\n| --- | ---: |")
        for (index, name) in stageNames.enumerated() {
            print(String(format: "| %@ | %.3f |", name, stages[index] / Double(passes * bodies.count)))
        }
    }

    /// The floor: libxml2 parsing the bytes as they came, with graywatch's options, and freeing the tree.
    static func parseOnly(_ body: Data) {
        body.withUnsafeBytes { raw in
            var report = gw_parse_report()
            let base = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            if let document = gw_html_parse(base, Int32(raw.count), "bench", &report) { xmlFreeDoc(document) }
        }
    }

    /// graywatch's work on one page after the fetch; true when it yielded a listing.
    static func pipeline(_ body: Data, url: String, _ extractor: Extractor, _ enricher: Enricher, _ rules: RuleSet,
                         _ market: MarketContext) throws -> Bool {
        let document = try HTMLDocument(html: TextDecoder.decode(body, contentType: "text/html"), url: url)
        guard case .item(let raw) = try extractor.extract(document, url: url) else { return false }
        _ = rules.assess(enricher.enrich(raw), context: market)
        return true
    }

    /// Runs `pass` repeatedly for about `seconds`; the mean wall time of one pass.
    static func timed(_ seconds: Double, _ pass: () throws -> Void) throws -> Double {
        var passes = 0
        let started = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            try pass()
            passes += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        } while elapsed < seconds
        return elapsed / Double(passes)
    }
}

/// A benchmark that cannot run, with why.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `graywatch-bench xpaths --page FILE --file XPATHS`: the time of each XPath (one per line) on one page.
struct XPathTimes {
    static func run(page: String, file: String) throws {
        let html = TextDecoder.decode(try Data(contentsOf: URL(fileURLWithPath: page)), contentType: "text/html")
        let document = try HTMLDocument(html: html, url: "http://127.0.0.1/itm/1")
        for xpath in try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n") {
            let started = DispatchTime.now().uptimeNanoseconds
            var count = 0
            for _ in 0..<20 { count = try document.select(String(xpath)).count }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 20 / 1e6
            print(String(format: "%.3f ms  %3d  %@", ms, count, String(xpath.prefix(150))))
        }
    }
}
