import Foundation
import GraywatchParse

/// schema.org Product data from `<script type="application/ld+json">`: Product, Offer, AggregateOffer, @graph,
/// arrays and nested offers.
enum JSONLDReader {
    static func facts(in document: HTMLDocument) -> ProductFacts? {
        let scripts = (try? document.select("//script[translate(@type,'LDJSON','ldjson')='application/ld+json']")) ?? []
        var unnamed: ProductFacts?
        for script in scripts {
            guard let data = script.text.data(using: .utf8),
                let json = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
                let product = findProduct(json, depth: 0)
            else { continue }
            let found = facts(from: product)
            // A Product with no name as text (a number, an object) does not stand in for a well-formed one further on.
            if found.name != nil { return found }
            unnamed = unnamed ?? found
        }
        return unnamed
    }

    /// The first object typed Product (or a subtype such as IndividualProduct), searched depth-first.
    static func findProduct(_ value: Any, depth: Int) -> [String: Any]? {
        guard depth < 12 else { return nil }
        if let array = value as? [Any] {
            for element in array { if let found = findProduct(element, depth: depth + 1) { return found } }
        } else if let object = value as? [String: Any] {
            if types(of: object).contains(where: { $0.hasSuffix("Product") || $0 == "Vehicle" }) { return object }
            for key in ["@graph", "mainEntity", "itemListElement", "item"] {
                if let nested = object[key], let found = findProduct(nested, depth: depth + 1) { return found }
            }
        }
        return nil
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type] }
        return (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
    }

    static func facts(from product: [String: Any]) -> ProductFacts {
        var facts = ProductFacts()
        facts.name = words(product["name"])
        facts.sku = text(product["sku"]) ?? text(product["productID"])
        facts.mpn = text(product["mpn"])
        facts.gtin = ["gtin13", "gtin", "gtin12", "gtin14", "gtin8"].lazy.compactMap { text(product[$0]) }.first
        facts.brand = text((product["brand"] as? [String: Any])?["name"]) ?? text(product["brand"])
        facts.description = text(product["description"])
        facts.condition = text(product["itemCondition"]).map(shortName)
        facts.images = images(product["image"])
        if let offer = firstOffer(product["offers"], depth: 0) {
            facts.amount = text(offer["price"]) ?? text(offer["lowPrice"])
                ?? text((offer["priceSpecification"] as? [String: Any])?["price"])
            facts.highAmount = text(offer["highPrice"])
            facts.currency = text(offer["priceCurrency"]) ?? text((offer["priceSpecification"] as? [String: Any])?["priceCurrency"])
            facts.availability = text(offer["availability"]).map(shortName)
            facts.condition = facts.condition ?? text(offer["itemCondition"]).map(shortName)
            facts.seller = text((offer["seller"] as? [String: Any])?["name"])
        }
        return facts
    }

    /// The first offer with a price: an Offer, an AggregateOffer, or one nested in either.
    static func firstOffer(_ value: Any?, depth: Int) -> [String: Any]? {
        guard depth < 6, let value else { return nil }
        if let array = value as? [Any] {
            return array.lazy.compactMap { firstOffer($0, depth: depth + 1) }.first
        }
        guard let object = value as? [String: Any] else { return nil }
        if object["price"] != nil || object["lowPrice"] != nil || object["priceSpecification"] != nil { return object }
        return firstOffer(object["offers"], depth: depth + 1)
    }

    static func text(_ value: Any?) -> String? {
        switch value {
        case let string as String:
            let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        case let number as NSNumber: return plain(number)
        case let array as [Any]: return array.lazy.compactMap { text($0) }.first
        default: return nil
        }
    }

    /// A JSON number as a plain decimal ("1e+300" is not "300"): nil for true/false, for what is not finite and for
    /// magnitudes of 10^15 or more, which no price or identifier has.
    static func plain(_ number: NSNumber) -> String? {
        guard String(cString: number.objCType) != "c" else { return nil }  // a JSON boolean
        guard number.doubleValue.isFinite, abs(number.doubleValue) < 1e15 else { return nil }
        let text = number.stringValue
        guard text.contains(where: { $0 == "e" || $0 == "E" }) else { return text }
        return Decimal(string: text).map { "\($0)" }
    }

    /// Text proper: a string, or the first string of an array (a number is no name).
    static func words(_ value: Any?) -> String? {
        switch value {
        case let string as String: return text(string)
        case let array as [Any]: return array.lazy.compactMap { words($0) }.first
        default: return nil
        }
    }

    static func images(_ value: Any?) -> [String] {
        switch value {
        case let string as String: return [string]
        case let array as [Any]: return array.flatMap { images($0) }
        case let object as [String: Any]: return text(object["url"]).map { [$0] } ?? []
        default: return []
        }
    }

    /// "https://schema.org/InStock" → "InStock".
    static func shortName(_ value: String) -> String {
        String(value.split(separator: "/").last ?? Substring(value))
    }
}
