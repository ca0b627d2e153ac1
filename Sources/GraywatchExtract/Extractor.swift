import GraywatchCore
import GraywatchParse

/// Step 4 of the pipeline: decides what kind of page a document is and pulls out what it holds.
///
/// The site adapter matching the URL's host (rules/sites/*.yml) decides; a page no adapter matches goes to the
/// generic extractor (JSON-LD, microdata, OpenGraph, then DOM heuristics).
public struct Extractor: Sendable {
    public let adapters: AdapterSet

    public init(adapters: AdapterSet) {
        self.adapters = adapters
    }

    /// Extracts a page. `marketplace` overrides the adapter's site name (or the host, for generic pages).
    /// A listing's fields are kept within ``FieldLimits``.
    public func extract(_ document: HTMLDocument, url: String, marketplace: String? = nil) throws(ExtractError) -> ExtractedPage {
        let page = try extractUnbounded(document, url: url, marketplace: marketplace)
        guard case .item(let listing) = page else { return page }
        return .item(FieldLimits.bound(listing))
    }

    private func extractUnbounded(_ document: HTMLDocument, url: String, marketplace: String?) throws(ExtractError)
        -> ExtractedPage
    {
        guard let adapter = adapters.adapter(for: url) else {
            return GenericExtractor(document: document, url: url)
                .extract(marketplace: marketplace ?? URLTools.host(url) ?? "unknown")
        }
        let reader = AdapterExtractor(adapter: adapter, document: document, url: url)
        guard let rule = reader.pageRule() else { return .other }
        switch rule.kind {
        case .search: return .search(reader.searchResults(rule))
        case .item: return .item(try reader.listing(rule, marketplace: marketplace ?? adapter.site))
        case .other: return .other
        }
    }

    /// The marketplace a URL belongs to: its adapter's site, else its host.
    public func marketplace(for url: String) -> String {
        adapters.adapter(for: url)?.site ?? URLTools.host(url) ?? "unknown"
    }
}
