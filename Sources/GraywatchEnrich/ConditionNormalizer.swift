import GraywatchCore

/// Maps a site's condition wording to ``Condition``.
public enum ConditionNormalizer {
    /// Ordered: the first matching phrase decides ("New other" before "New", "refurbished" before "new").
    static let phrases: [(String, Condition)] = [
        ("for parts", .forParts), ("not working", .forParts), ("parts only", .forParts), ("defective", .forParts),
        ("manufacturer refurbished", .manufacturerRefurbished), ("certified refurbished", .manufacturerRefurbished),
        ("refurbished", .sellerRefurbished), ("remanufactured", .sellerRefurbished),
        ("new other", .newOther), ("open box", .newOther), ("new without", .newOther), ("new with defects", .newOther),
        ("pre-owned", .used), ("preowned", .used), ("used", .used),
        ("brand new", .new), ("new", .new),
    ]

    public static func normalize(_ raw: String?) -> Condition {
        guard let raw else { return .unknown }
        let text = raw.lowercased()
        for (phrase, condition) in phrases where text.contains(phrase) { return condition }
        return .unknown
    }
}
