import Foundation
import GraywatchCore

/// One detection rule, as written by analysts in `rules/*.yml`.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var description: String
    public var category: Category
    public var weight: Int
    public var condition: RuleCondition
    /// Where the rule is defined, for messages.
    public var location: SourceLocation
    /// The reason to give in a takedown request when a finding of this rule is confirmed.
    public var enforcement: String?
    /// A helper rule: other rules may use it (`rule.<id>`), but it never scores and never shows as a finding.
    public var isPrivate: Bool
    /// Listings the rule must match and must not match, run by `graywatch rules test`.
    public var examples: [RuleExample]

    public init(
        id: String, title: String, description: String, category: Category, weight: Int, condition: RuleCondition,
        location: SourceLocation, enforcement: String? = nil, isPrivate: Bool = false, examples: [RuleExample] = []
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.category = category
        self.weight = weight
        self.condition = condition
        self.location = location
        self.enforcement = enforcement
        self.isPrivate = isPrivate
        self.examples = examples
    }

    /// The ids of the rules this rule's condition refers to (meta rules).
    public var references: [String] { condition.ruleReferences }
}

/// A listing a rule's own test says it must (or must not) match: a small map of fields, as written.
public struct RuleExample: Sendable {
    public var mustMatch: Bool
    /// Field name → value as text (title, description, condition, price, reference, list_price, quantity, …).
    public var fields: [String: String]
    /// Item specifics label → value.
    public var specifics: [String: String]
    public var location: SourceLocation

    public init(mustMatch: Bool, fields: [String: String], specifics: [String: String], location: SourceLocation) {
        self.mustMatch = mustMatch
        self.fields = fields
        self.specifics = specifics
        self.location = location
    }
}


/// A rule's condition: selections combined with all / any / not.
public indirect enum RuleCondition: Sendable {
    case all([RuleCondition])
    case any([RuleCondition])
    case not(RuleCondition)
    /// The listing presents the item as a Juniper product (or, with `false`, does not).
    case juniperPresented(Bool)
    /// The normalized condition is one of these.
    case condition(Set<Condition>)
    /// Any of the phrases occurs in any of the fields: word-bounded, case-insensitive, and not negated
    /// ("no", "not", "without", "never" … within three words before it).
    case phrases(fields: [ListingField], phrases: [Phrase])
    /// The regular expression matches in any of the fields (case-insensitive).
    case regex(fields: [ListingField], pattern: RegexPattern)
    /// Price divided by the reference price is below this ratio (never true without a reference).
    case priceRatioBelow(Double)
    /// Available quantity is at least this.
    case quantityAtLeast(Int)
    /// The listing names (or, with `false`, names no) catalog part number.
    case hasSKU(Bool)
    /// At least `n` of the parts hold.
    case nOf(Int, [RuleCondition])
    /// Another rule (often a private helper) fired on this listing.
    case rule(String)
    /// Price divided by the catalog list price is below this ratio.
    case listPriceRatioBelow(Double)
    /// Price divided by the market median is below this ratio.
    case marketRatioBelow(Double)
    /// Price divided by the median of new units (or the list price) is at least this ratio: priced like a working new unit.
    case newPriceRatioAtLeast(Double)
    /// The seller's feedback count is below this.
    case sellerFeedbackBelow(Int)
    /// The seller's positive-feedback percentage is below this.
    case sellerFeedbackPercentBelow(Double)
    /// The seller's account is younger than this many days (when the page says when it opened).
    case sellerAgeDaysBelow(Int)
    /// The seller / ship-from location names one of these countries or places (names or ISO codes, word-bounded).
    case locationIn([String])
    /// The listing makes a claim of this kind, with one of these values (any value when empty).
    case claim(kind: Claim.Kind, values: Set<String>)
    /// A catalog SKU of one of these families.
    case skuFamilyIn(Set<String>)
    /// A catalog SKU that is end of sale.
    case endOfSale
    /// A serial number whose shape fits no Juniper product.
    case serialShapeInvalid
    /// A serial number this listing shows is also shown by another listing (a serial clone).
    case serialSeenElsewhere
}

/// A phrase prepared once when the rules load: lower-cased scalars, so evaluation does no conversion.
public struct Phrase: Sendable, Equatable {
    public let text: String
    let scalars: [Unicode.Scalar]
    /// The phrase's first word, looked up in a field's word index (nil when the phrase starts with punctuation).
    let firstWord: String?

    public init(_ text: String) {
        self.text = text.lowercased()
        self.scalars = Array(self.text.unicodeScalars).map(PhraseMatcher.lower)
        let word = scalars.prefix { PhraseMatcher.isWord($0) }
        self.firstWord = word.isEmpty ? nil : PhraseMatcher.string(word[...])
    }
}

/// A regular expression compiled once when the rules load, with a whole word it cannot match without (when the
/// pattern has one between `\b`s): fields without that word are skipped without running the expression.
public struct RegexPattern: @unchecked Sendable, Equatable {
    public let pattern: String
    let expression: NSRegularExpression
    let requiredWord: String?

    public init(_ pattern: String) throws {
        self.pattern = pattern
        self.expression = try NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        self.requiredWord = RegexPattern.requiredWord(in: pattern)
    }

    public static func == (lhs: RegexPattern, rhs: RegexPattern) -> Bool { lhs.pattern == rhs.pattern }

    /// A literal word the pattern must match: `\bword\b` at the top level of a pattern with no alternation.
    static func requiredWord(in pattern: String) -> String? {
        guard !pattern.contains("|"), let start = pattern.range(of: "\\b") else { return nil }
        let rest = pattern[start.upperBound...]
        let word = rest.prefix { $0.isLetter || $0.isNumber }
        guard word.count >= 2, rest.dropFirst(word.count).hasPrefix("\\b") else { return nil }
        return word.lowercased()
    }
}

extension RuleCondition {
    /// Phrases, longest first (so a longer phrase claims its text before a shorter one inside it).
    public static func phrases(fields: [ListingField], texts: [String]) -> RuleCondition {
        .phrases(fields: fields, phrases: texts.map(Phrase.init).sorted { $0.scalars.count > $1.scalars.count })
    }

    /// Rule ids referred to with `rule: <id>` anywhere in the condition.
    public var ruleReferences: [String] {
        switch self {
        case .rule(let id): return [id]
        case .all(let parts), .any(let parts), .nOf(_, let parts): return parts.flatMap(\.ruleReferences)
        case .not(let inner): return inner.ruleReferences
        default: return []
        }
    }
}
