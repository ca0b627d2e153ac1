import Foundation
import GraywatchCore
import GraywatchEnrich

/// One page as `graywatch extract` prints it: what the page is and everything extracted and enriched from it.
public struct ExtractionReport: Encodable, Sendable {
    public struct PriceJSON: Encodable, Sendable {
        /// Exact decimal as text ("1299.99").
        var amount: String
        var currency: String
        var upper_amount: String?
        var unit: String?
    }

    public struct ConditionJSON: Encodable, Sendable {
        var raw: String?
        var normalized: String

        private enum CodingKeys: String, CodingKey { case raw, normalized }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(raw, forKey: .raw)
            try container.encode(normalized, forKey: .normalized)
        }
    }

    public struct SellerJSON: Encodable, Sendable {
        var name: String?
        var feedback_score: Int?
        var feedback_percent: Double?
        var member_since: String?
        var location: String?
    }

    public struct SpanJSON: Encodable, Sendable {
        var field: String
        var start: Int
        var length: Int
    }

    public struct IdentifierJSON: Encodable, Sendable {
        var kind: String
        var raw: String
        var normalized: String
        var family: String?
        var qualifiers: [String]
        var span: SpanJSON
    }

    public struct ClaimJSON: Encodable, Sendable {
        var kind: String
        var value: String
        var text: String
        var span: SpanJSON?
    }

    var url: String
    var marketplace: String
    var page_kind: String
    var listing_id: String?
    var title: String?
    var price: PriceJSON?
    var availability: String?
    var sku: String?
    var mpn: String?
    var gtin: String?
    var brand: String?
    var condition: ConditionJSON?
    var quantity_available: Int?
    var seller: SellerJSON?
    var item_specifics: [String: String]?
    var identifiers: [IdentifierJSON]?
    var claims: [ClaimJSON]?
    var item_links: [String]?
    var next_page: String?

    /// Builds the report of an extracted page; item pages are enriched first (identifiers, claims).
    public init(page: ExtractedPage, url: String, marketplace: String, enricher: Enricher) {
        self.url = url
        self.marketplace = marketplace
        switch page {
        case .other:
            page_kind = "other"
        case .search(let results):
            page_kind = "search"
            item_links = results.itemLinks
            next_page = results.nextPage
        case .item(let raw):
            page_kind = "item"
            let listing = enricher.enrich(raw)
            self.marketplace = listing.marketplace
            listing_id = listing.listingID
            title = listing.title
            price = listing.price.map {
                PriceJSON(amount: $0.amountText, currency: $0.currency,
                          upper_amount: $0.upperAmount.map { NSDecimalNumber(decimal: $0).stringValue }, unit: $0.unit)
            }
            availability = listing.availability
            sku = listing.siteSKU
            mpn = listing.mpn
            gtin = listing.gtin
            brand = listing.brand
            condition = ConditionJSON(raw: listing.conditionRaw, normalized: listing.condition.rawValue)
            quantity_available = listing.quantityAvailable
            seller = SellerJSON(name: listing.seller.name, feedback_score: listing.seller.feedbackScore,
                                feedback_percent: listing.seller.feedbackPercent, member_since: listing.seller.memberSince,
                                location: listing.seller.location)
            item_specifics = Dictionary(listing.specifics.map { ($0.label, $0.value) }, uniquingKeysWith: { first, _ in first })
            identifiers = listing.identifiers.map {
                IdentifierJSON(kind: $0.kind.rawValue, raw: $0.raw, normalized: $0.normalized, family: $0.family,
                               qualifiers: $0.qualifiers, span: SpanJSON($0.span))
            }
            claims = listing.claims.map {
                ClaimJSON(kind: $0.kind.rawValue, value: $0.value, text: $0.text, span: $0.span.map(SpanJSON.init))
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case url, marketplace, page_kind, listing_id, title, price, availability, sku, mpn, gtin, brand, condition
        case quantity_available, seller, item_specifics, identifiers, claims, item_links, next_page
    }

    /// Item pages always carry every documented key (null when the page does not say); search pages their links.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(url, forKey: .url)
        try container.encode(marketplace, forKey: .marketplace)
        try container.encode(page_kind, forKey: .page_kind)
        switch page_kind {
        case "item":
            try container.encode(listing_id, forKey: .listing_id)
            try container.encode(title, forKey: .title)
            try container.encode(price, forKey: .price)
            try container.encode(availability, forKey: .availability)
            try container.encode(sku, forKey: .sku)
            try container.encode(mpn, forKey: .mpn)
            try container.encode(gtin, forKey: .gtin)
            try container.encode(brand, forKey: .brand)
            try container.encode(condition, forKey: .condition)
            try container.encode(quantity_available, forKey: .quantity_available)
            try container.encode(seller, forKey: .seller)
            try container.encode(item_specifics, forKey: .item_specifics)
            try container.encode(identifiers, forKey: .identifiers)
            try container.encode(claims, forKey: .claims)
        case "search":
            try container.encode(item_links, forKey: .item_links)
            try container.encode(next_page, forKey: .next_page)
        default:
            break
        }
    }

    /// Pretty JSON with sorted keys, for people and for golden files.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

extension ExtractionReport.SpanJSON {
    init(_ span: TextSpan) {
        self.init(field: span.field.rawValue, start: span.start, length: span.length)
    }
}
