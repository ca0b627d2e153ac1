import Foundation
import GraywatchCore
import GraywatchRules
import Testing

@Suite struct RuleEvaluationTests {
    func listing(title: String = "Juniper EX4300-48T", description: String = "", condition: Condition = .new,
                 price: String? = nil, quantity: Int? = nil, presented: Bool = true) -> Listing {
        var listing = Listing(marketplace: "m", listingID: "1", url: "http://t/1", title: title, condition: condition,
                              quantityAvailable: quantity, description: description)
        listing.price = price.map { Price(amount: Decimal(string: $0)!, currency: "USD") }
        listing.conditionRaw = condition.rawValue
        if presented { listing.claims = [Claim(kind: .authenticity, value: "juniper-presented", text: "Brand: Juniper")] }
        return listing
    }

    func set(_ yaml: String) throws -> RuleSet {
        var set = RuleSet(rules: [])
        try set.add(yaml: "rules:\n" + yaml, file: "t.yml")
        return set
    }

    let warranty = """
          - id: warranty
            description: d
            category: warranty-or-license
            weight: 60
            when:
              juniper_presented: true
              phrases: {any: [manufacturer warranty, jtac support]}
        """

    @Test func phraseMatchReportsSpanAndContext() throws {
        let assessment = try set(warranty).assess(
            listing(description: "Ships fast. Full Manufacturer\n Warranty included."), context: MarketContext())
        let finding = try #require(assessment.findings.first)
        #expect(finding.ruleID == "warranty")
        #expect(finding.evidence.first?.field == "presentation")
        let evidence = try #require(finding.evidence.first { $0.field == "description" })
        #expect(evidence.text == "Manufacturer\n Warranty")
        #expect(evidence.span == TextSpan(field: .description, start: 17, length: 22))
        #expect(evidence.context?.contains("Full Manufacturer Warranty included") == true)
    }

    @Test(arguments: [
        "No manufacturer warranty.", "Sold without manufacturer warranty", "Not covered by JTAC support",
        "There is no Juniper manufacturer warranty",
    ])
    func negatedPhrasesDoNotMatch(_ text: String) throws {
        #expect(try set(warranty).assess(listing(description: text), context: MarketContext()).findings.isEmpty)
    }

    @Test func phrasesAreWordBounded() throws {
        let rules = try set("""
              - id: lot
                description: d
                category: stolen-or-diverted
                weight: 60
                when: {phrases: {any: [lot of]}}
            """)
        #expect(rules.assess(listing(description: "a pilot offer"), context: MarketContext()).findings.isEmpty)
        #expect(rules.assess(listing(description: "lot of 8"), context: MarketContext()).score == 60)
    }

    @Test func notPresentedAsJuniperNeverFires() throws {
        let assessment = try set(warranty).assess(
            listing(description: "manufacturer warranty", presented: false), context: MarketContext())
        #expect(assessment.findings.isEmpty)
    }

    @Test func priceRatioUsesTheReference() throws {
        let rules = try set("""
              - id: cheap
                description: d
                category: counterfeit
                weight: 60
                when: {condition: [new], price_ratio_below: 0.6}
            """)
        let reference = ReferencePrice(
            price: Price(amount: 4000, currency: "USD"), source: .marketMedian, sampleCount: 3, sku: "EX4300-48T")
        let cheap = rules.assess(listing(price: "450"), context: MarketContext(referencePrice: reference))
        #expect(cheap.score == 60)
        #expect(cheap.findings.first?.evidence.last?.note?.hasPrefix("11% of the reference USD 4,000.00") == true)
        #expect(rules.assess(listing(price: "3900"), context: MarketContext(referencePrice: reference)).score == 0)
        #expect(rules.assess(listing(price: "450"), context: MarketContext()).score == 0, "no reference, no finding")
    }

    @Test func scoreIsTheSumAndCategoriesAreRanked() throws {
        let rules = try set("""
              - id: bulk
                description: d
                category: stolen-or-diverted
                weight: 70
                when: {quantity_at_least: 5}
              - id: license
                description: d
                category: warranty-or-license
                weight: 40
                when: {phrases: {any: [license included]}}
              - id: quiet
                description: d
                category: damaged
                weight: 40
                when: {not: {has_sku: false}}
            """)
        let assessment = rules.assess(listing(description: "License included", quantity: 8), context: MarketContext())
        #expect(assessment.score == 110)
        #expect(assessment.rankedCategories == [.stolenOrDiverted, .warrantyOrLicense])
        #expect(rules.flags(assessment))
    }

    @Test func anyAllNotCombine() throws {
        let rules = try set("""
              - id: combo
                description: d
                category: used-as-new
                weight: 60
                when:
                  condition: [new]
                  any:
                    - phrases: {any: [pulled from]}
                    - regex: {fields: [title], pattern: "refurb(ished)?"}
                  not:
                    phrases: {any: [never used]}
            """)
        #expect(rules.assess(listing(description: "Pulled from a rack"), context: MarketContext()).score == 60)
        #expect(rules.assess(listing(title: "EX4300 Refurbished"), context: MarketContext()).score == 60)
        #expect(rules.assess(listing(title: "EX4300 Refurbished", condition: .used), context: MarketContext()).score == 0)
    }
}
