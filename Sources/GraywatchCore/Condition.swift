/// A listing's condition, normalized from the site's wording.
public enum Condition: String, Sendable, Codable, CaseIterable {
    /// Brand new, unopened.
    case new
    /// New but opened or without original packaging ("New other", "Open box").
    case newOther = "new-other"
    case used
    /// Refurbished by the seller or a third party.
    case sellerRefurbished = "seller-refurbished"
    /// Presented as refurbished by the manufacturer (which, on a marketplace, is itself a claim to check).
    case manufacturerRefurbished = "manufacturer-refurbished"
    /// For parts or not working.
    case forParts = "for-parts"
    case unknown

    /// True for the conditions that claim the unit was never used.
    public var claimsNew: Bool { self == .new }
}
