import Foundation

/// What one item page says about one listing, as extracted and enriched.
///
/// Every field is seller-controlled text: treat it as hostile wherever it is shown.
public struct Listing: Sendable, Codable, Equatable {
    /// The marketplace's short name (for the bundled sample: `tradewell`).
    public var marketplace: String
    /// The marketplace's own id for the listing (unique within the marketplace).
    public var listingID: String
    /// The URL the page was fetched from (canonical form, tracking parameters removed).
    public var url: String
    public var title: String
    public var price: Price?
    /// The site's own condition wording, e.g. "New other (see details)".
    public var conditionRaw: String?
    public var condition: Condition
    /// Units available, when the page says; "More than 10 available" gives the lower bound 10.
    public var quantityAvailable: Int?
    public var seller: Seller
    /// Item specifics in page order (label without trailing colon → value).
    public var specifics: [Specific]
    public var description: String
    public var identifiers: [Identifier]
    public var claims: [Claim]
    /// schema.org availability, short form: "InStock", "OutOfStock", … (nil when the page does not say).
    public var availability: String?
    /// The site's own product identifier (Amazon ASIN, Alibaba product id, schema.org `sku`).
    public var siteSKU: String?
    public var mpn: String?
    public var gtin: String?
    public var brand: String?
    public var imageURLs: [String]

    public init(
        marketplace: String, listingID: String, url: String, title: String, price: Price? = nil,
        conditionRaw: String? = nil, condition: Condition = .unknown, quantityAvailable: Int? = nil,
        seller: Seller = Seller(), specifics: [Specific] = [], description: String = "",
        identifiers: [Identifier] = [], claims: [Claim] = []
    ) {
        self.marketplace = marketplace
        self.listingID = listingID
        self.url = url
        self.title = title
        self.price = price
        self.conditionRaw = conditionRaw
        self.condition = condition
        self.quantityAvailable = quantityAvailable
        self.seller = seller
        self.specifics = specifics
        self.description = description
        self.identifiers = identifiers
        self.claims = claims
        self.availability = nil
        self.siteSKU = nil
        self.mpn = nil
        self.gtin = nil
        self.brand = nil
        self.imageURLs = []
    }

    private enum CodingKeys: String, CodingKey {
        case marketplace, listingID, url, title, price, conditionRaw, condition, quantityAvailable, seller, specifics
        case description, identifiers, claims, availability, siteSKU, mpn, gtin, brand, imageURLs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        marketplace = try c.decode(String.self, forKey: .marketplace)
        listingID = try c.decode(String.self, forKey: .listingID)
        url = try c.decode(String.self, forKey: .url)
        title = try c.decode(String.self, forKey: .title)
        price = try c.decodeIfPresent(Price.self, forKey: .price)
        conditionRaw = try c.decodeIfPresent(String.self, forKey: .conditionRaw)
        condition = try c.decodeIfPresent(Condition.self, forKey: .condition) ?? .unknown
        quantityAvailable = try c.decodeIfPresent(Int.self, forKey: .quantityAvailable)
        seller = try c.decodeIfPresent(Seller.self, forKey: .seller) ?? Seller()
        specifics = try c.decodeIfPresent([Specific].self, forKey: .specifics) ?? []
        description = try c.decodeIfPresent(String.self, forKey: .description) ?? ""
        identifiers = try c.decodeIfPresent([Identifier].self, forKey: .identifiers) ?? []
        claims = try c.decodeIfPresent([Claim].self, forKey: .claims) ?? []
        availability = try c.decodeIfPresent(String.self, forKey: .availability)
        siteSKU = try c.decodeIfPresent(String.self, forKey: .siteSKU)
        mpn = try c.decodeIfPresent(String.self, forKey: .mpn)
        gtin = try c.decodeIfPresent(String.self, forKey: .gtin)
        brand = try c.decodeIfPresent(String.self, forKey: .brand)
        imageURLs = try c.decodeIfPresent([String].self, forKey: .imageURLs) ?? []
    }

    /// The first item specific whose label matches `label`, ignoring case.
    public func specific(_ label: String) -> String? {
        specifics.first { $0.label.caseInsensitiveCompare(label) == .orderedSame }?.value
    }

    /// Canonical Juniper SKUs found in the listing, in order of first appearance, without repeats.
    public var skus: [String] {
        var seen = Set<String>()
        return identifiers.filter { $0.kind == .sku }.map(\.normalized).filter { seen.insert($0).inserted }
    }

    /// The SKU the listing is about: the item-specifics one when there is one, else the first found.
    public var primarySKU: String? { skus.first }

    /// The text of a named field, for rules and evidence (`title`, `description`, `condition`, `specifics`, `seller`).
    public func text(of field: ListingField) -> String {
        switch field {
        case .title: return title
        case .description: return description
        case .condition: return conditionRaw ?? ""
        case .specifics: return specifics.map { "\($0.label): \($0.value)" }.joined(separator: "\n")
        case .seller: return [seller.name, seller.location].compactMap { $0 }.joined(separator: "\n")
        }
    }
}

/// The text fields of a listing that rules and evidence refer to by name.
public enum ListingField: String, Sendable, Codable, CaseIterable {
    case title, description, condition, specifics, seller
}

/// One item-specifics row.
public struct Specific: Sendable, Codable, Equatable {
    public var label: String
    public var value: String
    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// The seller as the listing presents it.
public struct Seller: Sendable, Codable, Equatable {
    public var name: String?
    public var feedbackScore: Int?
    /// Share of positive feedback, 0–100.
    public var feedbackPercent: Double?
    /// Where the item ships from / the seller is (free text, as the page says).
    public var location: String?
    /// When the seller's account was opened, as the page says ("Member since: Mar 2019"), ISO date when parsed.
    public var memberSince: String?

    public init(name: String? = nil, feedbackScore: Int? = nil, location: String? = nil,
                feedbackPercent: Double? = nil, memberSince: String? = nil) {
        self.name = name
        self.feedbackScore = feedbackScore
        self.location = location
        self.feedbackPercent = feedbackPercent
        self.memberSince = memberSince
    }
}
