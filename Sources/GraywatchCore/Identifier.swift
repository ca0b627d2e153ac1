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
    /// What suffixes or the shape say about the item, as `key:value` ("airflow:front-to-back", "power:dc",
    /// "compliance:taa", "spare", "bundle", "alias-of:EX4300-48T", "serial-shape:chassis").
    public var qualifiers: [String]

    public init(kind: Kind, raw: String, normalized: String, family: String? = nil, span: TextSpan,
                qualifiers: [String] = []) {
        self.kind = kind
        self.raw = raw
        self.normalized = normalized
        self.family = family
        self.span = span
        self.qualifiers = qualifiers
    }

    private enum CodingKeys: String, CodingKey { case kind, raw, normalized, family, span, qualifiers }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        raw = try container.decode(String.self, forKey: .raw)
        normalized = try container.decode(String.self, forKey: .normalized)
        family = try container.decodeIfPresent(String.self, forKey: .family)
        span = try container.decode(TextSpan.self, forKey: .span)
        qualifiers = try container.decodeIfPresent([String].self, forKey: .qualifiers) ?? []
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
