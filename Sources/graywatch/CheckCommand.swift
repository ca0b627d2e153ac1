import ArgumentParser
import Foundation
import GraywatchCore
import GraywatchFetch
import GraywatchScan
import GraywatchStore
import GraywatchRules

/// `graywatch check`: extract and score one page without storing it — why is (or isn't) it flagged?
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Extract and score one page without storing it: findings with evidence, score, categories, verdict.",
        discussion: """
            With --db, market medians and serial clones come from that store (read only).
            Example: graywatch check saved-item.html --url https://tradewell.example/itm/310000000001 --format json
            """)

    @Argument(help: "An HTML file or an http(s) URL.")
    var input: String

    @Option(help: "The URL a file was fetched from (picks the site adapter).")
    var url: String?

    @Option(help: "A store to take market context from (read only).")
    var db: String?

    @Option(help: "text or json.")
    var format: String = "text"

    @OptionGroup var rules: RulesOptions

    func validate() throws {
        guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
    }

    func run() async throws {
        let (ruleSet, catalog) = try rules.load()
        let store = try db.map { path -> Store in
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError.runtime("no store at \(path)") }
            return try StoreOptions.parse(["--db", path]).open()
        }
        let checker = PageChecker(adapters: try rules.adapters(), catalog: catalog, rules: ruleSet, store: store)
        let (html, pageURL) = try await PageInput.load(input, url: url)
        let verdict = try wrap { try checker.check(html: html, url: pageURL) }
        if format == "json" {
            print(try JSONOutput.string(VerdictJSON(verdict, rules: ruleSet)))
            return
        }
        print("\(verdict.flagged ? "FLAGGED" : "not flagged"): score \(verdict.assessment.score) (threshold \(ruleSet.threshold)), \(verdict.pageKind) page")
        if let listing = verdict.listing {
            print("Title: \(LogSafe.text(listing.title))")
            print("Price: \(listing.price?.description ?? "-")   Condition: \(listing.condition.rawValue)   SKUs: \(listing.skus.joined(separator: ", "))")
            if let reference = verdict.market.referencePrice { print("Reference: \(reference.price) (\(reference.source.rawValue), \(reference.sampleCount) sample(s))") }
        }
        let categories = verdict.assessment.rankedCategories.map(\.rawValue)
        print("Categories: \(categories.isEmpty ? "-" : categories.joined(separator: ", "))")
        for finding in verdict.assessment.findings {
            print("  \(finding.ruleID) [\(finding.category.rawValue), +\(finding.weight)] \(ruleSet.rule(finding.ruleID)?.title ?? "")")
            for evidence in finding.evidence {
                print("      \(evidence.field): \"\(LogSafe.text(evidence.text, limit: 120))\"" + (evidence.note.map { " — \(LogSafe.text($0))" } ?? ""))
            }
        }
    }
}

/// The JSON `check --format json` prints.
struct VerdictJSON: Encodable {
    struct FindingJSON: Encodable {
        var rule: String
        var title: String
        var category: String
        var weight: Int
        var enforcement: String?
        var evidence: [Evidence]
    }

    var url: String
    var page_kind: String
    var title: String?
    var flagged: Bool
    var score: Int
    var threshold: Int
    var categories: [String]
    var findings: [FindingJSON]

    init(_ verdict: PageChecker.Verdict, rules: GraywatchRules.RuleSet) {
        url = verdict.url
        page_kind = verdict.pageKind
        title = verdict.listing?.title
        flagged = verdict.flagged
        score = verdict.assessment.score
        threshold = rules.threshold
        categories = verdict.assessment.rankedCategories.map(\.rawValue)
        findings = verdict.assessment.findings.map {
            FindingJSON(rule: $0.ruleID, title: rules.rule($0.ruleID)?.title ?? $0.ruleID, category: $0.category.rawValue,
                        weight: $0.weight, enforcement: rules.rule($0.ruleID)?.enforcement, evidence: $0.evidence)
        }
    }
}

/// Reads a page from a file (as fetched from `url`) or fetches it.
enum PageInput {
    static func load(_ input: String, url: String?) async throws -> (String, String) {
        let lower = input.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            do {
                let page = try await Fetcher().fetch(input)
                guard page.isSuccess else { throw CLIError.runtime("\(input): HTTP status \(page.status)") }
                return (page.text, page.finalURL)
            } catch let error as FetchError {
                throw CLIError.runtime("\(error)")
            }
        }
        guard let data = FileManager.default.contents(atPath: input) else { throw CLIError.runtime("cannot read \(input)") }
        return (TextDecoder.decode(data, contentType: nil), url ?? URL(fileURLWithPath: input).absoluteString)
    }
}
