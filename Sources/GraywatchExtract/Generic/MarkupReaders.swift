import Foundation
import GraywatchParse

/// schema.org microdata: the first `itemscope` Product and its `itemprop`s.
enum MicrodataReader {
    static func facts(in document: HTMLDocument) -> ProductFacts? {
        guard let product = ((try? document.select("//*[@itemscope][contains(@itemtype,'Product')]")) ?? []).first else {
            return nil
        }
        func prop(_ name: String) -> String? {
            guard let node = (try? product.select(".//*[@itemprop='\(name)']"))?.first else { return nil }
            let value = node.attribute("content") ?? node.attribute("href") ?? node.attribute("src") ?? node.value
            let folded = TextNormalizer.singleLine(value)
            return folded.isEmpty ? nil : folded
        }
        var facts = ProductFacts()
        facts.name = prop("name")
        facts.amount = prop("price") ?? prop("lowPrice")
        facts.highAmount = prop("highPrice")
        facts.currency = prop("priceCurrency")
        facts.availability = prop("availability").map(JSONLDReader.shortName)
        facts.condition = prop("itemCondition").map(JSONLDReader.shortName)
        facts.sku = prop("sku") ?? prop("productID")
        facts.mpn = prop("mpn")
        facts.gtin = prop("gtin13") ?? prop("gtin") ?? prop("gtin12")
        let brandNode = (try? product.select(".//*[@itemprop='brand']"))?.first
        facts.brand = brandNode.flatMap { node in
            ((try? node.select(".//*[@itemprop='name']"))?.first?.value ?? node.attribute("content") ?? node.value)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }.flatMap { $0.isEmpty ? nil : $0 }
        facts.seller = (try? product.select(".//*[@itemprop='seller']//*[@itemprop='name']"))?.first.map { TextNormalizer.singleLine($0.value) }
        facts.description = prop("description")
        facts.images = ((try? product.select(".//*[@itemprop='image']")) ?? []).compactMap { $0.attribute("src") ?? $0.attribute("content") }
        return facts.isEmpty ? nil : facts
    }
}

/// OpenGraph and product meta tags (`og:title`, `product:price:amount`, …).
enum OpenGraphReader {
    static func facts(in document: HTMLDocument) -> ProductFacts? {
        func meta(_ names: [String]) -> String? {
            for name in names {
                let xpath = "//meta[@property='\(name)' or @name='\(name)']/@content"
                if let value = (try? document.select(xpath))?.first?.text.trimmingCharacters(in: .whitespaces), !value.isEmpty {
                    return value
                }
            }
            return nil
        }
        var facts = ProductFacts()
        facts.name = meta(["og:title", "twitter:title"])
        facts.amount = meta(["product:price:amount", "og:price:amount", "product:sale_price:amount"])
        facts.currency = meta(["product:price:currency", "og:price:currency", "product:sale_price:currency"])
        facts.availability = meta(["product:availability", "og:availability"]).flatMap(ItemFields.availability)
        facts.condition = meta(["product:condition", "og:condition"])
        facts.brand = meta(["product:brand", "og:brand"])
        facts.sku = meta(["product:retailer_item_id", "product:sku"])
        facts.gtin = meta(["product:upc", "product:ean", "product:gtin"])
        facts.description = meta(["og:description", "description"])
        facts.images = meta(["og:image"]).map { [$0] } ?? []
        return facts.amount == nil && facts.sku == nil ? (facts.name == nil ? nil : facts) : facts
    }
}
