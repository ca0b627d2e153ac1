/// A product identifier found in a listing, with the text span it came from.
public struct Identifier: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case sku, serial, clei, assembly
    }

    public var kind: Kind
    /// The text exactly as the page wrote it ("ex4300 48t").
    public var raw: String
    /// The canonical form ("EX4300-48T").
    public var normalized: String
    /// The catalog family, when the identifier is a known part number ("EX4300").
    public var family: String?
    /// Where in the listing it was found.
    public var span: TextSpan

    public init(kind: Kind, raw: String, normalized: String, family: String? = nil, span: TextSpan) {
        self.kind = kind
        self.raw = raw
        self.normalized = normalized
        self.family = family
        self.span = span
    }
}

/// A range of characters in one field of a listing, kept as evidence.
public struct TextSpan: Sendable, Codable, Equatable {
    public var field: ListingField
    /// Offset in Unicode scalars (characters as counted by most tools) from the start of the field.
    public var start: Int
    public var length: Int

    public init(field: ListingField, start: Int, length: Int) {
        self.field = field
        self.start = start
        self.length = length
    }
}
