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

    public init(
        id: String, title: String, description: String, category: Category, weight: Int, condition: RuleCondition,
        location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.category = category
        self.weight = weight
        self.condition = condition
        self.location = location
    }
}

/// A position in a rule file.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
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
    case phrases(fields: [ListingField], phrases: [String])
    /// The regular expression matches in any of the fields (case-insensitive).
    case regex(fields: [ListingField], pattern: String)
    /// Price divided by the reference price is below this ratio (never true without a reference).
    case priceRatioBelow(Double)
    /// Available quantity is at least this.
    case quantityAtLeast(Int)
    /// The listing names (or, with `false`, names no) catalog part number.
    case hasSKU(Bool)
}
