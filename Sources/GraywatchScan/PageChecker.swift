import Foundation
import GraywatchCore
import GraywatchEnrich
import GraywatchExtract
import GraywatchParse
import GraywatchRules
import GraywatchStore

/// Extract + enrich + score one page without storing anything: the analyst's "why was this flagged?".
public struct PageChecker: Sendable {
    public let extractor: Extractor
    public let enricher: Enricher
    public let rules: RuleSet
    public let market: MarketContextBuilder

    public init(adapters: AdapterSet, catalog: Catalog, rules: RuleSet, store: Store?) {
        self.extractor = Extractor(adapters: adapters)
        self.enricher = Enricher(catalog: catalog)
        self.rules = rules
        self.market = MarketContextBuilder(catalog: catalog, store: store)
    }

    /// The verdict on one page.
    public struct Verdict: Sendable {
        public var url: String
        public var pageKind: String
        public var listing: Listing?
        public var assessment: Assessment
        public var flagged: Bool
        public var market: MarketContext
    }

    public func check(html: String, url: String) throws -> Verdict {
        let document = try HTMLDocument(html: html, url: url)
        switch try extractor.extract(document, url: url) {
        case .item(let raw):
            let listing = enricher.enrich(raw)
            let ref = try market.store?.listingRef(marketplace: listing.marketplace, listingID: listing.listingID)
            let context = try market.context(for: listing, ref: ref)
            let assessment = rules.assess(listing, context: context)
            return Verdict(url: url, pageKind: "item", listing: listing, assessment: assessment,
                           flagged: rules.flags(assessment), market: context)
        case .search:
            return Verdict(url: url, pageKind: "search", listing: nil, assessment: Assessment(findings: []), flagged: false,
                           market: MarketContext())
        case .other:
            return Verdict(url: url, pageKind: "other", listing: nil, assessment: Assessment(findings: []), flagged: false,
                           market: MarketContext())
        }
    }
}
