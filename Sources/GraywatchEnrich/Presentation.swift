import GraywatchCore

/// Decides whether a listing presents the item itself as a Juniper product (labeling policy: "Juniper-presented").
///
/// Juniper-presented: the brand field says Juniper; or no real other brand is named and either the MPN is a
/// catalog part number or the title names Juniper other than as "compatible with / for Juniper".
public enum Presentation {
    static let noBrand: Set<String> = ["", "unbranded", "generic", "oem", "n/a", "na", "none", "does not apply", "unknown"]

    public static func juniperClaim(for listing: Listing, catalog: Catalog) -> Claim? {
        let brand = listing.specific("Brand")?.trimmingCharacters(in: .whitespaces) ?? ""
        if brand.lowercased().contains("juniper") {
            return Claim(kind: .authenticity, value: "juniper-presented", text: "Brand: \(brand)")
        }
        guard noBrand.contains(brand.lowercased()) else { return nil }
        if let mpn = listing.specific("MPN"), catalog.entry(matching: mpn) != nil {
            return Claim(kind: .authenticity, value: "juniper-presented", text: "MPN: \(mpn)")
        }
        let title = listing.title.lowercased()
        let onlyCompatible = ["compatible with juniper", "for juniper", "fits juniper", "juniper compatible"]
            .contains { title.contains($0) }
        if title.contains("juniper"), !onlyCompatible {
            return Claim(kind: .authenticity, value: "juniper-presented", text: listing.title)
        }
        return nil
    }
}
