import Foundation

/// One Juniper part number from the catalog data files.
public struct CatalogEntry: Sendable, Equatable {
    public var partNumber: String
    public var family: String
    /// `device` or `module` (optics are modules).
    public var kind: String
    /// Where the fact came from.
    public var source: String
    /// The list price in US dollars, when an authoritative figure is known (never invented).
    public var listPriceUSD: Decimal?
    /// End-of-sale date as the source gives it, when the product is end of sale.
    public var endOfSale: String?

    public init(partNumber: String, family: String, kind: String, source: String, listPriceUSD: Decimal? = nil,
                endOfSale: String? = nil) {
        self.partNumber = partNumber
        self.family = family
        self.kind = kind
        self.source = source
        self.listPriceUSD = listPriceUSD
        self.endOfSale = endOfSale
    }
}

/// The Juniper catalog: part numbers analysts keep under `rules/catalog/*.csv`.
public struct Catalog: Sendable {
    public private(set) var entries: [CatalogEntry] = []
    /// Part number reduced to upper-case letters and digits → entry index.
    private var byKey: [String: Int] = [:]
    /// Alias key → the key of the part number it stands for (`rules/catalog/aliases.csv`).
    private var aliasTargets: [String: String] = [:]
    /// Longest key (part number or alias), in characters, to bound SKU matching.
    public private(set) var longestKey = 0

    public init(entries: [CatalogEntry] = []) {
        for entry in entries { add(entry) }
    }

    public mutating func add(_ entry: CatalogEntry) {
        let key = Catalog.key(entry.partNumber)
        guard !key.isEmpty, byKey[key] == nil else { return }
        byKey[key] = entries.count
        entries.append(entry)
        longestKey = max(longestKey, key.count)
    }

    /// Adds a new entry, or fills a known part's list price and end of sale from `entry` (a user's catalog).
    public mutating func merge(_ entry: CatalogEntry) {
        guard let index = byKey[Catalog.key(entry.partNumber)] else { return add(entry) }
        if let price = entry.listPriceUSD { entries[index].listPriceUSD = price }
        if let endOfSale = entry.endOfSale { entries[index].endOfSale = endOfSale }
    }

    /// Records that `alias` names the catalog part `partNumber` (resolved at lookup, so file order does not matter).
    public mutating func addAlias(_ alias: String, for partNumber: String) {
        let key = Catalog.key(alias), target = Catalog.key(partNumber)
        guard !key.isEmpty, !target.isEmpty, byKey[key] == nil else { return }
        aliasTargets[key] = target
        longestKey = max(longestKey, key.count)
    }

    /// The entry whose part number, or one of whose aliases, equals `text` ignoring case and separators.
    public func entry(matching text: String) -> CatalogEntry? {
        resolve(text)?.entry
    }

    /// The entry for `text`, and whether it was reached through an alias rather than its own part number.
    public func resolve(_ text: String) -> (entry: CatalogEntry, viaAlias: Bool)? {
        let key = Catalog.key(text)
        if let index = byKey[key] { return (entries[index], false) }
        guard let target = aliasTargets[key], let index = byKey[target] else { return nil }
        return (entries[index], true)
    }

    /// Aliases whose part number is not in the catalog (checked after a whole directory is loaded).
    public var danglingAliases: [String] {
        aliasTargets.filter { byKey[$0.value] == nil }.map(\.key).sorted()
    }

    /// The comparison key: ASCII letters and digits only, upper-cased.
    public static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
            .uppercased()
    }

    /// Loads every `*.csv` in `directory`: part files (header `part_number,family,kind,source`) and alias files
    /// (header `alias,part_number,note`); an alias naming no loaded part number is an error.
    public static func load(directory: URL) throws -> Catalog {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "csv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var catalog = Catalog()
        for file in files { try catalog.load(file: file) }
        if let dangling = catalog.danglingAliases.first {
            throw CatalogError(file: directory.path, line: 0, message: "alias \(dangling) names no catalog part number")
        }
        return catalog
    }

    /// Adds the rows of one catalog CSV file (parts or aliases, told apart by the header); errors name the file
    /// and line. Lines starting with `#` are comments.
    public mutating func load(file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var header: [String]? = nil
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.hasPrefix("#") { continue }
            let fields = CSV.fields(of: String(line))
            if fields.allSatisfy(\.isEmpty) { continue }
            guard let names = header else {
                let lowered = fields.map { $0.lowercased() }
                let required = lowered.contains("alias") ? ["alias", "part_number"] : ["part_number"]
                for column in required where !lowered.contains(column) {
                    throw CatalogError(file: file.path, line: index + 1, message: "header lacks the column \(column)")
                }
                header = lowered
                continue
            }
            func value(_ name: String) -> String {
                guard let column = names.firstIndex(of: name), column < fields.count else { return "" }
                return fields[column]
            }
            guard !value("part_number").isEmpty else {
                throw CatalogError(file: file.path, line: index + 1, message: "empty part_number")
            }
            if names.contains("alias") {
                guard !value("alias").isEmpty else { throw CatalogError(file: file.path, line: index + 1, message: "empty alias") }
                addAlias(value("alias"), for: value("part_number"))
            } else {
                let price = value("list_price_usd")
                var listPrice: Decimal? = nil
                if !price.isEmpty {
                    guard let parsed = Decimal(string: price, locale: Locale(identifier: "en_US_POSIX")), parsed > 0 else {
                        throw CatalogError(file: file.path, line: index + 1, message: "list_price_usd '\(price)' is not a positive number")
                    }
                    listPrice = parsed
                }
                let part = value("part_number")
                add(CatalogEntry(
                    partNumber: part, family: value("family").isEmpty ? Catalog.family(of: part) : value("family"),
                    kind: value("kind"), source: value("source"), listPriceUSD: listPrice,
                    endOfSale: value("end_of_sale").isEmpty ? nil : value("end_of_sale")))
                for alias in value("aliases").split(separator: ";") where !alias.trimmingCharacters(in: .whitespaces).isEmpty {
                    addAlias(alias.trimmingCharacters(in: .whitespaces), for: part)
                }
            }
        }
    }
}

extension Catalog {
    /// The family of a part number without one: its first dash-separated group ("EX4300-48T" → "EX4300").
    static func family(of part: String) -> String {
        String(part.split(separator: "-").first ?? Substring(part))
    }

    /// The shipped catalog folder, plus a user's own catalog file (their confidential price list, say) whose
    /// rows are added after it; a user row for a known part fills in its list price and end of sale.
    public static func load(directory: URL, userCatalog: URL?) throws -> Catalog {
        var catalog = try load(directory: directory)
        if let userCatalog {
            var user = Catalog()
            try user.load(file: userCatalog)
            for entry in user.entries { catalog.merge(entry) }
        }
        return catalog
    }
}

/// A catalog file that could not be read.
public struct CatalogError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
}

/// Minimal RFC 4180 field splitting for one line (quoted fields, doubled quotes).
enum CSV {
    static func fields(of line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else {
                            quoted = false
                            if next == "," { fields.append(current); current = "" } else { current.append(next) }
                        }
                    } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" && current.isEmpty {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
