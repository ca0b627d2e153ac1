import Foundation

/// Where the repository's data folders are, found from this file's location.
public enum TestPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory
    }()

    public static var rules: URL { root.appendingPathComponent("rules") }
    public static var catalog: URL { rules.appendingPathComponent("catalog") }
    public static var sites: URL { rules.appendingPathComponent("sites") }
    public static var pages: URL { root.appendingPathComponent("samples/pages") }
    public static var marketplace: URL { root.appendingPathComponent("samples/marketplace") }
    public static var fixtures: URL { root.appendingPathComponent("Tests/Fixtures") }
    public static var labels: URL { root.appendingPathComponent("samples/labels.csv") }
    /// ../shared/real-pages, when the checkout sits beside shared/.
    public static var realPages: URL { root.deletingLastPathComponent().appendingPathComponent("shared/real-pages") }

    /// The text of a sample marketplace file (path relative to samples/marketplace).
    /// Every HTML page of the bundled samples (marketplace item and search pages, samples/pages and its labeled
    /// set): "folder/name" and the page's text.
    public static func samplePages() throws -> [(label: String, html: String)] {
        var pages: [(label: String, html: String)] = []
        for folder in ["samples/marketplace/itm", "samples/marketplace/sch/juniper-networks", "samples/pages", "samples/pages/labeled"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".html") {
                pages.append(("\(folder)/\(name)", String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)))
            }
        }
        return pages
    }

    public static func sample(_ path: String) throws -> String {
        try String(contentsOf: marketplace.appendingPathComponent(path), encoding: .utf8)
    }

    /// A fresh temporary folder for one test.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("graywatch-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One row of samples/labels.csv.
public struct Label: Sendable {
    public var path: String
    public var skus: [String]
    public var condition: String
    public var flagged: Bool
    public var categories: Set<String>

    /// Reads samples/labels.csv (header path,skus,condition,flagged,categories,note).
    public static func all() throws -> [Label] {
        let text = try String(contentsOf: TestPaths.labels, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let fields = line.split(separator: ",", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
            return Label(
                path: fields[0], skus: fields[1].split(separator: ";").map(String.init), condition: fields[2],
                flagged: fields[3] == "yes", categories: Set(fields[4].split(separator: ";").map(String.init)))
        }
    }
}

/// RFC 4180 fields of one CSV line (quoted fields, doubled quotes), for reading the test data files.
public enum CSVLine {
    public static func fields(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { current.append("\""); characters = characters.dropFirst() } else { quoted = false }
                } else { current.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields
    }
}
