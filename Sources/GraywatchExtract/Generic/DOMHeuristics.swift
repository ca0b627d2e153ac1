import Foundation
import GraywatchEnrich
import GraywatchParse

/// Facts read from a page with no structured data: the first `<h1>` as the title, the main price near it (not a
/// crossed-out, list or shipping price), availability from text, and labeled text such as "SKU: …".
enum DOMHeuristics {
    /// Classes and ids that mark prices that are not the price asked.
    static let notThePrice = ["old", "was", "strike", "list", "crossed", "rrp", "msrp", "compare", "shipping", "delivery", "postage"]
    static let notThePriceText = ["shipping", "delivery", "postage", "versand", "livraison", "envío", "was ", "list price", "rrp", "save "]

    static func facts(in document: HTMLDocument, hintCurrency: String?) -> ProductFacts {
        var facts = ProductFacts()
        let heading = ((try? document.select("//h1")) ?? []).first
        facts.name = heading.map { TextNormalizer.singleLine($0.visibleText) }.flatMap { $0.isEmpty ? nil : $0 }
        facts.priceText = mainPrice(document, after: heading != nil, hintCurrency: hintCurrency)
        let body = ((try? document.select("//body")) ?? []).first?.visibleText ?? ""
        facts.availability = availability(in: body)
        facts.sku = labeled(body, ["SKU", "Item number", "Artikelnummer", "Product ID"])
        facts.mpn = labeled(body, ["MPN", "Part number", "Part No", "Model number", "Herstellernummer"])
        facts.gtin = labeled(body, ["GTIN", "EAN", "UPC"]).flatMap { $0.allSatisfy(\.isNumber) && (8...14).contains($0.count) ? $0 : nil }
        facts.brand = labeled(body, ["Brand", "Manufacturer", "Marke", "Marque", "Marca"], multiWord: true)
        return facts
    }

    /// The first price-looking leaf after the title that is not struck through, a list price or shipping.
    static func mainPrice(_ document: HTMLDocument, after heading: Bool, hintCurrency: String?) -> String? {
        let start = heading ? "//h1[1]/following::*" : "//body//*"
        let candidates = (try? document.select("\(start)[not(self::script or self::style or self::del or self::s or self::strike)][count(*)=0 or (count(*)=1 and span)][position() <= 400]")) ?? []
        for node in candidates {
            let text = TextNormalizer.singleLine(node.value)
            guard text.count <= 60, text.contains(where: \.isNumber), !isCrossedOutOrOther(node, text) else { continue }
            guard PriceParser.currency(in: text) != nil || hintCurrency != nil, PriceParser.parse(text, defaultCurrency: hintCurrency) != nil
            else { continue }
            return text
        }
        return nil
    }

    static func isCrossedOutOrOther(_ node: HTMLNode, _ text: String) -> Bool {
        let lowerText = text.lowercased()
        if notThePriceText.contains(where: lowerText.contains) { return true }
        let ancestors = (try? node.select("ancestor-or-self::*[position() <= 4]")) ?? []
        for element in ancestors {
            if ["del", "s", "strike"].contains(element.name) { return true }
            let marks = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
            if notThePrice.contains(where: { marks.contains($0) }) { return true }
            if (element.attribute("style") ?? "").lowercased().contains("line-through") { return true }
        }
        return false
    }

    static func availability(in text: String) -> String? {
        let lower = text.lowercased()
        for phrase in ["out of stock", "sold out", "currently unavailable", "ausverkauft", "rupture de stock", "agotado"]
            where lower.contains(phrase) { return "OutOfStock" }
        for phrase in ["in stock", "available now", "ships today", "auf lager", "en stock", "disponible"]
            where lower.contains(phrase) { return "InStock" }
        return nil
    }

    /// The value after "Label:" on the same line.
    static func labeled(_ text: String, _ labels: [String], multiWord: Bool = false) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            for label in labels {
                guard let range = line.range(of: label + ":", options: [.caseInsensitive]) ?? line.range(of: label + " :", options: .caseInsensitive)
                else { continue }
                let rest = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
                let value = multiWord ? rest.components(separatedBy: "  ").first ?? rest : String(rest.split(separator: " ").first ?? "")
                let cleaned = value.trimmingCharacters(in: CharacterSet(charactersIn: " ,;|"))
                if !cleaned.isEmpty, cleaned.count <= 80 { return cleaned }
            }
        }
        return nil
    }
}
