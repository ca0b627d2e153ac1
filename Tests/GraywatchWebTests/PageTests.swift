import Foundation
import GraywatchCore
import GraywatchStore
@testable import GraywatchWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The pages and their actions, through the router, on a real SQLite store.
@Suite struct PageTests {
    @Test func queuePageListsFiltersCountsAndPages() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            let all = try await browser.get(client, "/")
            #expect(all.status == .ok)
            #expect(all.text.components(separatedBy: "<tr data-id=").count - 1 == 3)
            #expect(all.text.contains("data-status=\"new\">new<span class=\"count\">3</span>"))
            #expect(all.text.contains("data-category=\"counterfeit\">counterfeit<span class=\"count\">3</span>"))
            // Highest score first.
            let order = all.text.matches(of: /<tr data-id="(\d+)"/).map { Int64($0.1)! }
            #expect(order == [fixture.ids["hostile"]!, fixture.ids["second"]!, fixture.ids["plain"]!])
            let seller = try await browser.get(client, "/?seller=other_seller")
            #expect(seller.text.matches(of: /<tr data-id="(\d+)"/).map { Int64($0.1)! } == [fixture.ids["second"]!])
            let search = try await browser.get(client, "/?q=SRX300")
            #expect(search.text.matches(of: /<tr data-id="(\d+)"/).map { Int64($0.1)! } == [fixture.ids["second"]!])
            let scores = try await browser.get(client, "/?min=65&max=80")
            #expect(scores.text.matches(of: /<tr data-id="(\d+)"/).map { Int64($0.1)! } == [fixture.ids["second"]!])
            let none = try await browser.get(client, "/?status=confirmed")
            #expect(none.text.contains("id=\"empty\""))
            // Keyset pages of one: three pages, then none.
            var uri = "/?limit=1"
            var seen: [Int64] = []
            for _ in 0..<5 {
                let page = try await browser.get(client, uri)
                seen += page.text.matches(of: /<tr data-id="(\d+)"/).map { Int64($0.1)! }
                guard let next = page.text.firstMatch(of: /id="next-page" href="([^"]+)"/) else { break }
                uri = String(next.1).replacingOccurrences(of: "&amp;", with: "&") + "&limit=1"
            }
            #expect(seen == order)
            #expect(try await browser.get(client, "/?status=bogus").status == .badRequest)
            #expect(try await browser.get(client, "/?after=nonsense").status == .badRequest)
        }
    }

    @Test func sellerTextIsEscapedInEveryContext() async throws {
        let fixture = try WebFixture()
        let id = fixture.ids["hostile"]!
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            for uri in ["/", "/items/\(id)", "/audit", "/?q=EX4300"] {
                let page = try await browser.get(client, uri).text
                #expect(!page.contains("<script>window.__gw_pwned"), "\(uri)")
                #expect(!page.contains("<img src=x"), "\(uri)")
                #expect(!page.contains("href=\"javascript:"), "\(uri)")
            }
            let item = try await browser.get(client, "/items/\(id)").text
            #expect(item.contains("&lt;script&gt;window.__gw_pwned=1&lt;/script&gt;"))
            #expect(item.contains("onerror=&quot;window.__gw_pwned=2&quot;"))
            // The javascript: listing URL is shown as text but never linked.
            #expect(item.contains("<a href=\"#\""))
        }
    }

    @Test func itemPageShowsPricesEvidenceObservationsAndCapture() async throws {
        let fixture = try WebFixture()
        let id = fixture.ids["plain"]!
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            let page = try await browser.get(client, "/items/\(id)")
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("USD 9,000.00 (EX4300-48T)") || text.contains("USD 9000"))
            #expect(text.contains("Counterfeit wording"))
            #expect(text.contains("<mark>EX4300</mark>"))
            let hash = try #require(try fixture.store.observations(listingRef: fixture.store.queueItem(id: id)!.listingRef).first)
            #expect(text.contains(hash.bodySHA256))
            #expect(text.contains("<iframe class=\"capture\" sandbox=\"\""))
            #expect(try await browser.get(client, "/items/999999").status == .notFound)
        }
    }

    @Test func captureIsServedSandboxedFromTheStoredBody() async throws {
        let fixture = try WebFixture()
        let id = fixture.ids["plain"]!
        let other = fixture.ids["second"]!
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            let ref = try fixture.store.queueItem(id: id)!.listingRef
            let observation = try #require(try fixture.store.observations(listingRef: ref).first)
            let capture = try await browser.get(client, "/items/\(id)/captures/\(observation.id)")
            #expect(capture.status == .ok)
            #expect(capture.text == String(decoding: try fixture.store.observationBody(observation.id)!, as: UTF8.self))
            let policy = try #require(capture.headers[.contentSecurityPolicy])
            #expect(policy.hasPrefix("sandbox;"))
            #expect(policy.contains("default-src 'none'"))
            #expect(!policy.contains("script-src"))
            // An observation of another item is not reachable through this one.
            #expect(try await browser.get(client, "/items/\(other)/captures/\(observation.id)").status == .notFound)
        }
    }

    @Test func statusAssignAndNoteActionsAreAudited() async throws {
        let fixture = try WebFixture()
        let id = fixture.ids["plain"]!
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            #expect(try await browser.post(client, "/items/\(id)/assign", [("assignee", "bob")]).status == .seeOther)
            let confirm = try await browser.post(client, "/items/\(id)/status", [("status", "confirmed"), ("category", "counterfeit"),
                                                                                  ("reason", "replica wording")])
            #expect(confirm.status == .seeOther)
            #expect(confirm.headers[.location] == "/items/\(id)")
            #expect(try await browser.post(client, "/items/\(id)/notes", [("text", "seller also on eBay")]).status == .seeOther)
            // Refusals come back as the item page with the reason.
            let illegal = try await browser.post(client, "/items/\(id)/status", [("status", "new")])
            #expect(illegal.status == .conflict)
            #expect(illegal.text.contains("cannot become new"))
            #expect(try await browser.post(client, "/items/\(id)/status", [("status", "bogus")]).status == .badRequest)
            #expect(try await browser.post(client, "/items/\(id)/assign", [("assignee", "nobody-here")]).status == .badRequest)
            let audit = try await browser.get(client, "/audit").text
            #expect(audit.contains("replica wording; category counterfeit"))
            let item = try await browser.get(client, "/items/\(id)").text
            #expect(item.contains("seller also on eBay"))
        }
        let history = try fixture.store.history(id)
        #expect(history.map(\.action) == ["assign", "status", "note"])
        #expect(history.allSatisfy { $0.actor == "alice" })
        #expect(try fixture.store.queueItem(id: id)?.entry.status == "confirmed")
    }

    @Test func bulkActionIsReviewedThenConfirmedWithItsCount() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            let review = try await browser.post(client, "/bulk", [("min", "65"), ("action", "assign"), ("assign_to", "bob")])
            #expect(review.status == .ok)
            #expect(review.text.contains("on <strong>2</strong> item(s)"))
            #expect(try fixture.store.queue(QueueFilter(assignee: "bob")).isEmpty)
            let stale = try await browser.post(client, "/bulk", [("min", "65"), ("action", "assign"), ("assign_to", "bob"), ("expect", "5")])
            #expect(stale.status == .conflict)
            let applied = try await browser.post(client, "/bulk", [("min", "65"), ("action", "assign"), ("assign_to", "bob"), ("expect", "2")])
            #expect(applied.status == .seeOther)
            #expect(applied.headers[.location]?.contains("bulk=2") == true)
            #expect(try await browser.post(client, "/bulk", [("action", "note"), ("text", "all")]).status == .badRequest)
        }
        #expect(try fixture.store.queue(QueueFilter(assignee: "bob")).count == 2)
    }

    @Test func exportsAnswerTheFilteredSelection() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            let csv = try await browser.get(client, "/export/csv?min=80")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentDisposition]?.contains("attachment") == true)
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 2)
            #expect(csv.text.contains("'=HYPERLINK"))
            let warc = try await browser.get(client, "/export/warc?seller=plain_seller")
            #expect(warc.status == .ok)
            #expect(warc.text.hasPrefix("WARC/1.1"))
            #expect(try await browser.get(client, "/export/ndjson").text.split(separator: "\n").count == 3)
            // Takedown: admin only, confirmed items of one marketplace, which move to enforcement-requested.
            let id = fixture.ids["second"]!
            _ = try fixture.store.setStatus(id, to: .confirmed, actor: "t", category: .counterfeit)
            #expect(try await browser.post(client, "/export/takedown", []).status == .badRequest)
            let batch = try await browser.post(client, "/export/takedown", [("marketplace", "tradewell")])
            #expect(batch.status == .ok)
            #expect(batch.text.contains("Counterfeit Juniper product"))
            #expect(try fixture.store.queueItem(id: id)?.entry.status == "enforcement-requested")
        }
    }

    @Test func adminAddsUsersAndIssuesTokensThatWork() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client async throws in
            let alice = try await Browser.signIn(client)
            #expect(try await alice.get(client, "/admin/users").text.contains("<td>bob</td>"))
            let short = try await alice.post(client, "/admin/users", [("name", "carol"), ("role", "analyst"), ("password", "short")])
            #expect(short.status == .badRequest)
            let added = try await alice.post(client, "/admin/users", [("name", "carol"), ("role", "analyst"), ("password", "carol's long password")])
            #expect(added.status == .ok)
            #expect(try await alice.post(client, "/admin/users", [("name", "carol"), ("role", "analyst"), ("password", "carol's long password")]).status == .conflict)
            let carol = try await Browser.signIn(client, name: "carol", password: "carol's long password")
            #expect(try await carol.get(client, "/").status == .ok)
            let issued = try await alice.post(client, "/admin/tokens", [("name", "carol"), ("label", "script")])
            let token = try #require(issued.text.firstMatch(of: /id="new-token">([^<]+)</).map { String($0.1) })
            let me = try await client.api("/api/me", token: token)
            #expect(me.text.contains("\"name\":\"carol\""))
        }
    }
}

/// Hostile query strings on the queue page: clear 400s or plain searches, never a store error.
@Suite struct QueueQueryRegressionTests {
    @Test func searchWithNulOrOnlyPunctuationIsAPlainSearch() async throws {
        try await WebFixture().test { client async throws in
            let browser = try await Browser.signIn(client)
            #expect(try await browser.get(client, "/?q=SRX300%00").status == .ok)
            #expect(try await browser.get(client, "/?q=%22*").status == .ok)
            #expect(try await browser.get(client, "/?q=%22*").text.components(separatedBy: "<tr data-id=").count - 1 == 3)
        }
    }

    @Test func cursorOfAnotherOrderIs400() async throws {
        try await WebFixture().test { client async throws in
            let browser = try await Browser.signIn(client)
            #expect(try await browser.get(client, "/?after=abc_5").status == .badRequest)
            #expect(try await browser.get(client, "/?sort=newest&after=2026-01-01T00:00:00.000Z_5").status == .ok)
        }
    }
}
