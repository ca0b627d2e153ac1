import GraywatchCore

/// The rules in force and the score at which a listing enters the review queue.
public struct RuleSet: Sendable {
    public var rules: [Rule] {
        didSet { order = RuleSet.evaluationOrder(rules) }
    }
    /// A listing whose score reaches this enters the queue.
    public var threshold: Int
    /// Rule indices in an order where every rule comes after the rules it refers to.
    private var order: [Int]

    public static let defaultThreshold = 50

    public init(rules: [Rule], threshold: Int = RuleSet.defaultThreshold) {
        self.rules = rules
        self.threshold = threshold
        self.order = RuleSet.evaluationOrder(rules)
    }

    /// Step 6 of the pipeline: every non-private rule that fires becomes a finding; the score is the sum of their weights.
    public func assess(_ listing: Listing, context: MarketContext) -> Assessment {
        let hits = evidence(listing, context: context)
        let findings = rules.compactMap { rule -> Finding? in
            guard !rule.isPrivate, let evidence = hits[rule.id] else { return nil }
            return Finding(ruleID: rule.id, category: rule.category, weight: rule.weight, evidence: evidence)
        }
        return Assessment(findings: findings)
    }

    /// The ids of the rules (private ones included) that fire on a listing.
    public func hits(_ listing: Listing, context: MarketContext) -> Set<String> {
        Set(evidence(listing, context: context).keys)
    }

    /// Every rule that fires (helpers first, so meta rules see them), with its evidence.
    private func evidence(_ listing: Listing, context: MarketContext) -> [String: [Evidence]] {
        var input = RuleInput(listing: listing, market: context)
        for index in order {
            let rule = rules[index]
            if let evidence = rule.condition.evaluate(input) { input.hits[rule.id] = evidence }
        }
        return input.hits
    }

    /// True when the assessment's score reaches the threshold.
    public func flags(_ assessment: Assessment) -> Bool {
        assessment.score >= threshold && !assessment.findings.isEmpty
    }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    /// Depth-first order over `rule:` references (cycles are reported by lint; here they are simply cut).
    static func evaluationOrder(_ rules: [Rule]) -> [Int] {
        let byID = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var order: [Int] = []
        var state = [Int](repeating: 0, count: rules.count)  // 0 new, 1 visiting, 2 done
        func visit(_ index: Int) {
            guard state[index] == 0 else { return }
            state[index] = 1
            for reference in rules[index].references { if let dependency = byID[reference] { visit(dependency) } }
            state[index] = 2
            order.append(index)
        }
        rules.indices.forEach(visit)
        return order
    }
}
