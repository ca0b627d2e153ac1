/// Something the listing asserts about the item, with the text it came from.
public struct Claim: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case condition, warranty, license, authenticity, channel, region
    }

    public var kind: Kind
    /// A short normalized value, e.g. `juniper-presented`, `manufacturer-warranty`.
    public var value: String
    public var text: String
    public var span: TextSpan?

    public init(kind: Kind, value: String, text: String, span: TextSpan? = nil) {
        self.kind = kind
        self.value = value
        self.text = text
        self.span = span
    }
}
