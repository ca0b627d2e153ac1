import GraywatchParse

/// Item links and the next-page link of a search-results page.
struct SearchPageExtractor {
    let document: HTMLDocument
    let url: String

    func results() -> SearchResults {
        let hrefs = (try? document.select(
            "//ul[contains(@class,'srp-results')]//li[contains(@class,'s-item')]//a[contains(@class,'s-item__link')]/@href"))
            ?? []
        var seen = Set<String>()
        let links = hrefs
            .compactMap { URLTools.resolve($0.text, against: url) }
            .filter { URLTools.path($0).contains("/itm/") }
            .map(URLTools.strippingQuery)
            .filter { seen.insert($0).inserted }
        let next = (try? document.select("//a[contains(@class,'pagination__next')]/@href"))?.first
            .flatMap { URLTools.resolve($0.text, against: url) }
            .map(URLTools.strippingFragment)
        return SearchResults(itemLinks: links, nextPage: next == url ? nil : next)
    }
}
