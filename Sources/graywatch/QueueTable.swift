import GraywatchCore
import GraywatchScan
import GraywatchStore

/// Terminal rendering of the queue. Every seller-controlled string goes through ``LogSafe``.
enum QueueTable {
    static func render(_ entries: [QueueEntry]) -> String {
        guard !entries.isEmpty else { return "The review queue is empty." }
        let header = ["ID", "SCORE", "STATUS", "CATEGORIES", "SKU", "PRICE", "CONDITION", "TITLE"]
        let rows = entries.map { entry in
            [
                String(entry.id), String(entry.score), entry.status, entry.categories.joined(separator: ","),
                LogSafe.text(entry.sku ?? "-"), entry.price ?? "-", entry.condition, cut(LogSafe.text(entry.title), 60),
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    /// The rules that fired for an item, one line each with the triggering text.
    static func findingLines(_ findings: [StoredFinding], indent: String = "  ") -> [String] {
        findings.flatMap { finding -> [String] in
            let head = "\(indent)\(finding.ruleID) [\(finding.category), +\(finding.weight)]"
            let evidence = finding.evidence.filter { $0.field != "presentation" && $0.field != "condition" || finding.evidence.count == 1 }
            return [head] + evidence.map { item in
                var text = "\(indent)    \(item.field): \"\(LogSafe.text(item.text, limit: 120))\""
                if let note = item.note { text += " — \(LogSafe.text(note))" }
                if let context = item.context, context != item.text { text += "\n\(indent)      in: \(LogSafe.text(context, limit: 160))" }
                return text
            }
        }
    }

    static func detail(_ item: QueueItemDetail) -> String {
        let listing = item.listing
        var lines = [
            "Review item \(item.entry.id) — score \(item.entry.score), status \(item.entry.status)",
            "Categories: \(item.entry.categories.joined(separator: ", "))",
            "Listing:    \(LogSafe.text(listing.marketplace))/\(LogSafe.text(listing.listingID))  \(LogSafe.text(listing.url))",
            "Title:      \(LogSafe.text(listing.title))",
            "Price:      \(listing.price?.description ?? "-")",
            "Condition:  \(listing.condition.rawValue) (\(LogSafe.text(listing.conditionRaw ?? "-")))",
            "Quantity:   \(listing.quantityAvailable.map(String.init) ?? "-")",
            "Seller:     \(LogSafe.text(listing.seller.name ?? "-")) (feedback \(listing.seller.feedbackScore.map(String.init) ?? "-")), \(LogSafe.text(listing.seller.location ?? "-"))",
            "SKUs:       \(listing.skus.isEmpty ? "-" : listing.skus.joined(separator: ", "))",
            "Opened:     \(item.entry.openedAt)   Updated: \(item.entry.updatedAt)",
            "Item specifics:",
        ]
        lines += listing.specifics.map { "  \(LogSafe.text($0.label)): \(LogSafe.text($0.value, limit: 120))" }
        lines.append("Rules that fired:")
        lines += findingLines(item.findings)
        lines.append("Description:")
        lines += listing.description.split(whereSeparator: \.isNewline).prefix(20).map { "  " + LogSafe.text(String($0)) }
        return lines.joined(separator: "\n")
    }

    static func cut(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
