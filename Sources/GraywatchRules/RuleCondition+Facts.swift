import Foundation
import GraywatchCore

extension RuleCondition {
    /// Seller, location, claim and identifier facts.
    func factEvidence(_ input: RuleInput) -> [Evidence]? {
        let listing = input.listing
        switch self {
        case .sellerFeedbackBelow(let limit):
            guard let score = listing.seller.feedbackScore, score < limit else { return nil }
            return [Evidence(field: "seller", text: "feedback \(score)", note: "below \(limit)")]
        case .sellerFeedbackPercentBelow(let limit):
            guard let percent = listing.seller.feedbackPercent, percent < limit else { return nil }
            return [Evidence(field: "seller", text: "\(percent)% positive", note: "below \(limit)%")]
        case .sellerAgeDaysBelow(let days):
            guard let since = listing.seller.memberSince, let date = ISO8601DateFormatter().date(from: since + "T00:00:00Z"),
                Date().timeIntervalSince(date) < Double(days) * 86_400
            else { return nil }
            return [Evidence(field: "seller", text: "member since \(since)", note: "account younger than \(days) days")]
        case .locationIn(let places):
            let index = input.index(.seller)
            for place in places {
                if let match = index.firstMatch(of: Array(place.lowercased().unicodeScalars)) {
                    return [Evidence(field: "seller", span: TextSpan(field: .seller, start: match.range.lowerBound,
                                                                     length: match.range.count),
                                     text: match.text, context: match.context, note: "location in the list")]
                }
            }
            return nil
        case .claim(let kind, let values):
            let claims = listing.claims.filter { $0.kind == kind && (values.isEmpty || values.contains($0.value)) }
            guard !claims.isEmpty else { return nil }
            return claims.prefix(3).map {
                Evidence(field: $0.span?.field.rawValue ?? "claims", span: $0.span, text: $0.text, note: "\(kind.rawValue): \($0.value)")
            }
        case .skuFamilyIn(let families):
            let matches = listing.identifiers.filter { $0.kind == .sku && families.contains($0.family ?? "") }
            guard let first = matches.first else { return nil }
            return [Evidence(field: first.span.field.rawValue, span: first.span, text: first.raw, note: "family \(first.family ?? "")")]
        case .endOfSale:
            guard let sku = listing.identifiers.first(where: { $0.kind == .sku && $0.qualifiers.contains { $0.hasPrefix("end-of-sale") } })
            else { return nil }
            return [Evidence(field: sku.span.field.rawValue, span: sku.span, text: sku.raw, note: "end of sale")]
        case .serialShapeInvalid:
            guard let serial = listing.identifiers.first(where: { $0.kind == .serial && $0.qualifiers.contains("serial-shape:unrecognized") })
            else { return nil }
            return [Evidence(field: serial.span.field.rawValue, span: serial.span, text: serial.raw,
                             note: "serial number shape fits no Juniper product")]
        case .serialSeenElsewhere:
            guard !input.market.serialClones.isEmpty else { return nil }
            return input.market.serialClones.prefix(5).map { clone in
                Evidence(field: "serial", text: clone.serial,
                         note: "also shown by \(clone.marketplace)/\(clone.listingID)" + (clone.seller.map { " (seller \($0))" } ?? ""))
            }
        default:
            return nil
        }
    }
}
