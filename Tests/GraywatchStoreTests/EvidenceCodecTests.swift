import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

/// Evidence bodies are Zstandard frames now; the gzip bodies stored before stay readable and verifiable.
@Suite struct EvidenceCodecTests {
    static let page = Data((0..<4000).map { "<li class=\"s-item\">Juniper EX4300-48T #\($0)</li>" }.joined().utf8)

    @Test func bodiesRoundTripThroughZstandard() throws {
        let compressed = try EvidenceCodec.compress(Self.page)
        #expect(compressed.starts(with: [0x28, 0xB5, 0x2F, 0xFD]), "a zstd frame")
        #expect(compressed.count < Self.page.count / 4)
        #expect(try EvidenceCodec.decompress(compressed) == Self.page)
        #expect(try EvidenceCodec.decompress(try EvidenceCodec.compress(Data())) == Data())
    }

    @Test func decompressionStopsAtTheLimit() throws {
        let compressed = try EvidenceCodec.compress(Self.page)
        #expect(throws: EvidenceError.self) { try EvidenceCodec.decompress(compressed, limit: 1000) }
        #expect(throws: (any Error).self) { try EvidenceCodec.decompress(Data([0x28, 0xB5, 0x2F, 0xFD, 1, 2, 3])) }
    }

    /// A store written before the switch holds gzip bodies: they are read and verified as they are.
    @Test func gzipBodiesStoredBeforeTheSwitchStillReadAndVerify() throws {
        let store = try TestStores.make("evidence-gzip")
        let listing = Listing(marketplace: "m", listingID: "1", url: "http://t/itm/1", title: "Juniper SRX300")
        let run = try store.beginRun(configurationJSON: "{}", start: [FrontierEntry(url: "http://t/itm/1", depth: 0)])
        try store.record(PageRecord(url: "http://t/itm/1", state: .done, outcome: "200 item", listing: listing,
                                    observation: ObservationInput(observedAt: Date(), finalURL: "http://t/itm/1", status: 200,
                                                                  headers: [], body: Self.page)), run: run)
        // gzip of the same bytes, as the earlier codec wrote it (RFC 1952 header, deflate, CRC-32 + size trailer).
        let gzip = try Data(contentsOf: TestPaths.fixtures.appendingPathComponent("encoded/item.html.gz"))
        let original = try EvidenceCodec.decompress(gzip)
        #expect(!original.isEmpty)
        try store.write("store a body the way the gzip codec did") { db in
            try db.execute(sql: TestStores.dropEvidenceGuard(store))
            try db.execute(sql: "UPDATE observation SET body_gzip = ?, body_sha256 = ?, body_size = ?",
                           arguments: [gzip, EvidenceCodec.sha256(original), original.count])
        }
        let ref = try #require(try store.listingRef(marketplace: "m", listingID: "1"))
        let observation = try #require(try store.observations(listingRef: ref).first)
        #expect(try store.observationBody(observation.id) == original)
        #expect(try store.verifyEvidence().mismatches.isEmpty)
    }
}
