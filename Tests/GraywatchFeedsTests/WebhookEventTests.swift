import Foundation
import GraywatchCore
import GraywatchFeeds
import XCTest

final class WebhookEventTests: XCTestCase {
    static let at = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
    static let eventID = UUID(uuidString: "3F0C2B1A-1111-4222-8333-944455556666") ?? UUID()

    static let newItem = WebhookEvent.newItem(
        .init(reviewItemID: 42,
              listing: .init(marketplace: "tradewell", listingID: "100", url: "http://market.test/itm/100",
                             title: "Juniper EX4300-48T \"NEW\" switch"),
              score: 85, categories: [.counterfeit, .usedAsNew], profile: "ex-series"),
        at: at, id: eventID)

    private func object(_ event: WebhookEvent) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: try event.jsonData())
        return try XCTUnwrap(json as? [String: Any])
    }

    func testNewItemEnvelopeHasSchemaVersionLowercaseIdKindAndUTCTime() throws {
        let json = try object(Self.newItem)
        XCTAssertEqual(json["schema_version"] as? Int, 1)
        XCTAssertEqual(json["id"] as? String, "3f0c2b1a-1111-4222-8333-944455556666")
        XCTAssertEqual(json["kind"] as? String, "new_item")
        XCTAssertEqual(json["occurred_at"] as? String, "2027-01-15T08:00:00Z")
        let data = try XCTUnwrap(json["data"] as? [String: Any])
        XCTAssertEqual(Set(data.keys), ["review_item_id", "listing", "score", "categories", "profile"])
        XCTAssertEqual(data["review_item_id"] as? Int, 42)
        XCTAssertEqual(data["categories"] as? [String], ["counterfeit", "used-as-new"])
        let listing = try XCTUnwrap(data["listing"] as? [String: Any])
        XCTAssertEqual(Set(listing.keys), ["marketplace", "listing_id", "url", "title"])
        XCTAssertEqual(listing["url"] as? String, "http://market.test/itm/100")
    }

    func testStatusChangeAndScanFinishedUseSnakeCaseKeys() throws {
        let change = WebhookEvent.statusChange(.init(reviewItemID: 7, from: .new, to: .enforcementRequested, actor: "alice",
                                                     reason: "takedown filed", changedAt: Self.at))
        let changeData = try XCTUnwrap(try object(change)["data"] as? [String: Any])
        XCTAssertEqual(Set(changeData.keys), ["review_item_id", "from", "to", "actor", "reason", "changed_at"])
        XCTAssertEqual(changeData["to"] as? String, "enforcement-requested")
        XCTAssertEqual(changeData["changed_at"] as? String, "2027-01-15T08:00:00Z")
        XCTAssertEqual(try object(change)["kind"] as? String, "status_change")

        let finished = WebhookEvent.scanFinished(.init(profile: "ex-series", runID: 9,
                                                       counts: .init(new: 3, changed: 2, gone: 1, failed: 0),
                                                       durationSeconds: 12.5), at: Self.at)
        let finishedData = try XCTUnwrap(try object(finished)["data"] as? [String: Any])
        XCTAssertEqual(Set(finishedData.keys), ["profile", "run_id", "counts", "duration_seconds"])
        XCTAssertEqual(finishedData["counts"] as? [String: Int], ["new": 3, "changed": 2, "gone": 1, "failed": 0])
        XCTAssertEqual(finishedData["duration_seconds"] as? Double, 12.5)
    }

    func testEventsRoundTripThroughJSON() throws {
        let events = [
            Self.newItem,
            .statusChange(.init(reviewItemID: 7, from: .confirmed, to: .dismissed, actor: "bob", reason: nil, changedAt: Self.at)),
            .scanFinished(.init(profile: "p", runID: 1, counts: .init(new: 0, changed: 0, gone: 0, failed: 4),
                                durationSeconds: 0.25), at: Self.at),
        ]
        for event in events {
            XCTAssertEqual(try WebhookEvent.decode(try event.jsonData()), event)
        }
    }

    func testEachEventGetsItsOwnId() {
        let first = WebhookEvent.scanFinished(.init(profile: "p", runID: 1, counts: .init(new: 0, changed: 0, gone: 0, failed: 0),
                                                    durationSeconds: 1), at: Self.at)
        let second = WebhookEvent(occurredAt: Self.at, payload: first.payload)
        XCTAssertNotEqual(first.id, second.id)
    }

    func testDecodingRejectsAnUnknownSchemaVersionOrKind() throws {
        var json = String(decoding: try Self.newItem.jsonData(), as: UTF8.self)
        json = json.replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":2")
        XCTAssertThrowsError(try WebhookEvent.decode(Data(json.utf8))) { error in
            XCTAssertTrue("\(error)".contains("schema_version 2"), "\(error)")
        }
        let unknown = String(decoding: try Self.newItem.jsonData(), as: UTF8.self)
            .replacingOccurrences(of: "\"new_item\"", with: "\"item_sold\"")
        XCTAssertThrowsError(try WebhookEvent.decode(Data(unknown.utf8)))
    }

    func testNewItemPayloadIsBuiltFromAListingAndItsAssessment() {
        let listing = Listing(marketplace: "tradewell", listingID: "55", url: "http://market.test/itm/55", title: "SRX300",
                              price: nil, condition: .new, seller: Seller(name: "s"))
        let assessment = Assessment(findings: [
            Finding(ruleID: "a", category: .usedAsNew, weight: 20, evidence: []),
            Finding(ruleID: "b", category: .counterfeit, weight: 50, evidence: []),
        ])
        let payload = WebhookEvent.NewItem(reviewItemID: 3, listing: listing, assessment: assessment, profile: "srx")
        XCTAssertEqual(payload.score, 70)
        XCTAssertEqual(payload.categories, [.counterfeit, .usedAsNew])
        XCTAssertEqual(payload.listing, .init(marketplace: "tradewell", listingID: "55", url: "http://market.test/itm/55", title: "SRX300"))
    }

    func testLogTextEscapesControlCharactersAndRedactsWebhookPaths() {
        XCTAssertEqual(LogText.escaped("a\u{1B}[31mb\nc\u{202E}"), "a\\u{1b}[31mb\\u{a}c\\u{202e}")
        XCTAssertEqual(LogText.escaped(String(repeating: "x", count: 10), limit: 4), "xxxx…")
        XCTAssertEqual(LogText.redactedURL("https://user:pw@hooks.example.test:8443/services/T000/SECRET?token=abc"),
                       "https://hooks.example.test:8443/…")
        XCTAssertEqual(LogText.redactedURL("not a url"), "<invalid url>")
    }
}
