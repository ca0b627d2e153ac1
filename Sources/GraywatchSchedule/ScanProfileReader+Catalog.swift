import GraywatchEnrich

extension CatalogFilter {
    /// Whether `entry` passes every filter key (any value of a key will do).
    public func matches(_ entry: CatalogEntry) -> Bool {
        (families.isEmpty || families.contains { $0.value.uppercased() == entry.family.uppercased() })
            && (kinds.isEmpty || kinds.contains { $0.value == entry.kind })
            && (skus.isEmpty || skus.contains { Glob.matches($0.value, entry.partNumber) })
            && (endOfSale.map { $0.value == (entry.endOfSale != nil) } ?? true)
    }
}

/// Shell-style patterns over part numbers: `*` any run of characters, `?` exactly one; case is ignored.
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let pattern = Array(pattern.uppercased()), text = Array(text.uppercased())
        var p = 0, t = 0
        var star: Int? = nil, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

extension ScanProfileReader {
    /// Each template filter value must match something in the catalog, and each template's filters together too;
    /// the error names the filter and points at it.
    public static func check(_ queries: [ProfileQuery], against catalog: Catalog) -> [ProfileError] {
        var errors: [ProfileError] = []
        let families = Set(catalog.entries.map { $0.family.uppercased() })
        let familyNames = Array(Set(catalog.entries.map(\.family))).sorted()
        for case .template(let template) in queries {
            let filter = template.filter
            var broken = false
            for family in filter.families where !families.contains(family.value.uppercased()) {
                broken = true
                let hint = Suggestion.closest(to: family.value, among: familyNames).map { " (did you mean '\($0)'?)" } ?? ""
                errors.append(ProfileError(family.location, "families: '\(family.value)' is no family in the catalog\(hint)"))
            }
            for kind in filter.kinds where !catalog.entries.contains(where: { $0.kind == kind.value }) {
                broken = true
                errors.append(ProfileError(kind.location, "kinds: no catalog entry is of kind '\(kind.value)'"))
            }
            for sku in filter.skus where !catalog.entries.contains(where: { Glob.matches(sku.value, $0.partNumber) }) {
                broken = true
                errors.append(ProfileError(sku.location, "skus: '\(sku.value)' matches no catalog part number"))
            }
            if let endOfSale = filter.endOfSale,
                !catalog.entries.contains(where: { ($0.endOfSale != nil) == endOfSale.value })
            {
                broken = true
                errors.append(ProfileError(endOfSale.location, "end_of_sale: \(endOfSale.value) matches no catalog entry "
                    + (endOfSale.value ? "(no entry has an end_of_sale date)" : "(every entry has an end_of_sale date)")))
            }
            if !broken, !filter.isEmpty, !catalog.entries.contains(where: filter.matches) {
                errors.append(ProfileError(template.location, "the filters of template '\(template.text)' ("
                    + describe(filter) + ") together match no catalog entry"))
            }
        }
        return errors
    }

    /// "families EX4300, kinds module".
    static func describe(_ filter: CatalogFilter) -> String {
        var parts: [String] = []
        if !filter.families.isEmpty { parts.append("families " + filter.families.map(\.value).joined(separator: ", ")) }
        if !filter.kinds.isEmpty { parts.append("kinds " + filter.kinds.map(\.value).joined(separator: ", ")) }
        if !filter.skus.isEmpty { parts.append("skus " + filter.skus.map(\.value).joined(separator: ", ")) }
        if let endOfSale = filter.endOfSale { parts.append("end_of_sale \(endOfSale.value)") }
        return parts.joined(separator: ", ")
    }
}
