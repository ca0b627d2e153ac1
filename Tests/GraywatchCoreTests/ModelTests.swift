import Foundation
import GraywatchCore
import Testing

@Suite struct ModelTests {
    func sku(_ value: String, _ field: ListingField) -> Identifier {
        Identifier(kind: .sku, raw: value, normalized: value, span: TextSpan(field: field, start: 0, length: value.count))
    }

    @Test func skusAreUniqueInOrder() {
        let listing = Listing(marketplace: "m", listingID: "1", url: "u", title: "t",
                              identifiers: [sku("SRX300", .specifics), sku("SRX345", .title), sku("SRX300", .description)])
        #expect(listing.skus == ["SRX300", "SRX345"])
        #expect(listing.primarySKU == "SRX300")
    }

    @Test func scoreSumsWeightsAndRanksCategoriesByWeight() {
        let assessment = Assessment(findings: [
            Finding(ruleID: "a", category: .damaged, weight: 20, evidence: []),
            Finding(ruleID: "b", category: .counterfeit, weight: 30, evidence: []),
            Finding(ruleID: "c", category: .damaged, weight: 20, evidence: []),
        ])
        #expect(assessment.score == 70)
        #expect(assessment.rankedCategories == [.damaged, .counterfeit])
    }

    @Test func listingRoundTripsThroughJSONWithExactPrices() throws {
        var listing = Listing(marketplace: "m", listingID: "1", url: "u", title: "t")
        listing.price = Price(amount: Decimal(string: "1299.99")!, currency: "USD")
        let decoded = try JSONDecoder().decode(Listing.self, from: JSONEncoder().encode(listing))
        #expect(decoded == listing)
        #expect(decoded.price?.amountText == "1299.99")
    }

    @Test func fieldTextForRules() {
        let listing = Listing(marketplace: "m", listingID: "1", url: "u", title: "t", conditionRaw: "Used",
                              specifics: [Specific(label: "Brand", value: "Juniper")])
        #expect(listing.text(of: .specifics) == "Brand: Juniper")
        #expect(listing.text(of: .condition) == "Used")
        #expect(listing.specific("brand") == "Juniper")
    }
}
