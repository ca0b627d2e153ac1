import Foundation
import Yams

extension ScanProfileReader {
    static let templateKeys = ["template", "families", "kinds", "skus", "end_of_sale"]
    static let kinds = ["device", "module"]

    /// `queries:`, a list of literal strings and `template:` mappings.
    func queries(_ node: Node, log: inout [ProfileError]) -> [ProfileQuery] {
        guard let items = node.sequence else {
            log.append(fail(node, "queries must be a list of search strings and templates"))
            return []
        }
        return items.compactMap { item in
            if case .scalar = item {
                return attempt(&log) { try literal(item) }
            }
            return gather(&log) { try template(item, log: &$0) }
        }
    }

    /// A literal search; braces mean the author wanted a template.
    func literal(_ node: Node) throws -> ProfileQuery {
        let text = try string(node, "a query").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw fail(node, "a query is empty") }
        guard !text.contains("{"), !text.contains("}") else {
            throw fail(node, "query '\(text)' holds braces; to expand placeholders write it as '- template: \"\(text)\"'")
        }
        return .literal(Located(text, at: location(node)))
    }

    /// `template:` with its optional filters (`families`, `kinds`, `skus`, `end_of_sale`).
    func template(_ node: Node, log: inout [ProfileError]) throws -> ProfileQuery {
        let fields = try self.fields(node, "a query template", allowed: Self.templateKeys, log: &log)
        guard let textNode = fields["template"] else {
            throw fail(node, "a query mapping lacks 'template' (such as template: \"juniper {sku}\"); "
                + "write a literal query as plain text")
        }
        let text = try string(textNode, "template").trimmingCharacters(in: .whitespaces)
        let (names, problem) = Self.placeholders(in: text)
        if let problem { throw fail(textNode, "template '\(text)': \(problem)") }
        for name in names where !QueryTemplate.placeholders.contains(name) {
            log.append(fail(textNode, "template '\(text)' has the unknown placeholder {\(name)}"
                + Suggestion.hint(for: name, among: QueryTemplate.placeholders)))
        }
        guard !names.isEmpty else {
            throw fail(textNode, "template '\(text)' has no placeholder ({sku}, {family} or {query}); "
                + "write a fixed search as a plain query")
        }
        var filter = CatalogFilter()
        filter.families = optional(fields["families"], &log) { try strings($0, "families") } ?? []
        filter.skus = optional(fields["skus"], &log) { try strings($0, "skus") } ?? []
        filter.kinds = optional(fields["kinds"], &log) { node in
            let kinds = try strings(node, "kinds")
            for kind in kinds where !Self.kinds.contains(kind.value) {
                throw ProfileError(kind.location, "unknown kind '\(kind.value)'" + Suggestion.hint(for: kind.value, among: Self.kinds))
            }
            return kinds
        } ?? []
        filter.endOfSale = optional(fields["end_of_sale"], &log) { Located(try bool($0, "end_of_sale"), at: location($0)) }
        for empty in ["families", "kinds", "skus"] {
            if let list = fields[empty], list.sequence?.isEmpty == true {
                log.append(fail(list, "\(empty) is empty: remove it to match every catalog entry, or list what to match"))
            }
        }
        let template = QueryTemplate(text: text, filter: filter, location: location(node))
        if !template.usesSKU, !template.usesFamily, let key = Self.templateKeys.dropFirst().first(where: { fields[$0] != nil }),
            let keyNode = fields.key(key)
        {
            log.append(fail(keyNode, "\(key) filters the catalog, but template '\(text)' has neither {sku} nor {family}"))
        }
        return .template(template)
    }

    /// Checks that need more than one section.
    ///
    /// `marketplacesNode` tells whether any marketplace wrote a search_url (perhaps a bad one, already reported).
    func crossChecks(_ profile: ScanProfile, queriesNode: Node?, marketplacesNode: Node?) -> [ProfileError] {
        guard let queriesNode, !profile.queries.isEmpty else { return [] }
        var errors: [ProfileError] = []
        let searchWritten = marketplacesNode?.sequence?.contains { $0.mapping?["search_url"] != nil } ?? false
        if !searchWritten, !profile.marketplaces.isEmpty {
            errors.append(fail(queriesNode, "queries are given, but no marketplace has a search_url to run them on"))
        }
        let hasLiteral = profile.queries.contains { if case .literal = $0 { true } else { false } }
        for case .template(let template) in profile.queries where template.usesQuery && !hasLiteral {
            errors.append(ProfileError(template.location, "template '\(template.text)' uses {query}, "
                + "but the profile has no literal queries for it to take"))
        }
        return errors
    }
}
