import GraywatchCore

/// Decides whether a listing presents the item itself as a Juniper product (labeling policy: "Juniper-presented").
///
/// Juniper-presented: the brand field says Juniper; or no real other brand is named and either the MPN is a
/// catalog part number or the title names Juniper other than as "compatible with / for Juniper".
public enum Presentation {
    static let noBrand: Set<String> = ["", "unbranded", "generic", "oem", "n/a", "na", "none", "does not apply", "unknown"]

    /// Item-specifics labels under which sites give the item's own part number.
    static let partNumberLabels = ["MPN", "Manufacturer Part Number", "Part Number", "Item model number", "Model Number", "Model"]
    /// Signs that the item is documentation or training about Juniper, not a Juniper product.
    static let documentationLabels = ["Publisher", "ISBN-10", "ISBN-13", "ISBN", "Author", "Paperback", "Hardcover", "Print length"]
    static let documentationTitleWords = ["book", "paperback", "hardcover", "kindle edition", "ebook", "e-book", "course",
                                          "exam prep", "study guide", "training", "workbook", "textbook"]

    public static func juniperClaim(for listing: Listing, catalog: Catalog) -> Claim? {
        // The title as " word word … " so a phrase is found whole with a plain substring search.
        let words = " " + listing.title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
            .joined(separator: " ") + " "
        if documentationLabels.contains(where: { listing.specific($0) != nil })
            || documentationTitleWords.contains(where: { words.contains(" \($0) ") })
        {
            return nil
        }
        let brand = (listing.specific("Brand") ?? listing.specific("Brand Name") ?? listing.brand)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        if brand.lowercased().contains("juniper") {
            return Claim(kind: .authenticity, value: "juniper-presented", text: "Brand: \(brand)")
        }
        guard noBrand.contains(brand.lowercased()) else { return nil }
        let partNumbers = partNumberLabels.compactMap { label in listing.specific(label).map { (label, $0) } }
            + (listing.mpn.map { [("MPN", $0)] } ?? [])
        if let (label, mpn) = partNumbers.first(where: { catalog.entry(matching: $0.1) != nil }) {
            return Claim(kind: .authenticity, value: "juniper-presented", text: "\(label): \(mpn)")
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
