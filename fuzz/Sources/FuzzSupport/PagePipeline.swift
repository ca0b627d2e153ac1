import Foundation
import GraywatchCore
import GraywatchExtract
import GraywatchFetch
import GraywatchParse

/// One page through the scan's stages 2–6, as `ListingScanner` and `graywatch extract` run them.
///
/// decode (TextDecoder) → parse (HTMLDocument) → extract (site adapter or generic extractor) → enrich → score, plus the
/// `graywatch extract` JSON report. Errors the pipeline reports (empty page, missing field) are expected outcomes;
/// only a crash, a sanitizer report, a hang, runaway memory or a broken ``Invariants`` property is a finding.
public enum PagePipeline {
    /// What the page turned out to be, for the caller's curiosity (libFuzzer ignores it).
    public enum Outcome: Equatable, Sendable {
        case parseError, extractError, other, search(links: Int), item(findings: Int)
    }

    @discardableResult
    public static func run(_ input: FuzzInput, environment: FuzzEnvironment = .shared) -> Outcome {
        let html = TextDecoder.decode(input.body, contentType: input.contentType)
        let document: HTMLDocument
        do {
            document = try HTMLDocument(html: html, url: input.url)
        } catch {
            Invariants.checkNamesPage(error, url: input.url)
            return .parseError
        }
        let page: ExtractedPage
        do {
            page = try environment.extractor.extract(document, url: input.url)
        } catch {
            Invariants.checkNamesPage(error, url: input.url)
            return .extractError
        }
        let marketplace = environment.extractor.marketplace(for: input.url)
        let report = ExtractionReport(page: page, url: input.url, marketplace: marketplace, enricher: environment.enricher)
        _ = try? JSONEncoder().encode(report)
        switch page {
        case .other:
            return .other
        case .search(let results):
            return .search(links: results.itemLinks.count + (results.nextPage == nil ? 0 : 1))
        case .item(let raw):
            let listing = environment.enricher.enrich(raw)
            Invariants.checkEvidence(listing)
            let market = input.market.context(for: listing, catalog: environment.enricher.catalog)
            let assessment = environment.rules.assess(listing, context: market)
            Invariants.checkFindings(assessment, of: listing)
            _ = environment.rules.flags(assessment)
            return .item(findings: assessment.findings.count)
        }
    }
}
