import Foundation
import GraywatchCore
import GraywatchStore

/// A takedown request batch in the form a marketplace takes, with evidence hashes.
public struct TakedownBatch: Sendable {
    /// File name → contents. eBay: one VeRO CSV; Alibaba: one CSV per chunk of at most 300 listings.
    public var files: [(name: String, data: Data)]
    public var itemIDs: [Int64]

    /// eBay VeRO reason 9037: "unlawful importation of product bearing trademark" (gray-market diversion).
    public static let eBayReasonCode = "9037"
    public static let alibabaChunkSize = 300

    /// Builds the batch for `marketplace` from confirmed items; the notice text uses each rule's enforcement reason.
    public static func make(marketplace: String, entries: [QueueEntry], store: Store,
                            enforcementReasons: [String: String]) throws -> TakedownBatch {
        var rows: [[String?]] = []
        for entry in entries {
            let ref = try store.listingRef(marketplace: entry.marketplace, listingID: entry.listingID)
            let latest = try ref.map { try store.observations(listingRef: $0) }?.last
            let findings = try ref.map { try store.findings(listingRef: $0) } ?? []
            let notice = findings.compactMap { enforcementReasons[$0.ruleID] }.first
                ?? "Listing of a Juniper Networks product outside Juniper's authorized channel."
            rows.append([entry.listingID, eBayReasonCode, notice, entry.url, latest?.bodySHA256, latest?.observedAt,
                         entry.categories.joined(separator: ";"), String(entry.id)])
        }
        let header = ["listing_id", "reason_code", "notice", "listing_url", "evidence_sha256", "captured_at", "categories",
                      "review_item"]
        let lower = marketplace.lowercased()
        var files: [(String, Data)] = []
        if lower.contains("alibaba") {
            let chunks = stride(from: 0, to: rows.count, by: alibabaChunkSize).map { Array(rows[$0..<min($0 + alibabaChunkSize, rows.count)]) }
            for (index, chunk) in chunks.enumerated() {
                var writer = CSVWriter(header: header.filter { $0 != "reason_code" })
                for row in chunk { writer.append(row.enumerated().filter { $0.offset != 1 }.map(\.element)) }
                files.append(("alibaba-ipp-\(index + 1).csv", writer.data()))
            }
        } else {
            var writer = CSVWriter(header: header)
            rows.forEach { writer.append($0) }
            files.append((lower.contains("ebay") ? "ebay-vero.csv" : "\(lower)-takedown.csv", writer.data()))
        }
        return TakedownBatch(files: files, itemIDs: entries.map(\.id))
    }
}
