import Foundation
import GraywatchParse

/// Applies a ``SiteAdapter`` to a parsed page.
struct AdapterExtractor {
    let adapter: SiteAdapter
    let document: HTMLDocument
    let url: String

    /// The first page rule whose URL pattern and detect XPath both match.
    func pageRule() -> PageRule? {
        let target = URLTools.pathAndQuery(url)
        return adapter.pages.first { rule in
            guard rule.url.matches(target) else { return false }
            guard let detect = rule.detect else { return true }
            return !((try? document.select(detect)) ?? []).isEmpty
        }
    }

    /// The first value the selectors yield (fallbacks in order).
    func value(_ selectors: [FieldSelector]?, multiline: Bool = false) -> String? {
        for selector in selectors ?? [] {
            if let found = values(selector, multiline: multiline).first { return found }
        }
        return nil
    }

    /// Every value one selector yields (one unless `join` or `all`).
    func values(_ selector: FieldSelector, multiline: Bool = false) -> [String] {
        var texts: [String]
        switch selector.source {
        case .url:
            texts = [url]
        case .xpath(let expression):
            // One evaluation gives both: the nodes of a path, or the string of an expression such as string(…).
            let result = (try? document.query(expression)) ?? (nodes: [], string: "")
            if result.nodes.isEmpty, !result.string.isEmpty {
                texts = [result.string]
            } else {
                let needed = selector.all || selector.join != nil || selector.regex != nil || selector.trim ? result.nodes : Array(result.nodes.prefix(1))
                texts = needed.map(\.value)
            }
        }
        // Cut before folding white space or running a regex, an attribute can be a megabyte long; with room for white
        // space the folding removes (the listing is cut to the limits exactly afterwards).
        texts = texts.map { FieldLimits.cut($0, to: 8 * (multiline ? FieldLimits.description : FieldLimits.line)) }
        if selector.trim {
            texts = texts.map { multiline ? TextNormalizer.collapse($0) : TextNormalizer.singleLine($0) }
        }
        texts = texts.filter { !$0.isEmpty }
        if let separator = selector.join { texts = texts.isEmpty ? [] : [texts.joined(separator: separator)] }
        if let regex = selector.regex { texts = texts.compactMap { regex.capture(in: $0) } }
        if !selector.all { texts = Array(texts.prefix(1)) }
        if texts.isEmpty, let fallback = selector.defaultValue { texts = [fallback] }
        return texts
    }

    /// Item specifics as label → value pairs in page order.
    func specifics(_ rule: SpecificsRule?) -> [(String, String)] {
        guard let rule else { return [] }
        return ((try? document.select(rule.rows)) ?? []).compactMap { row in
            let label = ((try? row.select(rule.label))?.first?.value ?? (try? row.string(rule.label)) ?? "")
            let name = TextNormalizer.singleLine(label).trimmingCharacters(in: CharacterSet(charactersIn: ": "))
            guard !name.isEmpty, let cell = (try? row.select(rule.value))?.first else { return nil }
            var value = TextNormalizer.singleLine(FieldLimits.cut(cell.value, to: 8 * FieldLimits.line))
            if let override = rule.overrides[name.lowercased()], let captured = override.regex?.capture(in: value) {
                value = TextNormalizer.singleLine(captured)
            }
            return value.isEmpty ? nil : (name, value)
        }
    }

    /// Item links and the next page of a search page.
    func searchResults(_ rule: PageRule) -> SearchResults {
        var seen = Set<String>()
        let links = (rule.itemLinks.map { values(link($0)) } ?? [])
            .compactMap { URLTools.resolve($0, against: url) }
            .map { rule.itemLinks?.stripQuery == true ? URLTools.strippingQuery($0) : URLTools.strippingFragment($0) }
            .filter { seen.insert($0).inserted }
        let next = rule.nextPage.flatMap { values($0).first }
            .flatMap { URLTools.resolve($0, against: url) }
            .map(URLTools.strippingFragment)
        return SearchResults(itemLinks: links, nextPage: next == url ? nil : next)
    }

    /// A link selector always yields every node.
    private func link(_ selector: FieldSelector) -> FieldSelector {
        var all = selector
        all.all = true
        return all
    }
}
