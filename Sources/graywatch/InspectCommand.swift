import ArgumentParser
import Foundation
import GraywatchFetch
import GraywatchScan

/// `graywatch inspect`: look at how graywatch reads a site's files, without scanning.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Explain how graywatch reads robots.txt, text and prices, without scanning.",
        subcommands: [InspectRobots.self, InspectText.self, InspectPrice.self])
}

/// `graywatch inspect robots`: the robots.txt decision for one URL, and the rule behind it.
struct InspectRobots: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "robots",
        abstract: "Say whether robots.txt lets graywatch fetch a URL, and which rule decides (RFC 9309).",
        discussion: """
            Exit code 0 when the URL is allowed, 1 when it is disallowed, 2 on errors.
            Example: graywatch inspect robots https://market.example/robots.txt /itm/1
            Example: graywatch inspect robots ./robots.txt "https://market.example/sch/a?page=2" --agent otherbot
            """)

    @Argument(help: "A robots.txt file, or its http(s) URL.")
    var robots: String

    @Argument(help: "The URL to check: a full URL or a path with optional query (/itm/1?x=2).")
    var url: String

    @Option(help: "The product token whose group applies (case-insensitive).")
    var agent: String = "graywatch"

    func validate() throws {
        guard !agent.isEmpty, !agent.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw ValidationError("--agent must be a product token such as 'graywatch' (no spaces or '/')")
        }
        guard !url.isEmpty else { throw ValidationError("the URL to check is empty") }
        if Self.isHTTP(robots), Self.afterScheme(robots).prefix(while: { !"/?#".contains($0) }).isEmpty {
            throw ValidationError("'\(robots)' has no host")
        }
    }

    func run() async throws {
        let (rules, parsed) = try await load()
        let target = Self.pathAndQuery(url)
        if parsed { describeGroup(rules) }
        let rule = rules.decidingRule(for: target)
        let allowed = rule?.allow ?? true
        print("\(allowed ? "allowed" : "disallowed"): \(LogSafe.text(target)) (\(Self.describe(rule)))")
        if !allowed { throw ExitCode(1) }
    }

    /// Reads or fetches robots.txt and parses it (`parsed` true); 4xx allows all, 5xx or another status
    /// disallows all (`parsed` false).
    private func load() async throws -> (robots: GraywatchFetch.Robots, parsed: Bool) {
        guard Self.isHTTP(robots) else {
            let data = try readFile()
            print("robots.txt: \(LogSafe.text(robots)) (\(data.count) bytes read)")
            return (GraywatchFetch.Robots(data: data, productToken: agent), true)
        }
        let page: FetchedPage
        do {
            page = try await Fetcher(options: FetchOptions()).fetch(robots)
        } catch {
            throw CLIError.runtime(
                "cannot fetch robots.txt: \(LogSafe.text("\(error)")) (a scan treats this host as disallowed)")
        }
        print("robots.txt: \(LogSafe.text(robots)) (HTTP \(page.status))")
        if page.isSuccess {
            return (GraywatchFetch.Robots(data: page.body, productToken: agent), true)
        }
        if (400..<500).contains(page.status) {
            print("HTTP \(page.status): robots.txt is unavailable, so everything is allowed (RFC 9309 §2.3.1.3)")
            return (.allowAll, false)
        }
        print("HTTP \(page.status): robots.txt is unreachable, so everything is disallowed (RFC 9309 §2.3.1.4)")
        return (.disallowAll, false)
    }

    /// The first ``Robots/maxBytes`` bytes of the robots.txt file.
    private func readFile() throws -> Data {
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: robots))
            defer { try? handle.close() }
            return try handle.read(upToCount: GraywatchFetch.Robots.maxBytes) ?? Data()
        } catch {
            throw CLIError.runtime("cannot read \(LogSafe.text(robots)): \(error.localizedDescription)")
        }
    }

    /// Prints which group applies and its Crawl-delay.
    private func describeGroup(_ rules: GraywatchFetch.Robots) {
        switch rules.matchedAgent {
        case .some("*"):
            print("group: User-agent: * (no group names '\(LogSafe.text(agent))'), \(rules.rules.count) rule(s)")
        case .some(let name):
            print("group: User-agent: \(LogSafe.text(name)), \(rules.rules.count) rule(s)")
        case .none:
            print("group: none for '\(LogSafe.text(agent))' or '*', so no rules apply")
        }
        if let delay = rules.crawlDelay {
            print("crawl-delay: \(delay) s")
        }
    }

    /// Explains the deciding rule in words.
    static func describe(_ rule: GraywatchFetch.Robots.Rule?) -> String {
        guard let rule else { return "no rule matches" }
        let text = "\(rule.allow ? "Allow" : "Disallow"): \(LogSafe.text(rule.pattern))"
        guard rule.line > 0 else {
            return rule.allow ? "robots.txt itself is always allowed" : "synthetic rule \(text)"
        }
        return "rule line \(rule.line): \(text)"
    }

    static func isHTTP(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The text after "scheme://", or all of it when there is no scheme.
    static func afterScheme(_ text: String) -> Substring {
        guard isHTTP(text), let range = text.range(of: "://") else { return Substring(text) }
        return text[range.upperBound...]
    }

    /// Path and query of a full URL or a path: "https://h/a/b?x=1#f" → "/a/b?x=1"; "" or "h" → "/".
    static func pathAndQuery(_ text: String) -> String {
        var rest = afterScheme(text)
        if isHTTP(text) {
            rest = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }).map { rest[$0...] } ?? ""
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        return rest.hasPrefix("/") ? String(rest) : "/" + rest
    }
}
