import Foundation
import GraywatchStore
@testable import GraywatchWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The JSON API with bearer tokens: the same operations as the pages.
@Suite struct APITests {
    struct Page: Decodable {
        struct Entry: Decodable { var id: Int64; var title: String; var status: String }
        var entries: [Entry]
        var next: String?
    }

    @Test func queueItemsAndCountsAsJSON() async throws {
        let fixture = try WebFixture()
        try await fixture.test { client async throws in
            let queue = try await client.api("/api/queue?limit=2", token: fixture.token)
            #expect(queue.status == .ok)
            let page = try JSONDecoder().decode(Page.self, from: Data(queue.text.utf8))
            #expect(page.entries.map(\.id) == [fixture.ids["hostile"]!, fixture.ids["second"]!])
            let rest = try await client.api("/api/queue?limit=2&after=\(page.next ?? "")", token: fixture.token)
            #expect(try JSONDecoder().decode(Page.self, from: Data(rest.text.utf8)).entries.map(\.id) == [fixture.ids["plain"]!])
            let counts = try await client.api("/api/counts", token: fixture.token)
            #expect(counts.text.contains("\"new\":3"))
            let item = try await client.api("/api/items/\(fixture.ids["hostile"]!)", token: fixture.token)
            #expect(item.status == .ok)
            #expect(item.headers[.contentType]?.hasPrefix("application/json") == true)
            // Seller text is data in JSON: escaped by the encoder, never HTML.
            #expect(item.text.contains("\\\"window.__gw_pwned=2\\\""))
            #expect(try await client.api("/api/items/424242", token: fixture.token).status == .notFound)
        }
    }

    @Test func statusAssignNoteAndBulkThroughTheAPI() async throws {
        let fixture = try WebFixture()
        let id = fixture.ids["plain"]!
        try await fixture.test { client async throws in
            let assigned = try await client.api("/api/items/\(id)/assign", method: .post, token: fixture.token, json: #"{"assignee":"bob"}"#)
            #expect(assigned.status == .ok)
            #expect(assigned.text.contains("\"assignee\":\"bob\""))
            let dismiss = try await client.api("/api/items/\(id)/status", method: .post, token: fixture.token, json: #"{"status":"dismissed"}"#)
            #expect(dismiss.status == .conflict)
            #expect(dismiss.text.contains("needs a reason"))
            let dismissed = try await client.api("/api/items/\(id)/status", method: .post, token: fixture.token,
                                                 json: #"{"status":"dismissed","reason":"authorized reseller"}"#)
            #expect(dismissed.text.contains("\"status\":\"dismissed\""))
            #expect(try await client.api("/api/items/\(id)/notes", method: .post, token: fixture.token, json: #"{"text":"checked"}"#).status == .ok)
            #expect(try await client.api("/api/items/\(id)/notes", method: .post, token: fixture.token, json: "{not json").status == .badRequest)
            let history = try await client.api("/api/items/\(id)/history", token: fixture.token)
            #expect(history.text.contains("\"actor\":\"bob\""))
            let dry = try await client.api("/api/bulk?status=new", method: .post, token: fixture.token, json: #"{"action":"note","text":"sweep"}"#)
            #expect(dry.text.contains("\"selected\":2") && dry.text.contains("\"applied\":0"))
            let bulk = try await client.api("/api/bulk?status=new", method: .post, token: fixture.token,
                                            json: #"{"action":"note","text":"sweep","expect":2}"#)
            #expect(bulk.text.contains("\"applied\":2"))
            let audit = try await client.api("/api/audit?limit=50", token: fixture.token)
            #expect(audit.text.components(separatedBy: "\"action\":\"note\"").count - 1 == 3)
        }
    }
}
