import Foundation
import GraywatchCore
import Yams

extension RuleReader {
    static let selectionKeys = [
        "all", "any", "not", "n_of", "rule", "juniper_presented", "condition", "phrases", "regex", "price_ratio_below",
        "list_price_ratio_below", "market_ratio_below", "new_price_ratio_at_least", "quantity_at_least", "has_sku", "seller_feedback_below",
        "seller_feedback_percent_below", "seller_age_days_below", "location_in", "claim", "sku_family_in",
        "end_of_sale", "serial_shape_invalid", "serial_seen_elsewhere",
    ]

    /// A condition node: a mapping whose keys are selections, all of which must hold.
    func condition(_ node: Node) throws -> RuleCondition {
        let selections = try mapping(node, "a condition")
        guard !selections.isEmpty else { throw RuleError(location(node), "a condition needs at least one selection") }
        let parts = try selections.map { key, value in try selection(try string(key, "a selection"), key, value) }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    private func selection(_ name: String, _ key: Node, _ value: Node) throws -> RuleCondition {
        switch name {
        case "all": return .all(try sequence(value, "all").map(condition))
        case "any": return .any(try sequence(value, "any").map(condition))
        case "not": return .not(try condition(value))
        case "juniper_presented": return .juniperPresented(try bool(value, name))
        case "has_sku": return .hasSKU(try bool(value, name))
        case "price_ratio_below":
            let ratio = try number(value, name)
            guard ratio > 0 else { throw RuleError(location(value), "price_ratio_below must be above 0") }
            return .priceRatioBelow(ratio)
        case "quantity_at_least": return .quantityAtLeast(try integer(value, name))
        case "list_price_ratio_below": return .listPriceRatioBelow(try positive(value, name))
        case "market_ratio_below": return .marketRatioBelow(try positive(value, name))
        case "new_price_ratio_at_least": return .newPriceRatioAtLeast(try positive(value, name))
        case "seller_feedback_below": return .sellerFeedbackBelow(try integer(value, name))
        case "seller_feedback_percent_below": return .sellerFeedbackPercentBelow(try number(value, name))
        case "seller_age_days_below": return .sellerAgeDaysBelow(try integer(value, name))
        case "location_in": return .locationIn(try strings(value, name))
        case "sku_family_in": return .skuFamilyIn(Set(try strings(value, name).map { $0.uppercased() }))
        case "end_of_sale": return try flag(value, name, .endOfSale)
        case "serial_shape_invalid": return try flag(value, name, .serialShapeInvalid)
        case "serial_seen_elsewhere": return try flag(value, name, .serialSeenElsewhere)
        case "rule": return .rule(try string(value, name))
        case "n_of":
            let map = try mapping(value, name)
            guard let countNode = map["n"], let ofNode = map["of"] else { throw RuleError(location(value), "n_of needs n and of") }
            let parts = try sequence(ofNode, "n_of.of").map(condition)
            let count = try integer(countNode, "n_of.n")
            guard count >= 1, count <= parts.count else {
                throw RuleError(location(countNode), "n_of asks for \(count) of \(parts.count) parts: it can never fire")
            }
            return .nOf(count, parts)
        case "claim":
            let map = try mapping(value, name)
            guard let kindNode = map["kind"], let kind = Claim.Kind(rawValue: try string(kindNode, "claim.kind")) else {
                throw RuleError(location(value), "claim needs kind: one of " + Claim.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .claim(kind: kind, values: Set(try map["value"].map { try strings($0, "claim.value") } ?? []))
        case "condition":
            return .condition(Set(try strings(value, name).map { text in
                guard let condition = Condition(rawValue: text) else {
                    throw RuleError(location(value), "unknown condition '\(text)' (expected one of "
                        + Condition.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
                return condition
            }))
        case "phrases":
            let (fields, body) = try fieldsAndBody(value, bodyKey: "any", name)
            let phrases = try strings(body, "phrases.any").map { $0.lowercased() }
            guard !phrases.isEmpty, !phrases.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw RuleError(location(body), "phrases.any needs non-empty phrases")
            }
            return .phrases(fields: fields, texts: phrases)
        case "regex":
            let (fields, body) = try fieldsAndBody(value, bodyKey: "pattern", name)
            let pattern = try string(body, "regex.pattern")
            do {
                return .regex(fields: fields, pattern: try RegexPattern(pattern))
            } catch {
                throw RuleError(location(body), "invalid regular expression: \(pattern)")
            }
        default:
            throw RuleError(location(key), "unknown selection '\(name)' (expected one of "
                + RuleReader.selectionKeys.joined(separator: ", ") + ")")
        }
    }

    private func positive(_ node: Node, _ name: String) throws -> Double {
        let value = try number(node, name)
        guard value > 0 else { throw RuleError(location(node), "\(name) must be above 0: it can never fire") }
        return value
    }

    /// A fact selection written `name: true`; `false` is spelled with `not`.
    private func flag(_ node: Node, _ name: String, _ condition: RuleCondition) throws -> RuleCondition {
        try bool(node, name) ? condition : .not(condition)
    }

    /// Reads `{fields: [...], <bodyKey>: ...}`; fields default to title, description and specifics.
    private func fieldsAndBody(_ node: Node, bodyKey: String, _ name: String) throws -> ([ListingField], Node) {
        let map = try mapping(node, name)
        for key in map.keys {
            let text = try string(key, "a key")
            guard text == "fields" || text == bodyKey else {
                throw RuleError(location(key), "unknown key '\(text)' in \(name) (expected fields, \(bodyKey))")
            }
        }
        guard let body = map[bodyKey] else { throw RuleError(location(node), "\(name) lacks '\(bodyKey)'") }
        var fields: [ListingField] = [.title, .description, .specifics]
        if let fieldNode = map["fields"] {
            fields = try strings(fieldNode, "fields").map { text in
                guard let field = ListingField(rawValue: text) else {
                    throw RuleError(location(fieldNode), "unknown field '\(text)' (expected one of "
                        + ListingField.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
                return field
            }
        }
        return (fields, body)
    }
}
