import Foundation
import GraywatchCore
import GraywatchExport
import GraywatchStore
import GraywatchTestSupport
import Testing

/// Exports from a real store: formula-safe CSV, NDJSON, a WARC that warcio accepts, takedown batches.
@Suite(.serialized) struct QueueExportTests {
    static let hostileTitles = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
                                "-2+3 Juniper EX4300", "\tTabbed", "Juniper EX4300-48T, \"sealed\""]

    /// A store with one queued, observed listing per title.
    static func store() throws -> Store {
        let store = try TestStores.make("export")
        let run = try store.beginRun(configurationJSON: "{}", start: [])
        for (index, title) in hostileTitles.enumerated() {
            let url = "http://market.example/itm/\(1000 + index)"
            let listing = Listing(marketplace: "ebay", listingID: "\(1000 + index)", url: url, title: title,
                                  price: Price(amount: 450, currency: "USD"), condition: .new)
            let body = Data("<html><h1>\(title)</h1></html>".utf8)
            let ref = try #require(try store.record(PageRecord(
                url: url, state: .done, outcome: "200 item", listing: listing,
                observation: ObservationInput(observedAt: Date(), finalURL: url, status: 200,
                                              headers: [("Content-Type", "text/html; charset=utf-8")], body: body)), run: run))
            try store.save(Assessment(findings: [Finding(ruleID: "r", category: .counterfeit, weight: 60, evidence: [])]),
                           listingRef: ref, threshold: 50)
        }
        return store
    }

    @Test func csvNeutralizesFormulaCells() throws {
        let csv = QueueExport.csv(try Self.store().queue(), byteOrderMark: true)
        let text = csv.string()
        #expect(text.hasPrefix("\u{FEFF}id,score,"))
        #expect(text.contains(#""'=HYPERLINK(""http://evil.example"",""click"")""#))
        #expect(text.contains("'+cmd|' /C calc'!A0"))
        #expect(text.contains(",'@SUM(1+1),"))
        #expect(text.contains(",'-2+3 Juniper EX4300,"))
        #expect(text.contains("'\tTabbed"))
        #expect(text.contains(#""Juniper EX4300-48T, ""sealed""""#))
        for line in text.split(separator: "\r\n").dropFirst() {
            let title = line.split(separator: ",", omittingEmptySubsequences: false)[6]
            #expect(!["=", "+", "@", "-", "\t"].contains(title.first.map(String.init) ?? ""), "\(line)")
        }
    }

    @Test func ndjsonIsOneObjectPerLine() throws {
        let lines = try QueueExport.ndjson(try Self.store().queue()).split(separator: "\n")
        #expect(lines.count == Self.hostileTitles.count)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
    }

    static func run(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func warcPassesWarcioAndItsDigestsAreTheStoredHashes() throws {
        let store = try Self.store()
        let entries = try store.queue()
        let (data, captures) = try QueueExport.warc(entries, store: store, software: "graywatch test")
        #expect(captures == Self.hostileTitles.count)
        let file = try TestPaths.temporaryDirectory().appendingPathComponent("evidence.warc")
        try data.write(to: file)
        let check = try Self.run(["warcio", "check", "-v", file.path])
        #expect(check.0 == 0, "warcio check: \(check.1)")
        #expect(!check.1.contains("fail"))
        let index = try Self.run(["warcio", "index", "-f", "warc-type,warc-target-uri,warc-payload-digest", file.path])
        #expect(index.0 == 0, "warcio index: \(index.1)")
        let digests = index.1.split(separator: "\n").compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String],
                object["warc-type"] == "response" else { return nil }
            return object["warc-payload-digest"]
        }
        var stored: [String] = []
        for entry in entries {
            let ref = try #require(try store.listingRef(marketplace: entry.marketplace, listingID: entry.listingID))
            stored += try store.observations(listingRef: ref).compactMap { WARCWriter.payloadDigest(hexSHA256: $0.bodySHA256) }
        }
        #expect(Set(digests) == Set(stored))
        #expect(digests.count == captures)
    }

    @Test func ebayTakedownUsesReason9037AndEvidenceHashes() throws {
        let store = try Self.store()
        let batch = try TakedownBatch.make(marketplace: "ebay", entries: try store.queue(), store: store,
                                           enforcementReasons: ["r": "Diverted goods."])
        #expect(batch.files.map(\.name) == ["ebay-vero.csv"])
        let text = String(decoding: batch.files[0].data, as: UTF8.self)
        #expect(text.hasPrefix("listing_id,reason_code,notice,listing_url,evidence_sha256"))
        #expect(text.components(separatedBy: ",9037,Diverted goods.,").count - 1 == Self.hostileTitles.count)
    }

    @Test func alibabaTakedownComesInChunksOf300() throws {
        let entries = (0..<650).map { index in
            QueueEntry(id: Int64(index), score: 60, categories: ["counterfeit"], status: "confirmed", marketplace: "alibaba",
                       listingID: "\(index)", title: "t", price: nil, condition: "new", sku: nil, seller: nil,
                       url: "https://www.alibaba.com/product-detail/x_\(index).html", openedAt: "", updatedAt: "", assignee: nil)
        }
        let batch = try TakedownBatch.make(marketplace: "alibaba", entries: entries, store: try Self.store(), enforcementReasons: [:])
        #expect(batch.files.map(\.name) == ["alibaba-ipp-1.csv", "alibaba-ipp-2.csv", "alibaba-ipp-3.csv"])
        let rows = batch.files.map { String(decoding: $0.data, as: UTF8.self).split(separator: "\r\n").count - 1 }
        #expect(rows == [300, 300, 50])
    }
}
