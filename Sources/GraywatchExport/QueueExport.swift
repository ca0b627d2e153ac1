import Foundation
import GraywatchCore
import GraywatchStore

/// Queue exports for enforcement: CSV (formula-safe), NDJSON, WARC evidence and takedown batches.
public enum QueueExport {
    static let columns = ["id", "score", "status", "categories", "marketplace", "listing_id", "title", "price", "condition",
                          "sku", "seller", "assignee", "url", "opened_at", "updated_at"]

    /// One row per review item; every seller-controlled cell neutralized against formula injection.
    public static func csv(_ entries: [QueueEntry], byteOrderMark: Bool = false) -> CSVWriter {
        var writer = CSVWriter(header: columns, byteOrderMark: byteOrderMark)
        for entry in entries {
            writer.append([String(entry.id), String(entry.score), entry.status, entry.categories.joined(separator: ";"),
                           entry.marketplace, entry.listingID, entry.title, entry.price, entry.condition, entry.sku,
                           entry.seller, entry.assignee, entry.url, entry.openedAt, entry.updatedAt])
        }
        return writer
    }

    static func reasonPhrase(_ status: Int) -> String {
        [200: "OK", 203: "Non-Authoritative Information", 206: "Partial Content", 304: "Not Modified", 404: "Not Found",
         410: "Gone"][status] ?? "Status"
    }

    /// One JSON object per line per review item.
    public static func ndjson(_ entries: [QueueEntry]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try entries.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    /// A WARC/1.1 file of every stored observation of the selected items' listings (request + response records).
    public static func warc(_ entries: [QueueEntry], store: Store, software: String) throws -> (data: Data, captures: Int) {
        var writer = WARCWriter(software: software, info: [
            ("description", "graywatch evidence export: stored observations of \(entries.count) review item(s)"),
            ("format", "WARC File Format 1.1"),
        ])
        var captures = 0
        for entry in entries {
            guard let ref = try store.listingRef(marketplace: entry.marketplace, listingID: entry.listingID) else { continue }
            for observation in try store.observations(listingRef: ref) where (200..<300).contains(observation.status) {
                guard let body = try store.observationBody(observation.id) else { continue }
                let date = ISO8601DateFormatter.storeTimestamps.date(from: observation.observedAt) ?? Date()
                writer.addCapture(
                    targetURI: observation.finalURL, date: date,
                    requestHeaders: [("User-Agent", "graywatch")], status: observation.status,
                    reason: QueueExport.reasonPhrase(observation.status),
                    responseHeaders: observation.headers.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }, body: body)
                captures += 1
            }
        }
        return (writer.data(), captures)
    }
}
