import Foundation
import GraywatchCore
import GraywatchRules
import GraywatchStore

/// One row of a labels file: what the labeling policy says about one item page.
public struct LabeledPage: Sendable {
    public var path: String
    public var skus: [String]
    public var condition: String
    public var flagged: Bool
    public var categories: Set<String>

    /// Reads `path,skus,condition,flagged,categories,note` (RFC 4180 quoting in the note).
    public static func load(_ file: URL) throws -> [LabeledPage] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5 else { return nil }
            return LabeledPage(path: fields[0], skus: fields[1].split(separator: ";").map(String.init), condition: fields[2],
                               flagged: fields[3] == "yes", categories: Set(fields[4].split(separator: ";").map(String.init)))
        }
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

    /// Compares the store's findings for each labeled page (listing id = the path's last segment) with its label.
    public static func compute(labels: [LabeledPage], marketplace: String, store: Store, rules ruleSet: RuleSet) throws -> Evaluation {
        var evaluation = Evaluation()
        var perRule: [String: RuleStats] = Dictionary(uniqueKeysWithValues: ruleSet.rules.filter { !$0.isPrivate }.map { ($0.id, RuleStats(ruleID: $0.id)) })
        for label in labels {
            let id = String(label.path.split(separator: "/").last ?? "")
            guard let ref = try store.listingRef(marketplace: marketplace, listingID: id) else {
                evaluation.missing.append(label.path)
                continue
            }
            evaluation.pages += 1
            let findings = try store.findings(listingRef: ref)
            let score = findings.reduce(0) { $0 + $1.weight }
            let flagged = score >= ruleSet.threshold && !findings.isEmpty
            for finding in findings {
                if label.flagged { perRule[finding.ruleID, default: RuleStats(ruleID: finding.ruleID)].hitsOnFlagged += 1 }
                else { perRule[finding.ruleID, default: RuleStats(ruleID: finding.ruleID)].hitsOnClean += 1 }
            }
            switch (label.flagged, flagged) {
            case (true, true): evaluation.flag.truePositives += 1
            case (false, true): evaluation.flag.falsePositives += 1
            case (true, false): evaluation.flag.falseNegatives += 1
            case (false, false): evaluation.flag.trueNegatives += 1
            }
            let found = Set(flagged ? findings.map(\.category) : [])
            if label.flagged != flagged || (flagged && found != label.categories) {
                evaluation.mistakes.append((label.path, label.flagged ? label.categories.sorted().joined(separator: ";") : "clean",
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
