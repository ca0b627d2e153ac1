/// The threat categories a finding can belong to (from the labeling policy).
public enum Category: String, Sendable, Codable, CaseIterable, Comparable {
    case counterfeit
    case stolenOrDiverted = "stolen-or-diverted"
    case usedAsNew = "used-as-new"
    case damaged
    case warrantyOrLicense = "warranty-or-license"
    case unauthorizedChannel = "unauthorized-channel"

    public static func < (lhs: Category, rhs: Category) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A rule that fired on a listing, with the evidence that made it fire.
public struct Finding: Sendable, Codable, Equatable {
    public var ruleID: String
    public var category: Category
    public var weight: Int
    public var evidence: [Evidence]

    public init(ruleID: String, category: Category, weight: Int, evidence: [Evidence]) {
        self.ruleID = ruleID
        self.category = category
        self.weight = weight
        self.evidence = evidence
    }
}

/// One piece of evidence: which field, which span, the text that triggered the rule, and why.
public struct Evidence: Sendable, Codable, Equatable {
    /// A listing field name (`title`, `description`, ...) or a derived value (`price`, `quantity`).
    public var field: String
    public var span: TextSpan?
    /// The text that matched, exactly as the listing wrote it.
    public var text: String
    /// The surrounding text, for reading the match in context.
    public var context: String?
    /// How the value was judged (e.g. the reference price it was compared with).
    public var note: String?

    public init(field: String, span: TextSpan? = nil, text: String, context: String? = nil, note: String? = nil) {
        self.field = field
        self.span = span
        self.text = text
        self.context = context
        self.note = note
    }
}

/// A listing's score and the findings behind it.
public struct Assessment: Sendable, Codable, Equatable {
    public var score: Int
    public var findings: [Finding]

    public init(findings: [Finding]) {
        self.findings = findings
        self.score = findings.reduce(0) { $0 + $1.weight }
    }

    /// Categories ranked by the total weight of their findings, highest first (ties by name).
    public var rankedCategories: [Category] {
        var totals: [Category: Int] = [:]
        for finding in findings { totals[finding.category, default: 0] += finding.weight }
        return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}
