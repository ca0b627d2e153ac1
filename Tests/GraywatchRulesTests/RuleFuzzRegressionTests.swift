import Foundation
import GraywatchCore
import GraywatchRules
import Testing

/// Scoring bugs the fuzzers found (fuzz/regressions/page), one test each, named after what it guards.
@Suite struct RuleFuzzRegressionTests {
    func rules() throws -> RuleSet {
        var set = RuleSet(rules: [])
        try set.add(yaml: """
            rules:
              - id: near-new
                description: d
                category: damaged
                weight: 60
                when:
                  new_price_ratio_at_least: 0.75
              - id: cheap
                description: d
                category: counterfeit
                weight: 60
                when:
                  price_ratio_below: 0.9
            """, file: "t.yml")
        return set
    }

    func listing(price: String) -> Listing {
        var listing = Listing(marketplace: "m", listingID: "1", url: "http://t/1", title: "Juniper EX4300-24P",
                              condition: .forParts, description: "")
        listing.price = Price(amount: Decimal(string: price)!, currency: "USD")
        return listing
    }

    func market(median: String) -> MarketContext {
        let reference = ReferencePrice(price: Price(amount: Decimal(string: median)!, currency: "USD"),
                                       source: .marketMedian, sampleCount: 5, sku: "EX4300-24P")
        var context = MarketContext(marketMedian: reference)
        context.newMarketMedian = reference
        return context
    }

    /// fuzz/regressions/page/new-price-ratio-past-int-range: a price 5·10¹⁸ times the new-unit median used to trap
    /// converting the percentage to Int, taking the whole scan down.
    @Test func newPriceRatioPastIntRangeIsWrittenOutNotTrapped() throws {
        let assessment = try rules().assess(listing(price: "10000000000000000000000"), context: market(median: "2000"))
        let finding = try #require(assessment.findings.first { $0.ruleID == "near-new" })
        #expect(finding.evidence.first?.note?.hasPrefix("500000000000000000000% of the new price") == true)
    }

    /// The same notes keep whole percentages, rounded, for ordinary prices.
    @Test func priceRatioNotesStayWholePercentages() throws {
        let rules = try rules()
        let cheap = rules.assess(listing(price: "1721"), context: market(median: "2000"))
        #expect(cheap.findings.first { $0.ruleID == "cheap" }?.evidence.first?.note?.hasPrefix("86% of the reference") == true)
        let nearNew = rules.assess(listing(price: "1981"), context: market(median: "2000"))
        #expect(nearNew.findings.first { $0.ruleID == "near-new" }?.evidence.first?.note?.hasPrefix("99% of the new price") == true)
    }
}
