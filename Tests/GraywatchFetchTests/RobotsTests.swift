import Foundation
import GraywatchFetch
import Testing

/// RFC 9309 behaviours of the robots.txt parser and matcher; docs/robots.md maps each to its section.
@Suite struct RobotsTests {
    /// Parses `text` for the product token "graywatch".
    func robots(_ text: String, agent: String = "graywatch") -> Robots {
        Robots(text: text, productToken: agent)
    }

    @Test func allowAllAndDisallowAllKeepTheirMeaning() {
        #expect(Robots.allowAll.allows("/x"))
        #expect(!Robots.disallowAll.allows("/x"))
        #expect(!Robots.disallowAll.allows("/"))
    }

    @Test func longestMatchWins() {
        // RFC 9309 §5.2.
        let rules = robots("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n", agent: "foobot")
        #expect(rules.allows("/example/page/"))
        #expect(rules.allows("/example/page/allowed.gif"))
        #expect(!rules.allows("/example/page/disallowed.gif"))
    }

    @Test func allowWinsATie() {
        let rules = robots("User-agent: *\nDisallow: /page\nAllow: /page\n")
        #expect(rules.allows("/page"))
        #expect(rules.decidingRule(for: "/page")?.line == 3)
    }

    @Test func wildcardMatchesAnySequence() {
        let rules = robots("User-agent: *\nDisallow: /this/*/exactly\nDisallow: *.gif\n")
        #expect(!rules.allows("/this/a/b/exactly"))
        #expect(!rules.allows("/this//exactly"))
        #expect(rules.allows("/this/exactly") && !rules.allows("/img/a.gif?size=2"))
    }

    @Test func dollarAnchorsTheEnd() {
        let rules = robots("User-agent: *\nDisallow: /this/path/exactly$\nDisallow: *.gif$\n")
        #expect(!rules.allows("/this/path/exactly"))
        #expect(rules.allows("/this/path/exactly/more"))
        #expect(rules.allows("/this/path/exactly?x=1"))
        #expect(!rules.allows("/a/b.gif"))
        #expect(rules.allows("/a/b.gif?x"))
    }

    @Test func percentEncodedSpecialCharactersMatchLiterally() {
        // RFC 9309 §2.2.3: "%2A" and "%24" in a pattern match a literal "*" and "$".
        let rules = robots("User-agent: *\nDisallow: /path/file-with-a-%2A.html\nDisallow: /path/foo-%24\n")
        #expect(!rules.allows("/path/file-with-a-*.html"))
        #expect(rules.allows("/path/file-with-a-b.html"))
        #expect(!rules.allows("/path/foo-$"))
        #expect(rules.allows("/path/foo-"))
    }

    @Test func productTokenMatchIsCaseInsensitive() {
        let rules = robots("User-agent: GrayWatch\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n", agent: "GRAYWATCH")
        #expect(!rules.allows("/private"))
        #expect(rules.allows("/public"))
    }

    @Test func productTokenIsTakenFromAVersionedUserAgentLine() {
        let rules = robots("User-agent: graywatch/1.0\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n")
        #expect(rules.matchedAgent == "graywatch/1.0")
        #expect(rules.allows("/public") && !rules.allows("/private"))
    }

    @Test func groupsForTheSameAgentAreMerged() {
        // RFC 9309 §2.2.1.
        let text = "user-agent: ExampleBot\ndisallow: /foo\ndisallow: /bar\n\nuser-agent: ExampleBot\ndisallow: /baz\n"
        let rules = robots(text, agent: "examplebot")
        #expect(rules.rules.map(\.pattern) == ["/foo", "/bar", "/baz"])
        #expect(!rules.allows("/baz/1"))
    }

    @Test func starGroupIsTheFallback() {
        let rules = robots("User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /cart\n")
        #expect(rules.matchedAgent == "*")
        #expect(!rules.allows("/cart") && rules.allows("/itm/1"))
    }

    @Test func ourGroupReplacesTheStarGroup() {
        let rules = robots("User-agent: *\nDisallow: /\n\nUser-agent: graywatch\nDisallow: /cart\n")
        #expect(rules.allows("/itm/1"))
        #expect(!rules.allows("/cart"))
    }

    @Test func noMatchingGroupAllowsEverything() {
        let rules = robots("User-agent: otherbot\nDisallow: /\n")
        #expect(rules.rules.isEmpty && rules.matchedAgent == nil && rules.allows("/anything"))
    }

    @Test func rfcSimpleExample() {
        // RFC 9309 §5.1, including an empty group (quxbot) and two user-agent lines sharing one group.
        let text = """
            User-Agent: *
            Disallow: *.gif$
            Disallow: /example/
            Allow: /publications/

            User-Agent: foobot
            Disallow:/
            Allow:/example/page.html
            Allow:/example/allowed.gif

            User-Agent: barbot
            User-Agent: bazbot
            Disallow: /example/page.html

            User-Agent: quxbot
            """
        let foobot = robots(text, agent: "foobot")
        #expect(foobot.allows("/example/page.html") && foobot.allows("/example/allowed.gif"))
        #expect(!foobot.allows("/example/other.html") && !foobot.allows("/publications/"))
        for agent in ["barbot", "bazbot"] {
            #expect(!robots(text, agent: agent).allows("/example/page.html"))
            #expect(robots(text, agent: agent).allows("/example/other.gif"))
        }
        #expect(robots(text, agent: "quxbot").allows("/example/a.gif"))
        let other = robots(text, agent: "graywatch")
        #expect(!other.allows("/a/b.gif") && !other.allows("/example/x") && other.allows("/publications/x"))
    }

    @Test func percentEncodingIsNormalized() {
        // RFC 9309 §2.2.2 table: non-ASCII and escapes of unreserved characters match either way.
        let rules = robots("User-agent: *\nDisallow: /foo/bar/ツ\nDisallow: /a/%62%61%7A\nDisallow: /q?u=%3a\n")
        #expect(!rules.allows("/foo/bar/%E3%83%84"))
        #expect(!rules.allows("/foo/bar/%e3%83%84"))
        #expect(!rules.allows("/a/baz"))
        #expect(!rules.allows("/a/%62az"))
        #expect(!rules.allows("/q?u=%3A"))
        #expect(rules.allows("/q?u=:"))
    }

    @Test func onlyTheFirst500KiBAreParsed() {
        let head = "User-agent: *\nDisallow: /early\n"
        let padding = String(repeating: "# padding\n", count: Robots.maxBytes / 10)
        let rules = robots(head + padding + "Disallow: /late\n")
        #expect(Robots.maxBytes == 512_000)
        #expect(!rules.allows("/early"))
        #expect(rules.allows("/late"))
    }

    @Test func crawlDelayForOurToken() {
        let text = "User-agent: *\nCrawl-delay: 30\n\nUser-agent: graywatch\nCrawl-delay: 2.5\nDisallow: /x\n"
        #expect(robots(text).crawlDelay == 2.5 && robots(text, agent: "otherbot").crawlDelay == 30)
        #expect(robots("User-agent: *\nDisallow: /x\n").crawlDelay == nil)
    }

    @Test func invalidCrawlDelayIsIgnored() {
        for value in ["soon", "-1", "inf", "1.2.3", ""] {
            #expect(robots("User-agent: *\nCrawl-delay: \(value)\n").crawlDelay == nil)
        }
    }

    @Test func robotsTxtItselfIsAlwaysAllowed() {
        let rules = robots("User-agent: *\nDisallow: /\n")
        #expect(rules.allows("/robots.txt"))
        #expect(Robots.disallowAll.allows("/robots.txt"))
        #expect(!rules.allows("/robots.txt.bak"))
    }

    @Test func rulesBeforeAnyUserAgentAreIgnored() {
        let rules = robots("Disallow: /\n\nUser-agent: *\nDisallow: /cart\n")
        #expect(rules.allows("/itm/1"))
        #expect(!rules.allows("/cart"))
    }

    @Test func emptyDisallowAllowsEverything() {
        let rules = robots("User-agent: *\nDisallow:\n")
        #expect(rules.rules.isEmpty)
        #expect(rules.allows("/"))
    }

    @Test func patternsNotStartingWithSlashOrStarAreIgnored() {
        let rules = robots("User-agent: *\nDisallow: cart\nDisallow: $\n")
        #expect(rules.rules.isEmpty)
        #expect(rules.allows("/cart"))
    }

    @Test func overlongPatternIsIgnored() {
        let long = "/" + String(repeating: "a", count: Robots.maxPatternLength)
        let rules = robots("User-agent: *\nDisallow: \(long)\n")
        #expect(rules.allows(long))
    }

    @Test func hugeWildcardPatternIsLinear() {
        let pattern = "/" + String(repeating: "*a", count: 990) + "*b$"
        let rules = robots("User-agent: *\nDisallow: \(pattern)\n")
        let path = "/" + String(repeating: "a", count: 50_000)
        let started = ContinuousClock.now
        #expect(rules.allows(path))
        #expect(!rules.allows(path + "b"))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func keysAreCaseInsensitiveAndSpaceIsOptional() {
        let rules = robots("USER-AGENT:graywatch\nDISALLOW:/a\n  allow :/a/b\n")
        #expect(!rules.allows("/a/c"))
        #expect(rules.allows("/a/b"))
    }

    @Test func commentsAreIgnored() {
        let rules = robots("# site rules\nUser-agent: * # everyone\nDisallow: /a # not /b\n")
        #expect(rules.rules.map(\.pattern) == ["/a"])
        #expect(rules.allows("/b"))
    }

    @Test func allLineEndingsAreAccepted() {
        for newline in ["\n", "\r\n", "\r"] {
            let rules = robots(["User-agent: *", "Disallow: /a", "Allow: /a/b"].joined(separator: newline))
            #expect(rules.decidingRule(for: "/a/b")?.line == 3)
            #expect(!rules.allows("/a/c"))
        }
    }

    @Test func byteOrderMarkIsSkipped() {
        let rules = Robots(data: Data([0xEF, 0xBB, 0xBF] + Array("User-agent: *\nDisallow: /a\n".utf8)), productToken: "graywatch")
        #expect(!rules.allows("/a"))
    }

    @Test func invalidUTF8IsTolerated() {
        let bytes = Array("User-agent: *\nDisallow: /\u{FF}x\n".utf8) + [0xFF, 0xFE] + Array("\nDisallow: /b\n".utf8)
        let rules = Robots(data: Data(bytes), productToken: "graywatch")
        #expect(!rules.allows("/b"))
        #expect(rules.rules.count == 2)
    }

    @Test func otherRecordsDoNotSplitAGroup() {
        let rules = robots("User-agent: a\nSitemap: https://x.example/s.xml\nUser-agent: graywatch\nDisallow: /a\n")
        #expect(!rules.allows("/a"))
    }

    @Test func queryIsPartOfThePath() {
        let rules = robots("User-agent: *\nDisallow: /*?sessionid=\n")
        #expect(!rules.allows("/itm/1?sessionid=9"))
        #expect(rules.allows("/itm/1"))
        #expect(rules.allows("/itm/1#?sessionid=9"))
    }

    @Test func decidingRuleExplainsTheDecision() {
        let rules = robots("User-agent: *\nDisallow: /itm/preview/\nAllow: /itm/\n")
        #expect(rules.decidingRule(for: "/itm/1") == Robots.Rule(allow: true, pattern: "/itm/", line: 3))
        #expect(rules.decidingRule(for: "/itm/preview/9") == Robots.Rule(allow: false, pattern: "/itm/preview/", line: 2))
        #expect(rules.decidingRule(for: "/x") == nil)
    }
}
