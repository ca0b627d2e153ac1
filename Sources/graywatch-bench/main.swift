import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchFetch
import GraywatchParse
import GraywatchRules

/// `graywatch-bench rules --count N [--root DIR] [--seconds S]`: per-page time of extract + enrich + score with
/// the shipped rules plus generated ones, over the sample marketplace's item pages. Prints one line of figures.
/// `graywatch-bench queue-scale --db PATH --count N [--runs R] [--probe K]`: the review queue's list query over N items
/// (QueueScale.swift). Prints a Markdown table.
/// `graywatch-bench pipeline --pages DIR --url-prefix URL`: libxml2's parse against the whole per-page work
/// (PipelineFloor.swift).
let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: String) -> String {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return arguments[index + 1]
}
if arguments.dropFirst().first == "pipeline" {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    try PipelineFloor(pages: URL(fileURLWithPath: option("--pages", "bench/.data/market-3000/itm")),
                      urlPrefix: option("--url-prefix", "http://127.0.0.1:8089/itm/"),
                      rules: URL(fileURLWithPath: option("--rules", root.appendingPathComponent("rules").path)),
                      seconds: Double(option("--seconds", "5")) ?? 5, limit: Int(option("--limit", "500")) ?? 500,
                      passes: Int(option("--passes", "")), only: option("--only", "full")).run()
    exit(0)
}
if arguments.dropFirst().first == "xpaths" {
    try XPathTimes.run(page: option("--page", ""), file: option("--file", ""))
    exit(0)
}
if arguments.dropFirst().first == "queue-scale" {
    let items = Int(option("--count", "1000000")) ?? 1_000_000
    try QueueScale(path: option("--db", "bench/.data/queue-scale.sqlite"), count: items,
                   runs: Int(option("--runs", "21")) ?? 21, probe: Int(option("--probe", "500")) ?? 500).run()
    exit(0)
}
let count = Int(option("--count", "10")) ?? 10
let root = URL(fileURLWithPath: option("--root", FileManager.default.currentDirectoryPath))
let seconds = Double(option("--seconds", "3")) ?? 3

let catalog = try Catalog.load(directory: root.appendingPathComponent("rules/catalog"))
let enricher = Enricher(catalog: catalog)
let extractor = Extractor(adapters: try AdapterSet.load(directory: root.appendingPathComponent("rules/sites")))
let shipped = try RuleSet.load(directory: root.appendingPathComponent("rules"))

/// Rules like the shipped ones: phrase lists over the text fields, a condition, a regex now and then.
func generatedRules(_ count: Int) throws -> RuleSet {
    let words = ["sealed", "lot", "bulk", "warranty", "license", "genuine", "export", "refurb", "pulled", "tested",
                 "original", "replica", "authorized", "partner", "certified", "wholesale", "transferable", "lifetime",
                 "spare", "unused", "boxed", "clone", "copy", "grade", "oem", "surplus", "liquidation", "reseller"]
    var yaml = "rules:\n"
    var generator = SystemRandomNumberGenerator()
    for index in 0..<count {
        let phrases = (0..<8).map { _ in "\(words.randomElement(using: &generator)!) \(words.randomElement(using: &generator)!)" }
        let quoted = phrases.map { "\"\($0)\"" }.joined(separator: ", ")
        yaml += "  - id: generated-\(index)\n    description: generated for the benchmark\n    category: counterfeit\n"
        yaml += "    weight: 1\n    when:\n      juniper_presented: true\n      any:\n"
        yaml += "        - phrases: {any: [\(quoted)]}\n        - condition: [for-parts]\n"
        if index % 10 == 0 { yaml += "        - regex: {fields: [title], pattern: '\\bx\(index)y\\b'}\n" }
    }
    var set = shipped
    if count > 0 { try set.add(yaml: yaml, file: "generated.yml") }
    return set
}

let pages = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("samples/marketplace/itm").path)
    .filter { $0.hasSuffix(".html") }.sorted()
    .map { name -> (String, String) in
        let data = try Data(contentsOf: root.appendingPathComponent("samples/marketplace/itm/\(name)"))
        return (TextDecoder.decode(data, contentType: nil), "https://tradewell.example/itm/\(name.dropLast(5))")
    }
let rules = try generatedRules(max(0, count - shipped.rules.count))
let market = MarketContext()

var processed = 0
var scoringTime = 0.0
let started = Date()
while Date().timeIntervalSince(started) < seconds {
    for (html, url) in pages {
        let document = try HTMLDocument(html: html, url: url)
        guard case .item(let raw) = try extractor.extract(document, url: url) else { continue }
        let listing = enricher.enrich(raw)
        let scoreStart = Date()
        _ = rules.assess(listing, context: market)
        scoringTime += Date().timeIntervalSince(scoreStart)
        processed += 1
    }
}
let elapsed = Date().timeIntervalSince(started)
print(String(format: "rules=%d pages=%d per_page_ms=%.3f scoring_per_page_ms=%.3f", rules.rules.count, processed,
             elapsed / Double(processed) * 1000, scoringTime / Double(processed) * 1000))
