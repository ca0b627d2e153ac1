import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchParse

/// Extracts a listing from a page no adapter knows: JSON-LD first, then microdata, OpenGraph, then DOM heuristics,
/// field by field. A page with no product name and no price is "other".
struct GenericExtractor {
    let document: HTMLDocument
    let url: String

    func extract(marketplace: String) -> ExtractedPage {
        let structured = [JSONLDReader.facts(in: document), MicrodataReader.facts(in: document)].compactMap { $0?.bounded }
        var facts = ProductFacts()
        for source in structured { facts.fill(from: source) }
        let openGraph = OpenGraphReader.facts(in: document)
        if let openGraph { facts.fill(from: openGraph.bounded) }
        let dom = DOMHeuristics.facts(in: document, hintCurrency: facts.currency)
        facts.fill(from: dom.bounded)

        let price = price(facts)
        let isProduct = !structured.isEmpty || (facts.name != nil && price != nil)
        guard isProduct, let title = facts.name else { return .other }
        let canonical = URLTools.strippingFragment(url)
        var listing = Listing(
            marketplace: marketplace, listingID: facts.sku ?? ItemFields.fallbackID(URLTools.strippingQuery(url)),
            url: canonical, title: title)
        listing.price = price
        listing.conditionRaw = facts.condition
        listing.availability = facts.availability.flatMap { ItemFields.availability($0) ?? $0 }
        listing.siteSKU = facts.sku
        listing.mpn = facts.mpn
        listing.gtin = facts.gtin
        listing.brand = facts.brand
        listing.seller = Seller(name: facts.seller)
        listing.description = facts.description ?? ""
        listing.imageURLs = facts.images.compactMap { URLTools.resolve($0, against: url) }
        listing.specifics = [("Brand", facts.brand), ("MPN", facts.mpn), ("GTIN", facts.gtin)]
            .compactMap { label, value in value.map { Specific(label: label, value: $0) } }
        return .item(listing)
    }

    private func price(_ facts: ProductFacts) -> Price? {
        if let amount = facts.amount {
            if let currency = facts.currency, var price = PriceParser.parse(amount: amount, currency: currency) {
                price.upperAmount = facts.highAmount.flatMap { PriceParser.amount(in: $0) }
                return price
            }
            if let price = PriceParser.parse(amount, hint: facts.currency, decimalSeparator: nil, defaultCurrency: nil) {
                return price
            }
        }
        return facts.priceText.flatMap { PriceParser.parse($0, hint: facts.currency, decimalSeparator: nil, defaultCurrency: facts.currency) }
    }
}
