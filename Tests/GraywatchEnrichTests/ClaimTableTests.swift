import GraywatchCore
import GraywatchEnrich
import GraywatchTestSupport
import Testing

/// Runs ``ClaimTable`` and checks the listing-level claims and the Enricher's use of them.
@Suite struct ClaimTableTests {
    @Test func tableHasEnoughRowsAndNegatives() {
        #expect(ClaimTable.positives.count + ClaimTable.negatives.count >= 100)
        #expect(ClaimTable.negatives.count >= 40)
        #expect(IdentifierTable.positives.count + IdentifierTable.negatives.count
            + ClaimTable.positives.count + ClaimTable.negatives.count >= 200)
    }

    @Test func everyRowMatches() {
        let mismatches = ClaimTable.mismatches(ClaimExtractor())
        #expect(mismatches.isEmpty, "\(mismatches.count) rows differ:\n\(mismatches.joined(separator: "\n"))")
    }

    @Test func listingClaimsCoverEveryTextField() {
        let listing = Listing(
            marketplace: "m", listingID: "1", url: "http://t/itm/1", title: "Juniper MX204 NEW", conditionRaw: "New",
            specifics: [Specific(label: "Warranty", value: "3 years")],
            description: "Comes with full Juniper warranty. Ships from Shenzhen.")
        let claims = ClaimExtractor().claims(for: listing)
        #expect(claims.map(\.value) == ["new", "new", "3-year", "manufacturer-warranty", "ships-from:Shenzhen"])
        #expect(claims.map { $0.span?.field } == [.title, .condition, .specifics, .description, .description])
    }

    @Test func enricherKeepsItsFirstClaimsAndAddsExtractedOnes() {
        let enricher = Enricher(catalog: SKUMatcherTests.catalog)
        let listing = Listing(
            marketplace: "m", listingID: "1", url: "http://t/itm/1", title: "Juniper EX4300-48T switch", conditionRaw: "Used",
            specifics: [Specific(label: "Serial Number", value: "PE3717190123")], description: "Tested. No warranty.")
        let enriched = enricher.enrich(listing)
        #expect(enriched.claims.prefix(2).map(\.value) == ["used", "juniper-presented"])
        #expect(enriched.claims.dropFirst(2).map(\.value) == ["used", "tested", "no-warranty"])
        #expect(enriched.identifiers.map(\.kind) == [.sku, .serial])
        #expect(enriched.skus == ["EX4300-48T"])
    }
}
