import GraywatchCore

/// The rules in force and the score at which a listing enters the review queue.
public struct RuleSet: Sendable {
    public var rules: [Rule]
    /// A listing whose score reaches this enters the queue.
    public var threshold: Int

    public static let defaultThreshold = 50

    public init(rules: [Rule], threshold: Int = RuleSet.defaultThreshold) {
        self.rules = rules
        self.threshold = threshold
    }

    /// Step 6 of the pipeline: every rule that fires becomes a finding; the score is the sum of their weights.
    public func assess(_ listing: Listing, context: MarketContext) -> Assessment {
        let findings = rules.compactMap { rule -> Finding? in
            guard let evidence = rule.condition.evaluate(listing, context) else { return nil }
            return Finding(ruleID: rule.id, category: rule.category, weight: rule.weight, evidence: evidence)
        }
        return Assessment(findings: findings)
    }

    /// True when the assessment's score reaches the threshold.
    public func flags(_ assessment: Assessment) -> Bool {
        assessment.score >= threshold && !assessment.findings.isEmpty
    }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
