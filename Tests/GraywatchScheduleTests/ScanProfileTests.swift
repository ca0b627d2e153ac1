import Foundation
import GraywatchEnrich
import GraywatchTestSupport
import XCTest

@testable import GraywatchSchedule

final class ScanProfileTests: XCTestCase {
    /// A small catalog: two EX4300s, an optic, an end-of-sale EX2300, an EX3400, an MX204.
    let catalog = Catalog(entries: [
        CatalogEntry(partNumber: "EX4300-24T", family: "EX4300", kind: "device", source: "test"),
        CatalogEntry(partNumber: "EX4300-48P", family: "EX4300", kind: "device", source: "test"),
        CatalogEntry(partNumber: "EX-SFP-10GE-SR", family: "EX-SFP", kind: "module", source: "test"),
        CatalogEntry(partNumber: "EX2300-24T", family: "EX2300", kind: "device", source: "test", endOfSale: "2024-06-30"),
        CatalogEntry(partNumber: "EX3400-48T", family: "EX3400", kind: "device", source: "test"),
        CatalogEntry(partNumber: "MX204", family: "MX204", kind: "device", source: "test"),
    ])

    func read(_ yaml: String, name: String? = "t") throws -> ScanProfile {
        try ScanProfileReader(file: "x.yml").read(yaml: yaml, defaultName: name, catalog: catalog)
    }

    /// The error lines a profile text produces (empty when it reads).
    func errors(_ yaml: String) -> [String] {
        do {
            _ = try read(yaml)
            return []
        } catch let failure as ProfileErrors {
            return failure.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    /// Six lines of a valid profile with one marketplace searching `{query}`, then `extra` from line 7 on.
    func profile(_ extra: String) -> String {
        "name: t\nmarketplaces:\n  - name: shop\n    search_url: \"https://shop.example/s?q={query}\"\n"
            + "queries:\n  - juniper\n" + extra
    }

    func testShippedTradewellProfileReadsAndPlansItsStartPage() throws {
        let url = TestPaths.rules.appendingPathComponent("scans/tradewell.yml")
        let profile = try ScanProfileReader.read(contentsOf: url, catalog: try Catalog.load(directory: TestPaths.catalog))
        XCTAssertEqual(profile.name, "tradewell")
        XCTAssertEqual(profile.schedule?.value, "0 6,18 * * *")
        XCTAssertEqual(profile.schedule?.location.line, 9)
        XCTAssertEqual(profile.marketplaces.map(\.name), ["tradewell"])
        XCTAssertEqual(profile.limits, ProfileLimits(maxPages: 250, maxDepth: 20))
        XCTAssertEqual(profile.verification.stillLiveAfter?.seconds, 72 * 3600)
        let plan = QueryPlanner(catalog: catalog).plan(profile, origins: ["tradewell": "http://127.0.0.1:54321"])
        XCTAssertEqual(plan.marketplaces.first?.startURLs, ["http://127.0.0.1:54321/sch/juniper-networks/page-1.html"])
        let set = try ProfileSet.load(directory: TestPaths.rules.appendingPathComponent("scans"),
                                      catalog: try Catalog.load(directory: TestPaths.catalog))
        XCTAssertEqual(set.scheduled.map(\.name), ["tradewell"])
    }

    func testFullFeaturedProfileReadsEveryKey() throws {
        let profile = try read("""
            name: juniper-sweep
            description: EX and MX on the big marketplaces
            enabled: false
            schedule: "0 */4 * * *"
            time_zone: Europe/Berlin
            marketplaces:
              - name: tradewell
                search_url: "https://tradewell.example/sch/i.html?_nkw={query}"
                start_urls: ["https://tradewell.example/sch/juniper-networks/page-1.html"]
              - {name: shop.example, search_url: "https://shop.example/s/{query_slug}"}
            queries:
              - "juniper ex4300"
              - template: "juniper {sku}"
                families: [EX4300, MX204]
                kinds: device
                skus: ["EX4300-*", "MX2??"]
                end_of_sale: false
            limits: {max_pages: 500, max_depth: 6, max_queries: 200}
            politeness: {delay: 1.5, concurrency: 8, per_host: 1, max_attempts: 3, timeout: 30}
            identity: {contact: "mailto:bp@example.com", user_agent: "graywatch/0.2 (+mailto:bp@example.com)"}
            thresholds: {queue: 40, notify: 70, reopen_price_share: 0.25}
            verification: {still_live_after: "1d12h"}
            webhook: {url: "https://hooks.example/graywatch", secret_env: GRAYWATCH_WEBHOOK_SECRET, events: [new_item, still_live]}
            """)
        XCTAssertEqual(profile.name, "juniper-sweep")
        XCTAssertEqual(profile.nameLocation, ProfileLocation(file: "x.yml", line: 1, column: 7))
        XCTAssertFalse(profile.enabled)
        XCTAssertEqual(profile.schedule, Located("0 */4 * * *", at: ProfileLocation(file: "x.yml", line: 4, column: 12)))
        XCTAssertEqual(profile.timeZone, "Europe/Berlin")
        XCTAssertEqual(profile.marketplaces.map(\.name), ["tradewell", "shop.example"])
        XCTAssertEqual(profile.marketplaces.first?.startURLs, ["https://tradewell.example/sch/juniper-networks/page-1.html"])
        guard case .template(let template) = profile.queries.last else { return XCTFail("no template") }
        XCTAssertEqual(template.filter.families.map(\.value), ["EX4300", "MX204"])
        XCTAssertEqual(template.filter.kinds.map(\.value), ["device"])
        XCTAssertEqual(template.filter.skus.map(\.value), ["EX4300-*", "MX2??"])
        XCTAssertEqual(template.filter.endOfSale?.value, false)
        XCTAssertEqual(profile.limits, ProfileLimits(maxPages: 500, maxDepth: 6, maxQueries: 200))
        XCTAssertEqual(profile.politeness, ProfilePoliteness(delay: 1.5, concurrency: 8, perHost: 1, maxAttempts: 3, timeout: 30))
        XCTAssertEqual(profile.identity.contact, "mailto:bp@example.com")
        XCTAssertEqual(profile.thresholds, ProfileThresholds(queue: 40, notify: 70, reopenPriceShare: 0.25))
        XCTAssertEqual(profile.verification.stillLiveAfter, ProfileDuration(seconds: 36 * 3600, text: "1d12h"))
        XCTAssertEqual(profile.webhook?.secretEnv, "GRAYWATCH_WEBHOOK_SECRET")
        XCTAssertEqual(profile.webhook?.events, [.newItem, .stillLive])
        let plan = QueryPlanner(catalog: catalog).plan(profile)
        XCTAssertEqual(plan.queries, ["juniper ex4300", "juniper EX4300-24T", "juniper EX4300-48P", "juniper MX204"])
        XCTAssertEqual(plan.marketplaces.last?.startURLs.first, "https://shop.example/s/juniper-ex4300")
        let decoded = try JSONDecoder().decode(ScanProfile.self, from: JSONEncoder().encode(profile))
        XCTAssertEqual(decoded, profile)
    }

    func testDocumentedExampleReadsAgainstTheShippedCatalog() throws {
        let doc = try String(contentsOf: TestPaths.root.appendingPathComponent("docs/profiles.md"), encoding: .utf8)
        let yaml = try XCTUnwrap(doc.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
        let shipped = try Catalog.load(directory: TestPaths.catalog)
        let profile = try ScanProfileReader(file: "docs/profiles.md").read(yaml: yaml, catalog: shipped)
        let plan = QueryPlanner(catalog: shipped).plan(profile)
        XCTAssertEqual(plan.queries.first, "juniper ex4300")
        XCTAssertTrue(plan.queries.contains("EX3400 switch"))
        XCTAssertTrue(plan.queries.contains("juniper ex4300 lot"))
    }

    func testNameDefaultsToTheFileNameAndTimeZoneToUTC() throws {
        let profile = try read("marketplaces: [{name: shop, start_urls: 'https://shop.example/'}]", name: "weekly-ex")
        XCTAssertEqual(profile.name, "weekly-ex")
        XCTAssertEqual(profile.timeZone, "UTC")
        XCTAssertNil(profile.schedule)
        XCTAssertEqual(profile.webhook, nil)
    }

    func testEveryErrorNamesFileLineAndColumn() {
        let cases: [(String, String)] = [
            (profile("limits:\n  max_page: 3\n"), "x.yml:8:3: unknown key 'max_page' in limits (did you mean 'max_pages'?)"),
            (profile("frobnicate: 1\n"), "x.yml:7:1: unknown key 'frobnicate' in a scan profile (expected description, "
                + "enabled, identity, limits, marketplaces, name, politeness, queries, schedule, thresholds, time_zone, "
                + "verification or webhook)"),
            (profile("limits: {max_pages: lots}\n"), "x.yml:7:21: limits.max_pages must be a whole number"),
            (profile("limits: {max_depth: 0}\n"), "x.yml:7:21: limits.max_depth must be at least 1, not 0"),
            (profile("limits: {max_queries: -5}\n"), "x.yml:7:23: limits.max_queries must be at least 1, not -5"),
            (profile("politeness: {delay: -1}\n"), "x.yml:7:21: politeness.delay must be 0 or more seconds, not -1"),
            (profile("politeness: {concurrency: 2, per_host: 4}\n"),
             "x.yml:7:40: politeness.per_host (4) exceeds politeness.concurrency (2)"),
            (profile("enabled: maybe\n"), "x.yml:7:10: enabled must be true or false"),
            ("name: t\nmarketplaces: []\n", "x.yml:2:15: marketplaces is empty: name at least one marketplace to sweep"),
            ("name: t\nmarketplaces: shop\n",
             "x.yml:2:15: marketplaces must be a list (one entry per marketplace, each with a name)"),
            ("name: t\n", "x.yml:1:1: the profile lacks 'marketplaces' (a list of the marketplaces to sweep)"),
            ("name: Juniper Sweep\nmarketplaces: [{name: s, start_urls: 'https://s.example/'}]\n",
             "x.yml:1:7: name 'Juniper Sweep' must be lower-case letters, digits, - and _ (such as juniper-sweep)"),
            ("marketplaces:\n  - name: shop\n    search_url: https://shop.example/all\nqueries: [ex4300]\n",
             "x.yml:3:17: search_url of marketplace 'shop' holds neither {query} nor {query_slug}, "
                + "so every query would fetch the same page"),
            ("marketplaces:\n  - name: shop\n    start_urls: ['https://shop.example/']\nqueries: [ex4300]\n",
             "x.yml:4:10: queries are given, but no marketplace has a search_url to run them on"),
            ("marketplaces:\n  - name: shop\n    start_urls: ['https://shop.example/', 'ftp://shop.example/a']\n",
             "x.yml:3:43: start URL 'ftp://shop.example/a' must be an http or https URL, not ftp:"),
            ("marketplaces:\n  - name: shop\n", "x.yml:2:5: marketplace 'shop' has neither search_url nor start_urls: nothing to fetch"),
            (profile("  - template: 'juniper {skus}'\n"),
             "x.yml:7:15: template 'juniper {skus}' has the unknown placeholder {skus} (did you mean 'sku'?)"),
            (profile("  - template: juniper\n"),
             "x.yml:7:15: template 'juniper' has no placeholder ({sku}, {family} or {query}); write a fixed search as a plain query"),
            (profile("  - 'juniper {sku}'\n"),
             "x.yml:7:5: query 'juniper {sku}' holds braces; to expand placeholders write it as '- template: \"juniper {sku}\"'"),
            (profile("  - {template: '{family} switch', families: [EX4300, EX9999]}\n"),
             "x.yml:7:54: families: 'EX9999' is no family in the catalog"),
            (profile("  - {template: '{sku}', skus: ['QFX*']}\n"), "x.yml:7:32: skus: 'QFX*' matches no catalog part number"),
            (profile("  - {template: '{sku}', families: [EX-SFP], end_of_sale: true}\n"),
             "x.yml:7:5: the filters of template '{sku}' (families EX-SFP, end_of_sale true) together match no catalog entry"),
            (profile("  - {template: '{sku}', kinds: [modul]}\n"), "x.yml:7:33: unknown kind 'modul' (did you mean 'module'?)"),
            (profile("  - {template: '{query} used', families: [EX4300]}\n"),
             "x.yml:7:32: families filters the catalog, but template '{query} used' has neither {sku} nor {family}"),
            (profile("verification: {still_live_after: 72}\n"),
             "x.yml:7:34: verification.still_live_after '72' is not a duration (write a positive number with a unit: "
                + "30m, 12h, 3d, 1w, or a sum such as 1d12h)"),
            (profile("time_zone: Mars/Olympus\n"),
             "x.yml:7:12: unknown time zone 'Mars/Olympus' (use an IANA name such as UTC, Europe/Berlin or America/New_York)"),
            (profile("webhook: {url: 'ftp://hooks.example/x'}\n"),
             "x.yml:7:16: webhook.url 'ftp://hooks.example/x' must be an http or https URL, not ftp:"),
            (profile("webhook:\n  url: https://hooks.example/x\n  secret: hunter2\n"),
             "x.yml:9:3: webhook secret must not be written in the profile: put it in an environment variable and name "
                + "that variable with secret_env (such as secret_env: GRAYWATCH_WEBHOOK_SECRET)"),
            (profile("webhook: {url: 'https://h.example/', events: [new_items]}\n"),
             "x.yml:7:47: unknown webhook event 'new_items' (did you mean 'new_item'?)"),
            (profile("thresholds: {queue: 0}\n"), "x.yml:7:21: thresholds.queue must be at least 1, not 0"),
            (profile("identity: {user_agent: 'Mozilla/5.0'}\n"),
             "x.yml:7:24: identity.user_agent must name graywatch, so site owners know who is crawling"),
            (profile("limits: {max_pages: 1\n"), "x.yml:8:1: YAML: did not find expected ',' or '}'"),
            (profile("limits: {max_pages: 1, max_pages: 2}\n"),
             "x.yml:7:10: duplicate keys: max_pages (each key may appear once in a mapping)"),
            ("", "x.yml:1:1: the profile is empty: it needs at least a marketplaces list"),
            ("marketplaces: [{name: s, search_url: 'https://s.example/{query}'}]\nqueries: [{template: '{query} used'}]\n",
             "x.yml:2:11: template '{query} used' uses {query}, but the profile has no literal queries for it to take"),
            (profile("webhook: {url: 'https://h.example/', secret_env: 's3cr3t-value!'}\n"),
             "x.yml:7:50: webhook.secret_env 's3cr3t-value!' is not an environment variable name (letters, digits "
                + "and _, not starting with a digit); give the variable's name, not the secret"),
            (profile("limits:\n  - 3\n"), "x.yml:8:3: limits must be a mapping of keys to values"),
            (profile("politeness: {timeout: 0}\n"), "x.yml:7:23: politeness.timeout must be more than 0 seconds, not 0"),
        ]
        for (yaml, expected) in cases {
            XCTAssertEqual(errors(yaml), [expected], yaml)
        }
    }

    func testAllErrorsOfAFileAreReportedInLineOrder() {
        let found = errors("""
            name: t
            time_zone: Nowhere/Else
            marketplaces:
              - name: shop
                search_url: "gopher://shop.example/{query}"
            queries: ["ex4300", {template: "{sku} {colour}"}]
            limits: {max_pages: 0, max_dept: 3}
            verification: {still_live_after: 3 days}
            """)
        XCTAssertEqual(found.map { $0.prefix(while: { $0 != " " }) }, [
            "x.yml:2:12:", "x.yml:5:17:", "x.yml:6:32:", "x.yml:7:21:", "x.yml:7:24:", "x.yml:8:34:",
        ])
    }

    func testTemplatesExpandOverTheCatalogInCatalogOrder() throws {
        let parsed = try read(profile("""
              - template: "juniper {sku}"
                families: [ex4300, MX204]
              - {template: "{family} switch", families: [EX2300, EX3400]}
              - {template: "{sku} eol", end_of_sale: true}
              - {template: "{sku}", kinds: [module], skus: ["ex-sfp-*"]}
              - {template: "{query} {family} lot", families: [MX204]}
              - "JUNIPER   EX4300-24T"
            """))
        XCTAssertEqual(QueryPlanner(catalog: catalog).plan(parsed).queries, [
            "juniper", "juniper EX4300-24T", "juniper EX4300-48P", "juniper MX204", "EX2300 switch", "EX3400 switch",
            "EX2300-24T eol", "EX-SFP-10GE-SR", "juniper MX204 lot", "JUNIPER EX4300-24T MX204 lot",
        ])
    }

    func testTemplatesExpandOverTheShippedCatalog() throws {
        let shipped = try Catalog.load(directory: TestPaths.catalog)
        let loaded = try ScanProfileReader(file: "x.yml").read(yaml: profile("""
              - {template: "juniper {sku}", families: [EX4300]}
              - {template: "{family} switch", families: [EX2300, EX3400]}
            limits: {max_queries: 1000}
            """), catalog: shipped)
        let queries = QueryPlanner(catalog: shipped).plan(loaded).queries
        XCTAssertEqual(queries.count, 1 + 19 + 2)
        XCTAssertEqual(queries.filter { $0.hasPrefix("juniper EX4300-") }.count, 19)
        XCTAssertEqual(queries.suffix(2), ["EX2300 switch", "EX3400 switch"])
    }

    func testQueriesArePercentEncodedAndSlugged() {
        let query = "juniper ex4300 48t & sfp+/10g ü"
        XCTAssertEqual(QueryPlanner.searchURL("https://s.example/?q={query}", query: query),
                       "https://s.example/?q=juniper%20ex4300%2048t%20%26%20sfp%2B%2F10g%20%C3%BC")
        XCTAssertEqual(QueryPlanner.searchURL("https://s.example/sch/{query_slug}.html", query: query),
                       "https://s.example/sch/juniper-ex4300-48t-sfp-10g-%C3%BC.html")
    }

    func testMaxQueriesCapKeepsTheFirstAndSaysHowManyWereDropped() throws {
        let parsed = try read(profile("  - {template: \"juniper {sku}\"}\nlimits: {max_queries: 4}\n"))
        let plan = QueryPlanner(catalog: catalog).plan(parsed)
        XCTAssertEqual(plan.queries, ["juniper", "juniper EX4300-24T", "juniper EX4300-48P", "juniper EX-SFP-10GE-SR"])
        XCTAssertEqual(plan.droppedQueries, 3)
        XCTAssertEqual(plan.note, "profile t: limits.max_queries 4 kept 4 of 7 queries; 3 dropped "
            + "(raise max_queries or narrow the templates' filters)")
        XCTAssertEqual(plan.marketplaces.first?.startURLs.count, 4)
        XCTAssertNil(QueryPlanner(catalog: catalog).plan(try read(profile(""))).note)
    }

    func testStartURLsComeFirstAndAreDeduplicated() throws {
        let profile = try read("""
            marketplaces:
              - name: shop
                search_url: "https://shop.example/s?q={query}"
                start_urls: ["https://shop.example/s?q=ex4300", "https://shop.example/new"]
            queries: [ex4300, EX4300, mx204]
            """)
        XCTAssertEqual(QueryPlanner(catalog: catalog).plan(profile).marketplaces.first?.startURLs, [
            "https://shop.example/s?q=ex4300", "https://shop.example/new", "https://shop.example/s?q=mx204",
        ])
    }

    func testProfileSetRefusesDuplicateNamesAcrossFiles() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = "marketplaces: [{name: s, start_urls: 'https://s.example/'}]\n"
        try ("name: sweep\n" + body).write(to: folder.appendingPathComponent("a.yml"), atomically: true, encoding: .utf8)
        try ("# same\nname: sweep\n" + body).write(to: folder.appendingPathComponent("b.yml"), atomically: true, encoding: .utf8)
        try ("time_zone: Nowhere\n" + body).write(to: folder.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ProfileSet.load(directory: folder)) { error in
            let lines = (error as? ProfileErrors)?.errors.map { "\(($0.location.file as NSString).lastPathComponent):"
                + "\($0.location.line):\($0.location.column): \($0.message)" }
            XCTAssertEqual(lines?.count, 2)
            XCTAssertEqual(lines?.first?.hasPrefix("b.yml:2:7: profile name 'sweep' is already used by "), true)
            XCTAssertEqual(lines?.last?.hasPrefix("c.yml:1:12: unknown time zone 'Nowhere'"), true)
        }
        var set = try ProfileSet(profiles: [try read(body, name: "one")])
        XCTAssertThrowsError(try set.add(try read(body, name: "one")))
        XCTAssertEqual(set.names, ["one"])
    }

    func testDurationsAndGlobs() {
        XCTAssertEqual(ProfileDuration.parse("30m")?.seconds, 1800)
        XCTAssertEqual(ProfileDuration.parse("1w2d")?.seconds, 9 * 86_400)
        for bad in ["", "72", "0h", "3 days", "h", "12x", "99999999999999999999w"] { XCTAssertNil(ProfileDuration.parse(bad), bad) }
        XCTAssertTrue(Glob.matches("EX4300-*", "ex4300-48t"))
        XCTAssertTrue(Glob.matches("MX2??", "MX204"))
        XCTAssertFalse(Glob.matches("MX2??", "MX2040"))
        XCTAssertTrue(Glob.matches("*-SFP-*-SR", "EX-SFP-10GE-SR"))
    }
}
