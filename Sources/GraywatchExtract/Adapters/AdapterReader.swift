import Foundation
import GraywatchParse
import Yams

/// Turns one adapter file's YAML nodes into a ``SiteAdapter``; every error points at the node.
struct AdapterReader {
    let file: String

    func error(_ node: Node?, _ message: String) -> AdapterError {
        AdapterError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message)
    }

    func mapping(_ node: Node, _ what: String) throws -> Node.Mapping {
        guard let mapping = node.mapping else { throw error(node, "\(what) must be a mapping") }
        return mapping
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw error(node, "\(what) must be text") }
        return scalar.string
    }

    func strings(_ node: Node, _ what: String) throws -> [String] {
        if case .scalar = node { return [try string(node, what)] }
        guard let sequence = node.sequence else { throw error(node, "\(what) must be a list") }
        return try sequence.map { try string($0, what) }
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard let value = node.bool else { throw error(node, "\(what) must be true or false") }
        return value
    }

    /// Checks that a mapping holds only known keys.
    func keys(_ map: Node.Mapping, allowed: [String], in what: String) throws {
        for key in map.keys {
            let name = try string(key, "a key")
            guard allowed.contains(name) else {
                throw error(key, "unknown key '\(name)' in \(what) (expected one of \(allowed.joined(separator: ", ")))")
            }
        }
    }

    func xpath(_ node: Node, _ what: String) throws -> String {
        let expression = try string(node, what)
        guard HTMLDocument.isValidXPath(expression) else { throw error(node, "invalid XPath in \(what): \(expression)") }
        HTMLDocument.keepScripts(readBy: expression)
        return expression
    }

    func regex(_ node: Node, _ what: String) throws -> NSRegularExpressionBox {
        let pattern = try string(node, what)
        do { return try NSRegularExpressionBox(pattern) } catch {
            throw self.error(node, "invalid regular expression in \(what): \(pattern)")
        }
    }

    static let selectorKeys = ["xpath", "css", "from", "regex", "join", "all", "trim", "default", "strip_query"]

    /// One selector mapping, or a list of them (fallbacks, first value wins).
    func selectors(_ node: Node, _ what: String) throws -> [FieldSelector] {
        if let sequence = node.sequence { return try sequence.map { try selector($0, what) } }
        return [try selector(node, what)]
    }

    func selector(_ node: Node, _ what: String) throws -> FieldSelector {
        let map = try mapping(node, what)
        try keys(map, allowed: AdapterReader.selectorKeys, in: what)
        let source: FieldSelector.Source
        switch (map["xpath"], map["css"], map["from"]) {
        case (let xpathNode?, nil, nil):
            source = .xpath(try xpath(xpathNode, what))
        case (nil, let cssNode?, nil):
            let css = try string(cssNode, what)
            do {
                source = .xpath(try CSSSelector.xpath(for: css))
            } catch {
                let message = (error as? CSSSelector.Failure)?.message ?? "\(error)"
                throw self.error(cssNode, "unsupported CSS selector in \(what): \(message)")
            }
        case (nil, nil, let fromNode?):
            guard try string(fromNode, what) == "url" else { throw error(fromNode, "from: only 'url' is known") }
            source = .url
        default:
            throw error(node, "\(what) needs exactly one of xpath, css or from")
        }
        return FieldSelector(
            source: source, regex: try map["regex"].map { try regex($0, what) },
            join: try map["join"].map { try string($0, what) }, all: try map["all"].map { try bool($0, what) } ?? false,
            trim: try map["trim"].map { try bool($0, what) } ?? true, defaultValue: try map["default"].map { try string($0, what) },
            stripQuery: try map["strip_query"].map { try bool($0, what) } ?? false)
    }
}
