import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchParse

extension AdapterExtractor {
    /// Builds the listing an item page shows, from the rule's fields.
    func listing(_ rule: PageRule, marketplace: String) throws(ExtractError) -> Listing {
        let fields = rule.fields
        guard let title = value(fields["title"]), !title.isEmpty else { throw .missingField(url: url, field: "title") }
        let canonical = URLTools.strippingQuery(url)
        var listing = Listing(
            marketplace: marketplace, listingID: value(fields["listing_id"]) ?? ItemFields.fallbackID(canonical),
            url: canonical, title: title)
        listing.price = price(fields)
        listing.conditionRaw = value(fields["condition"])
        listing.quantityAvailable = value(fields["quantity"]).flatMap(ItemFields.quantity)
        listing.availability = value(fields["availability"]).flatMap(ItemFields.availability)
        listing.seller = Seller(
            name: value(fields["seller_name"]),
            feedbackScore: value(fields["seller_feedback"]).flatMap { Int($0.filter(\.isNumber)) },
            location: value(fields["seller_location"]),
            feedbackPercent: value(fields["seller_feedback_percent"]).flatMap { ItemFields.percent($0) },
            memberSince: value(fields["seller_member_since"]).flatMap(ItemFields.memberSince))
        listing.specifics = specifics(rule.specifics).map { Specific(label: $0.0, value: $0.1) }
        listing.description = value(fields["description"], multiline: true) ?? ""
        listing.brand = value(fields["brand"]) ?? listing.specific("Brand")
        listing.mpn = value(fields["mpn"]) ?? listing.specific("MPN")
        listing.siteSKU = value(fields["sku"])
        listing.gtin = ((value(fields["gtin"]).map { [$0] } ?? []) + ["GTIN", "EAN", "UPC", "ISBN-13"].compactMap(listing.specific))
            .map { $0.filter { $0 != "-" } }
            .first { $0.count >= 8 && $0.count <= 14 && $0.allSatisfy(\.isNumber) }
        listing.imageURLs = (fields["images"] ?? []).flatMap { values($0) }.compactMap { URLTools.resolve($0, against: url) }
        return listing
    }

    /// Machine-readable amount + currency first, then the displayed price text.
    private func price(_ fields: [String: [FieldSelector]]) -> Price? {
        let currency = value(fields["currency"])
        if let amount = value(fields["price"]) {
            if let code = currency ?? adapter.currency, let price = PriceParser.parse(amount: amount, currency: code) {
                return price
            }
            if let price = PriceParser.parse(amount, hint: currency, decimalSeparator: adapter.decimalSeparator,
                                             defaultCurrency: adapter.currency) {
                return price
            }
        }
        return value(fields["price_text"]).flatMap {
            PriceParser.parse($0, hint: currency, decimalSeparator: adapter.decimalSeparator, defaultCurrency: adapter.currency)
        }
    }
}

/// Field conversions shared by the adapter and generic extractors.
enum ItemFields {
    /// "12 available" → 12, "More than 10 available" → 10, "Last one" → 1, "Only 3 left in stock" → 3.
    static func quantity(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.contains("last one") { return 1 }
        guard let range = lower.range(of: #"\d[\d,.]*"#, options: .regularExpression) else { return nil }
        return Int(lower[range].filter(\.isNumber))
    }

    /// "99.6% Positive feedback" → 99.6.
    static func percent(_ text: String) -> Double? {
        guard let range = text.range(of: #"\d{1,3}([.,]\d+)?(?=\s*%)"#, options: .regularExpression) else { return nil }
        return Double(text[range].replacingOccurrences(of: ",", with: "."))
    }

    /// "Member since: Mar 2019" / "Member since 12 March 2019" / "2019-03-12" → "2019-03-01" style ISO date.
    static func memberSince(_ text: String) -> String? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let lower = text.lowercased()
        if let range = lower.range(of: #"\d{4}-\d{2}-\d{2}"#, options: .regularExpression) { return String(lower[range]) }
        guard let yearRange = lower.range(of: #"(19|20)\d{2}"#, options: .regularExpression) else { return nil }
        let month = months.firstIndex { lower.contains($0) }.map { $0 + 1 } ?? 1
        return "\(lower[yearRange])-\(month < 10 ? "0" : "")\(month)-01"
    }

    /// schema.org availability in short form from a URL ("https://schema.org/InStock") or page text.
    static func availability(_ text: String) -> String? {
        let lower = text.lowercased().replacingOccurrences(of: " ", with: "")
        if lower.hasSuffix("outofstock") || lower.contains("outofstock") || lower.contains("soldout")
            || lower.contains("currentlyunavailable") || lower.contains("nolongeravailable") { return "OutOfStock" }
        if lower.contains("instock") || lower.contains("available") || lower.contains("lieferbar") { return "InStock" }
        if lower.contains("preorder") { return "PreOrder" }
        if lower.contains("discontinued") { return "Discontinued" }
        return nil
    }

    /// The marketplace's item number: the last long numeric path segment, else the last segment.
    static func fallbackID(_ canonical: String) -> String {
        let segments = URLTools.path(canonical).split(separator: "/").map(String.init)
        if let number = segments.last(where: { $0.count >= 6 && $0.allSatisfy(\.isNumber) }) { return number }
        return segments.last ?? canonical
    }
}
