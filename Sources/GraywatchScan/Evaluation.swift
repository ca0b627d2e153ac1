import Foundation
import GraywatchCore
import GraywatchRules
import GraywatchStore

/// One row of a labels file: what the labeling policy says about one item page.
public struct LabeledPage: Sendable {
    /// The URL path on the labeled marketplace, or (for a saved page) the URL it pretends to come from.
    public var path: String
    public var skus: [String]
    public var condition: String
    public var flagged: Bool
    public var categories: Set<String>
    /// A saved page (relative to the labels file), evaluated without a crawl; nil for marketplace pages.
    public var file: String?

    /// Reads `path,skus,condition,flagged,categories,note` (pages of the marketplace beside the file), or
    /// `file,url,skus,condition,flagged,categories,note` (saved pages in any marketplace's markup).
    public static func load(_ file: URL) throws -> [LabeledPage] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        let saved = lines.first?.hasPrefix("file,url,") == true
        return lines.dropFirst().compactMap { line in
            var fields = line.split(separator: ",", maxSplits: saved ? 6 : 5, omittingEmptySubsequences: false).map(String.init)
            let page = saved && fields.count >= 2 ? fields.removeFirst() : nil
            guard fields.count >= 5 else { return nil }
            return LabeledPage(path: fields[0], skus: fields[1].split(separator: ";").map(String.init), condition: fields[2],
                               flagged: fields[3] == "yes", categories: Set(fields[4].split(separator: ";").map(String.init)),
                               file: page)
        }
    }
}

/// What the pipeline decided about one labeled page.
public struct Observation: Sendable {
    public var label: LabeledPage
    /// Rule id, category and weight of each finding.
    public var findings: [(rule: String, category: String, weight: Int)]
    public var flagged: Bool

    public init(label: LabeledPage, findings: [(rule: String, category: String, weight: Int)], flagged: Bool) {
        self.label = label
        self.findings = findings
        self.flagged = flagged
    }
}

/// Detection quality over labeled pages: per rule, for the flag decision, and by category.
public struct Evaluation: Sendable {
    public struct RuleStats: Sendable {
        public var ruleID: String
        public var hitsOnFlagged = 0
        public var hitsOnClean = 0
        public var precision: Double? {
            hitsOnFlagged + hitsOnClean == 0 ? nil : Double(hitsOnFlagged) / Double(hitsOnFlagged + hitsOnClean)
        }
    }

    public struct Counts: Sendable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    }

    public var pages = 0
    public var missing: [String] = []
    public var rules: [RuleStats] = []
    public var flag = Counts()
    public var categories: [String: Counts] = [:]
    /// Labeled pages the decision got wrong: path, expected, found.
    public var mistakes: [(path: String, expected: String, found: String)] = []

    /// The observations of marketplace pages: the store's findings for each (listing id = the path's last segment).
    public static func observations(labels: [LabeledPage], marketplace: String, store: Store, rules ruleSet: RuleSet)
        throws -> (found: [Observation], missing: [String])
    {
        var found: [Observation] = []
        var missing: [String] = []
        for label in labels {
            let id = String(label.path.split(separator: "/").last ?? "")
            guard let ref = try store.listingRef(marketplace: marketplace, listingID: id) else {
                missing.append(label.path)
                continue
            }
            let findings = try store.findings(listingRef: ref)
            let score = findings.reduce(0) { $0 + $1.weight }
            found.append(Observation(label: label, findings: findings.map { ($0.ruleID, $0.category, $0.weight) },
                                     flagged: score >= ruleSet.threshold && !findings.isEmpty))
        }
        return (found, missing)
    }

    /// Per-rule hits and precision, the flag decision's confusion, and the confusion by category.
    public static func compute(_ observations: [Observation], missing: [String] = [], rules ruleSet: RuleSet) -> Evaluation {
        var evaluation = Evaluation()
        evaluation.missing = missing
        var perRule: [String: RuleStats] = Dictionary(uniqueKeysWithValues: ruleSet.rules.filter { !$0.isPrivate }.map { ($0.id, RuleStats(ruleID: $0.id)) })
        for observation in observations {
            let label = observation.label, flagged = observation.flagged, findings = observation.findings
            evaluation.pages += 1
            for finding in findings {
                if label.flagged { perRule[finding.rule, default: RuleStats(ruleID: finding.rule)].hitsOnFlagged += 1 }
                else { perRule[finding.rule, default: RuleStats(ruleID: finding.rule)].hitsOnClean += 1 }
            }
            switch (label.flagged, flagged) {
            case (true, true): evaluation.flag.truePositives += 1
            case (false, true): evaluation.flag.falsePositives += 1
            case (true, false): evaluation.flag.falseNegatives += 1
            case (false, false): evaluation.flag.trueNegatives += 1
            }
            let found = Set(flagged ? findings.map(\.category) : [])
            let name = label.file ?? label.path
            if label.flagged != flagged || (flagged && found != label.categories) {
                evaluation.mistakes.append((name, label.flagged ? label.categories.sorted().joined(separator: ";") : "clean",
                                            flagged ? found.sorted().joined(separator: ";") : "clean"))
            }
            for category in Category.allCases.map(\.rawValue) {
                let expected = label.categories.contains(category), got = found.contains(category)
                switch (expected, got) {
                case (true, true): evaluation.categories[category, default: Counts()].truePositives += 1
                case (false, true): evaluation.categories[category, default: Counts()].falsePositives += 1
                case (true, false): evaluation.categories[category, default: Counts()].falseNegatives += 1
                case (false, false): evaluation.categories[category, default: Counts()].trueNegatives += 1
                }
            }
        }
        evaluation.rules = perRule.values.sorted { $0.ruleID < $1.ruleID }
        return evaluation
    }
}
