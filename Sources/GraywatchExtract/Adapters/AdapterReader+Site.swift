import Foundation
import Yams

extension AdapterReader {
    static let siteKeys = ["site", "hosts", "decimal_separator", "currency", "strip_query", "keep_query", "politeness", "pages"]
    static let pageKeys = ["kind", "url", "detect", "fields", "specifics", "item_links", "next_page"]
    static let itemFields = [
        "listing_id", "title", "price", "currency", "price_text", "condition", "quantity", "availability", "seller_name",
        "seller_feedback", "seller_feedback_percent", "seller_member_since", "seller_location", "description", "brand", "mpn", "sku", "gtin", "images",
    ]

    /// Reads a whole adapter file.
    func adapter(_ text: String) throws -> SiteAdapter {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch let failure as YamlError {
            switch failure {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw AdapterError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
            default:
                throw AdapterError(file: file, line: 1, column: 1, message: "YAML: \(failure)")
            }
        }
        guard let root else { throw AdapterError(file: file, line: 1, column: 1, message: "empty adapter file") }
        let map = try mapping(root, "an adapter")
        try keys(map, allowed: AdapterReader.siteKeys, in: "an adapter")
        guard let siteNode = map["site"] else { throw error(root, "adapter lacks 'site'") }
        let site = try string(siteNode, "site")
        guard !site.isEmpty, site.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw error(siteNode, "site must be letters, digits, - and _")
        }
        guard let hostsNode = map["hosts"] else { throw error(root, "adapter lacks 'hosts'") }
        let hosts = try strings(hostsNode, "hosts").map { $0.lowercased() }
        var separator: Character? = nil
        if let node = map["decimal_separator"] {
            let text = try string(node, "decimal_separator")
            guard text == "." || text == "," else { throw error(node, "decimal_separator must be \".\" or \",\"") }
            separator = text.first
        }
        var delay: Double? = nil, perHost: Int? = nil
        if let node = map["politeness"] {
            let politeness = try mapping(node, "politeness")
            try keys(politeness, allowed: ["delay", "per_host"], in: "politeness")
            delay = try politeness["delay"].map { guard let value = $0.float, value >= 0 else { throw error($0, "delay must be a number ≥ 0") }; return value }
            perHost = try politeness["per_host"].map { guard let value = $0.int, value > 0 else { throw error($0, "per_host must be a whole number ≥ 1") }; return value }
        }
        guard let pagesNode = map["pages"], let pageNodes = pagesNode.sequence else {
            throw error(map["pages"] ?? root, "adapter needs 'pages', a list")
        }
        return SiteAdapter(
            site: site, hosts: hosts, decimalSeparator: separator,
            currency: try map["currency"].map { try string($0, "currency").uppercased() },
            stripQuery: try map["strip_query"].map { try strings($0, "strip_query") } ?? [],
            keepQuery: try map["keep_query"].map { try strings($0, "keep_query") },
            delay: delay, perHost: perHost, pages: try pageNodes.map(page), file: file)
    }

    func page(_ node: Node) throws -> PageRule {
        let map = try mapping(node, "a page")
        try keys(map, allowed: AdapterReader.pageKeys, in: "a page")
        guard let kindNode = map["kind"], let kind = PageRule.Kind(rawValue: try string(kindNode, "kind")) else {
            throw error(map["kind"] ?? node, "a page needs kind: search, item or other")
        }
        guard let urlNode = map["url"] else { throw error(node, "a page needs 'url' (a regular expression)") }
        var fields: [String: [FieldSelector]] = [:]
        if let fieldsNode = map["fields"] {
            let fieldMap = try mapping(fieldsNode, "fields")
            try keys(fieldMap, allowed: AdapterReader.itemFields, in: "fields")
            for (key, value) in fieldMap {
                let name = try string(key, "a field")
                fields[name] = try selectors(value, "field '\(name)'")
            }
            if kind == .item, fields["title"] == nil { throw error(fieldsNode, "item pages need a 'title' field") }
        } else if kind == .item {
            throw error(node, "item pages need 'fields'")
        }
        return PageRule(
            kind: kind, url: try regex(urlNode, "url"), detect: try map["detect"].map { try xpath($0, "detect") },
            fields: fields, specifics: try map["specifics"].map(specifics),
            itemLinks: try map["item_links"].map { try selector($0, "item_links") },
            nextPage: try map["next_page"].map { try selector($0, "next_page") })
    }

    func specifics(_ node: Node) throws -> SpecificsRule {
        let map = try mapping(node, "specifics")
        try keys(map, allowed: ["rows", "label", "value", "overrides"], in: "specifics")
        guard let rows = map["rows"], let label = map["label"], let value = map["value"] else {
            throw error(node, "specifics needs rows, label and value (XPath)")
        }
        var overrides: [String: FieldSelector] = [:]
        if let overridesNode = map["overrides"] {
            for (key, selectorNode) in try mapping(overridesNode, "overrides") {
                let name = try string(key, "a label")
                let selectorMap = try mapping(selectorNode, "override '\(name)'")
                try keys(selectorMap, allowed: ["regex"], in: "override '\(name)'")
                guard let regexNode = selectorMap["regex"] else { throw error(selectorNode, "override needs regex") }
                overrides[name.lowercased()] = FieldSelector(
                    source: .url, regex: try regex(regexNode, "override"), join: nil, all: false, trim: true,
                    defaultValue: nil, stripQuery: false)
            }
        }
        return SpecificsRule(rows: try xpath(rows, "specifics.rows"), label: try xpath(label, "specifics.label"),
                             value: try xpath(value, "specifics.value"), overrides: overrides)
    }
}
