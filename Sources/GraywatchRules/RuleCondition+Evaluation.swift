import Foundation
import GraywatchCore

extension RuleCondition {
    /// The evidence that makes the condition hold for the listing, or nil when it does not hold.
    public func evaluate(_ listing: Listing, _ context: MarketContext) -> [Evidence]? {
        evaluate(RuleInput(listing: listing, market: context))
    }

    /// The evidence that makes the condition hold, or nil when it does not hold.
    func evaluate(_ input: RuleInput) -> [Evidence]? {
        let listing = input.listing
        switch self {
        case .all(let parts):
            var evidence: [Evidence] = []
            for part in parts {
                guard let found = part.evaluate(input) else { return nil }
                evidence += found
            }
            return evidence
        case .any(let parts):
            let found = parts.compactMap { $0.evaluate(input) }
            return found.isEmpty ? nil : found.flatMap { $0 }
        case .nOf(let count, let parts):
            let found = parts.compactMap { $0.evaluate(input) }
            return found.count >= count ? found.flatMap { $0 } : nil
        case .not(let inner):
            return inner.evaluate(input) == nil ? [] : nil
        case .rule(let id):
            return input.hits[id]
        case .juniperPresented(let expected):
            let claim = input.presentation
            guard (claim != nil) == expected else { return nil }
            return claim.map { [Evidence(field: "presentation", text: $0.text, note: "presented as a Juniper product")] } ?? []
        case .condition(let allowed):
            guard allowed.contains(listing.condition) else { return nil }
            return [Evidence(field: "condition", text: listing.conditionRaw ?? listing.condition.rawValue,
                             note: "condition \(listing.condition.rawValue)")]
        case .phrases(let fields, let phrases):
            return phraseEvidence(input, fields, phrases)
        case .regex(let fields, let pattern):
            return regexEvidence(input, fields, pattern)
        case .priceRatioBelow(let limit):
            return priceEvidence(listing, input.market.referencePrice, limit)
        case .listPriceRatioBelow(let limit):
            return priceEvidence(listing, input.market.listPrice, limit)
        case .marketRatioBelow(let limit):
            return priceEvidence(listing, input.market.marketMedian, limit)
        case .newPriceRatioAtLeast(let limit):
            guard let price = listing.price, let reference = input.market.listPrice ?? input.market.newMarketMedian,
                reference.price.currency == price.currency, reference.price.amount > 0
            else { return nil }
            let ratio = NSDecimalNumber(decimal: price.amount / reference.price.amount).doubleValue
            guard ratio >= limit else { return nil }
            return [Evidence(field: "price", text: price.description,
                             note: "\(Self.percent(ratio)) of the new price \(reference.price) (\(reference.source.rawValue)); at least \(Int(limit * 100))%")]
        case .quantityAtLeast(let minimum):
            guard let quantity = listing.quantityAvailable, quantity >= minimum else { return nil }
            return [Evidence(field: "quantity", text: "\(quantity) available", note: "at least \(minimum)")]
        case .hasSKU(let expected):
            let skus = listing.identifiers.filter { $0.kind == .sku }
            guard skus.isEmpty != expected else { return nil }
            return skus.first.map {
                [Evidence(field: $0.span.field.rawValue, span: $0.span, text: $0.raw, note: "catalog part \($0.normalized)")]
            } ?? []
        default:
            return factEvidence(input)
        }
    }

    private func phraseEvidence(_ input: RuleInput, _ fields: [ListingField], _ phrases: [Phrase]) -> [Evidence]? {
        // Most phrases of most rules are absent from a listing: one set lookup each settles that.
        guard phrases.contains(where: { phrase in phrase.firstWord.map(input.allWords.contains) ?? true }) else { return nil }
        var evidence: [Evidence] = []
        for field in fields {
            let index = input.index(field)
            var taken: [Range<Int>] = []
            for phrase in phrases where phrase.firstWord.map(input.allWords.contains) ?? true {
                guard let match = index.firstMatch(of: phrase.scalars, firstWord: phrase.firstWord),
                    !taken.contains(where: { $0.overlaps(match.range) })
                else { continue }
                taken.append(match.range)
                evidence.append(Evidence(
                    field: field.rawValue,
                    span: TextSpan(field: field, start: match.range.lowerBound, length: match.range.count),
                    text: match.text, context: match.context))
            }
        }
        return evidence.isEmpty ? nil : evidence
    }

    private func regexEvidence(_ input: RuleInput, _ fields: [ListingField], _ pattern: RegexPattern) -> [Evidence]? {
        let expression = pattern.expression
        var evidence: [Evidence] = []
        for field in fields {
            if let word = pattern.requiredWord, !input.index(field).contains(word: word) { continue }
            let text = input.listing.text(of: field)
            guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range, in: text)
            else { continue }
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
            let matched = String(text[range])
            let length = matched.unicodeScalars.count
            evidence.append(Evidence(
                field: field.rawValue, span: TextSpan(field: field, start: start, length: length), text: matched,
                context: PhraseMatcher.context(Array(text.unicodeScalars), start..<(start + length))))
        }
        return evidence.isEmpty ? nil : evidence
    }

    private func priceEvidence(_ listing: Listing, _ reference: ReferencePrice?, _ limit: Double) -> [Evidence]? {
        guard let price = listing.price, let reference, reference.price.currency == price.currency,
            reference.price.amount > 0
        else { return nil }
        let ratio = NSDecimalNumber(decimal: price.amount / reference.price.amount).doubleValue
        guard ratio < limit else { return nil }
        let basis = reference.source == .catalog
            ? "catalog list price of \(reference.sku)"
            : "median of \(reference.sampleCount) other \(listing.condition.rawValue) \(reference.sku) listings"
        return [Evidence(
            field: "price", text: price.description,
            note: "\(Self.percent(ratio)) of the reference \(reference.price) (\(basis)); limit \(Int(limit * 100))%")]
    }

    /// A price ratio as a whole percentage for an evidence note ("86%"). A hostile listing's price may be any number
    /// of times its reference: a ratio past `Int`'s range (or not finite) is written out, never trapped on.
    static func percent(_ ratio: Double) -> String {
        let value = (ratio * 100).rounded()
        if let whole = Int(exactly: value) { return "\(whole)%" }
        return String(format: "%.0f%%", value)
    }
}
