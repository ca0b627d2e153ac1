import Foundation
import GraywatchCore
import Testing

/// Compares what graywatch made of a hostile case with what samples/hostile/expectations.json says it must.
enum HostileChecks {
    /// Every field the expectation names, on the listing extracted (and perhaps stored) for case `id`.
    static func check(
        _ listing: Listing, _ expected: ListingExpectation, id: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        func expect(_ condition: Bool, _ what: String, _ found: Any) {
            #expect(condition, "\(id): \(what), found \(String(reflecting: found))", sourceLocation: sourceLocation)
        }
        expect(listing.listingID == expected.listingID, "listing id \(expected.listingID)", listing.listingID)
        expect(listing.title == expected.title, "title \(String(reflecting: expected.title))", listing.title)
        if expected.checksPrice {
            let amount = expected.price.flatMap { Decimal(string: $0) }
            expect(listing.price?.amount == amount, "price \(expected.price ?? "none")", listing.price as Any)
            if let currency = expected.currency { expect(listing.price?.currency == currency, "currency \(currency)", listing.price as Any) }
        }
        if let seller = expected.seller { expect(listing.seller.name == seller, "seller \(String(reflecting: seller))", listing.seller.name as Any) }
        if let skus = expected.skus { expect(listing.skus == skus, "SKUs \(skus)", listing.skus) }
        for (label, value) in expected.specifics ?? [:] {
            expect(listing.specific(label) == value, "specific \(label) = \(String(reflecting: value))", listing.specific(label) as Any)
        }
        for part in expected.descriptionContains ?? [] {
            expect(listing.description.contains(part), "description containing \(String(reflecting: part))", listing.description.prefix(200))
        }
        if let limit = expected.maxDescriptionLength {
            let length = listing.description.unicodeScalars.count
            expect(length <= limit, "a description of at most \(limit) characters", length)
        }
        if let images = expected.images { expect(listing.imageURLs.count == images, "\(images) image URLs", listing.imageURLs.count) }
        let fields = ListingField.allCases.map { listing.text(of: $0) } + listing.imageURLs
        for text in expected.absent ?? [] {
            expect(!fields.contains { $0.contains(text) }, "no field containing \(String(reflecting: text))", fields)
        }
    }

    /// A failure at the expected stage whose reason has the expected words, for case `id`.
    static func check(
        stage: String, reason: String, _ expected: Expectation.Failure, id: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(stage == expected.stage, "\(id): stage \(expected.stage), found \(stage) (\(reason))", sourceLocation: sourceLocation)
        #expect(reason.contains(expected.reason), "\(id): a reason containing \(String(reflecting: expected.reason)), found \(String(reflecting: reason))",
                sourceLocation: sourceLocation)
    }
}
