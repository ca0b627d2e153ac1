import Foundation
import Yams

/// The known keys of one YAML mapping, each with its key node (for errors about the key) and value node.
struct Fields {
    var entries: [String: (key: Node, value: Node)] = [:]
    /// The mapping node itself, for errors about a missing key.
    var node: Node

    subscript(name: String) -> Node? { entries[name]?.value }

    func key(_ name: String) -> Node? { entries[name]?.key }
}

extension ScanProfileReader {
    func location(_ node: Node) -> ProfileLocation {
        ProfileLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func fail(_ node: Node, _ message: String) -> ProfileError {
        ProfileError(location(node), message)
    }

    /// A Yams parse error as a profile error at the position libyaml reported.
    func error(from error: YamlError) -> ProfileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ProfileError(ProfileLocation(file: file, line: mark.line, column: mark.column), "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ProfileError(
                ProfileLocation(file: file, line: context.mark.line, column: context.mark.column),
                "duplicate keys: \(duplicates.joined(separator: ", ")) (each key may appear once in a mapping)")
        default:
            return ProfileError(ProfileLocation(file: file, line: 1, column: 1), "YAML: \(error)")
        }
    }

    /// Runs `body`; a thrown profile error is logged and nil returned, so reading goes on to the next part.
    func attempt<T>(_ log: inout [ProfileError], _ body: () throws -> T) -> T? {
        do {
            return try body()
        } catch let error as ProfileError {
            log.append(error)
        } catch let errors as ProfileErrors {
            log += errors.errors
        } catch {
            log.append(ProfileError(ProfileLocation(file: file, line: 1, column: 1), "\(error)"))
        }
        return nil
    }

    /// Runs `body` with a log of its own for errors it can read past, then adds them (and any thrown one) to `log`.
    func gather<T>(_ log: inout [ProfileError], _ body: (inout [ProfileError]) throws -> T) -> T? {
        var inner: [ProfileError] = []
        let result = attempt(&log) { try body(&inner) }
        log += inner
        return result
    }

    /// `read(node)` when the key is present, logging its error.
    func optional<T>(_ node: Node?, _ log: inout [ProfileError], _ read: (Node) throws -> T) -> T? {
        guard let node else { return nil }
        return attempt(&log) { try read(node) }
    }

    /// A mapping's keys, checked against `allowed`; each unknown key is logged with a did-you-mean hint.
    func fields(_ node: Node, _ what: String, allowed: [String], log: inout [ProfileError]) throws -> Fields {
        guard let mapping = node.mapping else { throw fail(node, "\(what) must be a mapping of keys to values") }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                log.append(fail(key, "a key in \(what) must be text"))
                continue
            }
            guard allowed.contains(scalar.string) else {
                log.append(fail(key, "unknown key '\(scalar.string)' in \(what)"
                    + Suggestion.hint(for: scalar.string, among: allowed)))
                continue
            }
            fields.entries[scalar.string] = (key, value)
        }
        return fields
    }

    /// Non-null text (numbers and booleans are taken as written).
    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let scalar) = node else { throw fail(node, "\(what) must be text, not a list or mapping") }
        guard node.null == nil || scalar.style != .plain else { throw fail(node, "\(what) has no value") }
        return scalar.string
    }

    func integer(_ node: Node, _ what: String) throws -> Int {
        guard case .scalar = node, let value = node.int else {
            throw fail(node, "\(what) must be a whole number")
        }
        return value
    }

    /// A whole number of at least 1.
    func positiveInteger(_ node: Node, _ what: String) throws -> Int {
        let value = try integer(node, what)
        guard value > 0 else { throw fail(node, "\(what) must be at least 1, not \(value)") }
        return value
    }

    func number(_ node: Node, _ what: String) throws -> Double {
        guard case .scalar = node, let value = node.int.map(Double.init) ?? node.float, value.isFinite else {
            throw fail(node, "\(what) must be a number")
        }
        return value
    }

    func bool(_ node: Node, _ what: String) throws -> Bool {
        guard case .scalar = node, let value = node.bool else { throw fail(node, "\(what) must be true or false") }
        return value
    }

    /// A list of scalars (a single scalar counts as a list of one), each with its location.
    func strings(_ node: Node, _ what: String) throws -> [Located<String>] {
        if case .scalar = node { return [Located(try string(node, what), at: location(node))] }
        guard let sequence = node.sequence else { throw fail(node, "\(what) must be a list") }
        return try sequence.map { Located(try string($0, "an entry of \(what)"), at: location($0)) }
    }

    /// An absolute http or https URL with a host.
    func httpURL(_ text: String, _ node: Node, _ what: String) throws {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased() else {
            throw fail(node, "\(what) '\(text)' is not a URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw fail(node, "\(what) '\(text)' must be an http or https URL, not \(scheme):")
        }
        guard let host = url.host, !host.isEmpty else { throw fail(node, "\(what) '\(text)' has no host") }
    }
}
