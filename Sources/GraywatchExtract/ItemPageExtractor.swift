import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchParse

/// The fields of an eBay-style item page.
struct ItemPageExtractor {
    let document: HTMLDocument
    let url: String

    func listing(marketplace: String) throws(ExtractError) -> Listing {
        guard let title = title(), !title.isEmpty else { throw .missingField(url: url, field: "title") }
        let canonical = URLTools.strippingQuery(url)
        var listing = Listing(
            marketplace: marketplace, listingID: listingID(canonical), url: canonical, title: title)
        listing.price = price()
        listing.conditionRaw = text("//*[@id='vi-itm-cond']")
        listing.quantityAvailable = text("//*[@id='qtySubTxt']").flatMap(ItemPageExtractor.quantity)
        listing.seller = Seller(
            name: text("//span[contains(@class,'mbg-nw')]"),
            feedbackScore: text("//span[contains(@class,'mbg-l')]/a").flatMap { Int($0.filter(\.isNumber)) },
            location: text("//*[@itemprop='availableAtOrFrom']"))
        listing.specifics = specifics()
        listing.description = nodes("//div[@id='ds_div']").first?.visibleText ?? ""
        return listing
    }

    private func nodes(_ xpath: String) -> [HTMLNode] {
        (try? document.select(xpath)) ?? []
    }

    /// The single-line visible text of the first node, nil when absent or blank.
    private func text(_ xpath: String) -> String? {
        guard let node = nodes(xpath).first else { return nil }
        let value = TextNormalizer.singleLine(node.visibleText.isEmpty ? node.text : node.visibleText)
        return value.isEmpty ? nil : value
    }

    private func title() -> String? {
        let direct = nodes("//h1[@id='itemTitle']/text()").map(\.text).joined(separator: " ")
        let folded = TextNormalizer.singleLine(direct)
        return folded.isEmpty ? text("//h1") : folded
    }

    /// Microdata first (`itemprop=price` content + `priceCurrency`), then the displayed price text.
    private func price() -> Price? {
        let priceNode = nodes("//*[@itemprop='price']").first
        if let amount = priceNode?.attribute("content"),
            let currency = nodes("//*[@itemprop='priceCurrency']").first?.attribute("content"),
            let price = PriceParser.parse(amount: amount, currency: currency)
        {
            return price
        }
        return (text("//*[@id='prcIsum']") ?? priceNode.map { TextNormalizer.singleLine($0.text) })
            .flatMap { PriceParser.parse($0) }
    }

    private func specifics() -> [Specific] {
        nodes("//div[contains(@class,'itemAttr')]//td[contains(@class,'attrLabels')]").compactMap { label in
            let name = TextNormalizer.singleLine(label.visibleText).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            guard !name.isEmpty, let cell = (try? label.select("following-sibling::td[1]"))?.first else { return nil }
            var value = TextNormalizer.singleLine(cell.visibleText)
            // The site appends its own definition to the condition ("Used: An item that has been …"):
            // keep the seller's choice, not the site's boilerplate, so rules never match the definition.
            if name.caseInsensitiveCompare("Condition") == .orderedSame, let colon = value.firstIndex(of: ":") {
                value = String(value[..<colon])
            }
            return Specific(label: name, value: value)
        }
    }

    /// The marketplace's item number from `/itm/[slug/]NUMBER`, else the last path segment.
    private func listingID(_ canonical: String) -> String {
        let segments = URLTools.path(canonical).split(separator: "/").map(String.init)
        if let number = segments.last(where: { $0.count >= 6 && $0.allSatisfy(\.isNumber) }) { return number }
        return segments.last ?? canonical
    }

    /// "12 available" → 12, "More than 10 available" → 10, "Last one" → 1.
    static func quantity(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.contains("last one") { return 1 }
        guard let range = lower.range(of: #"\d[\d,.]*"#, options: .regularExpression) else { return nil }
        return Int(lower[range].filter(\.isNumber))
    }
}
