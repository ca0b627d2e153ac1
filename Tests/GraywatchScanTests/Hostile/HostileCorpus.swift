import Foundation
import GraywatchTestSupport
import Testing

/// The hostile corpus, samples/hostile/expectations.json: how each case is served and what graywatch must make of it
/// (the format is in samples/hostile/README.md).
struct HostileCorpus: Decodable, Sendable {
    var about: String
    var cases: [HostileCase]

    static let folder = TestPaths.root.appendingPathComponent("samples/hostile")

    /// The corpus, read once.
    private static let loaded = Result<HostileCorpus, any Error> {
        try JSONDecoder().decode(HostileCorpus.self, from: Data(contentsOf: folder.appendingPathComponent("expectations.json")))
    }

    static func load() throws -> HostileCorpus { try loaded.get() }

    /// Every case, for parameterized tests.
    static func cases() throws -> [HostileCase] { try load().cases }
}

/// One hostile case: a URL, the response it gets, and the outcome graywatch must reach.
struct HostileCase: Decodable, Sendable, CustomTestStringConvertible {
    /// Which origin serves it: the sample marketplace (127.0.0.1, the Tradewell adapter) or a shop no adapter knows
    /// (shop.localhost, the generic extractor; libcurl resolves `*.localhost` to the loopback address itself).
    enum Host: String, Decodable, Sendable { case market, shop }

    var id: String
    /// What the case guards, in words: it names the parameterized test's instance.
    var guards: String
    var host: Host
    var path: String
    var status: Int?
    var headers: [String: String]?
    var body: BodySpec?
    /// Sent chunked, without a Content-Length.
    var stream: Bool?
    /// The path ends in a number n, and every such number is answered; `{next}` in a header becomes n + 1.
    var counting: Bool?
    /// Run again through the real binary in a child process, whose peak memory is measured.
    var heavy: Bool?
    /// More routes the case needs (the other half of a redirect loop).
    var also: [ExtraRoute]?
    var expect: Expectation

    var testDescription: String { "\(id): \(guards)" }
    var isHeavy: Bool { heavy ?? false }
}

/// Where a body comes from: a file, a template with repeated fills, seeded random bytes, or a gzip bomb.
struct BodySpec: Codable, Sendable, Hashable {
    /// One repeated fill of a template placeholder.
    struct Repeat: Codable, Sendable, Hashable {
        var repeatText: String
        var count: Int
        enum CodingKeys: String, CodingKey { case repeatText = "repeat", count }
    }
    struct Random: Codable, Sendable, Hashable { var seed: UInt64; var bytes: Int }
    struct GzipBomb: Codable, Sendable, Hashable { var expandsTo: UInt64 }

    var file: String?
    var template: String?
    var fill: [String: Repeat]?
    var random: Random?
    var gzipBomb: GzipBomb?
}

/// An additional route: a path, its status and headers, no body.
struct ExtraRoute: Decodable, Sendable {
    var path: String
    var status: Int
    var headers: [String: String]
}

/// A per-page failure (stage and a reason substring) or a listing.
struct Expectation: Decodable, Sendable {
    struct Failure: Decodable, Sendable {
        var stage: String
        var reason: String
    }
    var failure: Failure?
    var listing: ListingExpectation?
}

/// The fields a sane extraction must show. Absent keys are not checked, except `price`: null means no price.
struct ListingExpectation: Decodable, Sendable {
    var listingID: String
    var title: String
    var price: String?
    var checksPrice: Bool
    var currency: String?
    var seller: String?
    var skus: [String]?
    var specifics: [String: String]?
    var descriptionContains: [String]?
    var maxDescriptionLength: Int?
    var images: Int?
    /// Text that must appear in no field (script that must never be read).
    var absent: [String]?

    enum CodingKeys: String, CodingKey {
        case listingID, title, price, currency, seller, skus, specifics, descriptionContains, maxDescriptionLength, images, absent
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listingID = try c.decode(String.self, forKey: .listingID)
        title = try c.decode(String.self, forKey: .title)
        checksPrice = c.contains(.price)
        price = try c.decodeIfPresent(String.self, forKey: .price)
        currency = try c.decodeIfPresent(String.self, forKey: .currency)
        seller = try c.decodeIfPresent(String.self, forKey: .seller)
        skus = try c.decodeIfPresent([String].self, forKey: .skus)
        specifics = try c.decodeIfPresent([String: String].self, forKey: .specifics)
        descriptionContains = try c.decodeIfPresent([String].self, forKey: .descriptionContains)
        maxDescriptionLength = try c.decodeIfPresent(Int.self, forKey: .maxDescriptionLength)
        images = try c.decodeIfPresent(Int.self, forKey: .images)
        absent = try c.decodeIfPresent([String].self, forKey: .absent)
    }
}
