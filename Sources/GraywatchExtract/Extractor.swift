import GraywatchCore
import GraywatchParse

/// Step 4 of the pipeline: decides what kind of page a document is and pulls out what it holds.
///
/// Version 1 knows the classic eBay-style markup that the bundled sample marketplace follows
/// (item pages with `#itemTitle`, `#prcIsum`, item-specifics tables; search pages with `.srp-results`).
public struct Extractor: Sendable {
    public init() {}

    /// Extracts a page. `marketplace` names the site the listing belongs to.
    public func extract(_ document: HTMLDocument, url: String, marketplace: String) throws(ExtractError) -> ExtractedPage {
        let path = URLTools.path(url)
        let looksLikeItem = path.contains("/itm/") || !((try? document.select("//h1[@id='itemTitle']")) ?? []).isEmpty
        if looksLikeItem {
            return .item(try ItemPageExtractor(document: document, url: url).listing(marketplace: marketplace))
        }
        let looksLikeSearch = path.contains("/sch/")
            || !((try? document.select("//ul[contains(@class,'srp-results')]")) ?? []).isEmpty
        if looksLikeSearch {
            return .search(SearchPageExtractor(document: document, url: url).results())
        }
        return .other
    }
}
