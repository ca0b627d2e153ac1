import Foundation
import GraywatchCore
import GraywatchStore

/// Everything the item page shows, gathered by the route.
struct ItemData {
    var detail: QueueItemDetail
    var observations: [StoredObservation]
    var history: [AuditEntry]
    var notes: [ReviewNote]
    /// Other listings with one of this listing's serials, and their review item when queued.
    var clones: [(clone: SerialClone, reviewID: Int64?)]
    var listPrice: (partNumber: String, usd: Decimal)?
    var marketMedian: ReferencePrice?
    var users: [String]
}

/// The item page: listing, prices, rule hits with evidence in context, observations, clones, capture, actions, audit.
struct ItemView {
    var data: ItemData
    var rules: [String: WebApp.RuleInfo]
    var identity: Identity?
    var error: String?

    var entry: QueueEntry { data.detail.entry }
    var listing: Listing { data.detail.listing }

    var html: HTML {
        """
        <p><a href="/">← Queue</a></p>
        <h1 id="item-title">\(listing.title)</h1>\(error.map { HTML("<p class=\"error\" id=\"action-error\">\($0)</p>") } ?? "")
        <p><span class="score">score \(entry.score)</span> · <span class="status" id="item-status">\(entry.status)</span> · \
        \(entry.categories.html { "<span class=\"cat\">\($0)</span>" }) · assigned to <span id="item-assignee">\(entry.assignee ?? "nobody")</span></p>
        <div class="grid"><div>\(fieldsPanel)\(pricePanel)</div><div>\(actionsPanel)</div></div>
        \(findingsPanel)\(observationsPanel)\(clonesPanel)\(capturePanel)\(notesPanel)\(auditPanel)
        """
    }

    var fieldsPanel: HTML {
        let seller = listing.seller
        let specifics = listing.specifics.html { "<tr><th>\($0.label)</th><td>\($0.value)</td></tr>" }
        var seen = Set<String>()
        let identifiers = listing.identifiers.filter { seen.insert($0.kind.rawValue + ":" + $0.normalized).inserted }
            .html { "<li>\($0.kind.rawValue): \($0.raw)</li>" }
        return """
            <div class="panel" id="listing"><h2>Listing</h2><dl class="fields">
            <dt>Marketplace</dt><dd>\(listing.marketplace)</dd><dt>Listing id</dt><dd>\(listing.listingID)</dd>
            <dt>URL</dt><dd><a href="\(url: listing.url)" rel="noopener noreferrer nofollow" target="_blank">\(listing.url)</a></dd>
            <dt>Price</dt><dd>\(listing.price.map { "\($0.currency) \(Price.format($0.amount))" } ?? "—")</dd>
            <dt>Condition</dt><dd>\(listing.condition.rawValue) (\(listing.conditionRaw ?? "not stated"))</dd>
            <dt>Quantity</dt><dd>\(listing.quantityAvailable.map(String.init) ?? "—")</dd>
            <dt>Seller</dt><dd id="seller-name">\(seller.name ?? "—")</dd>
            <dt>Feedback</dt><dd>\(seller.feedbackScore.map(String.init) ?? "—")\(seller.feedbackPercent.map { " (\($0)%)" } ?? "")</dd>
            <dt>Location</dt><dd>\(seller.location ?? "—")</dd>
            <dt>Identifiers</dt><dd><ul>\(identifiers)</ul></dd></dl>
            <h2>Item specifics</h2><table id="specifics">\(specifics)</table>
            <h2>Description</h2><div class="description" id="description">\(listing.description)</div></div>
            """
    }

    var pricePanel: HTML {
        let price = listing.price
        func ratio(_ reference: Decimal, _ currency: String) -> String {
            guard let price, price.currency == currency, reference > 0 else { return "" }
            let share = NSDecimalNumber(decimal: price.amount / reference).doubleValue
            return String(format: " — this listing is at %.0f%%", share * 100)
        }
        let list: HTML = data.listPrice.map { entry in
            "<dt>Catalog list price</dt><dd id=\"list-price\">USD \(Price.format(entry.usd)) (\(entry.partNumber))\(ratio(entry.usd, "USD"))</dd>"
        } ?? "<dt>Catalog list price</dt><dd class=\"muted\">not in the catalog</dd>"
        let median: HTML = data.marketMedian.map { reference in
            "<dt>Market median</dt><dd id=\"market-median\">\(reference.price.currency) \(Price.format(reference.price.amount)) over \(reference.sampleCount) listing(s) of \(reference.sku)\(ratio(reference.price.amount, reference.price.currency))</dd>"
        } ?? "<dt>Market median</dt><dd class=\"muted\">fewer than 3 comparable listings</dd>"
        return "<div class=\"panel\" id=\"prices\"><h2>Price</h2><dl class=\"fields\"><dt>Asking</dt><dd>\(price.map { "\($0.currency) \(Price.format($0.amount))" } ?? "—")</dd>\(list)\(median)</dl></div>"
    }

    var findingsPanel: HTML {
        let rows = data.detail.findings.html { finding in
            let rule = rules[finding.ruleID]
            return """
                <tr><td><strong>\(finding.ruleID)</strong><div>\(rule?.title ?? "")</div><div class="muted">\(rule?.description ?? "")</div></td>\
                <td><span class="cat">\(finding.category)</span></td><td class="num">\(finding.weight)</td>\
                <td>\(finding.evidence.html(evidence))</td></tr>
                """
        }
        return "<div class=\"panel\" id=\"findings\"><h2>Rule hits</h2><table><thead><tr><th>Rule</th><th>Category</th><th class=\"num\">Weight</th><th>Evidence</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    /// One piece of evidence: the matched text highlighted inside its context, both escaped.
    func evidence(_ evidence: Evidence) -> HTML {
        let context = evidence.context ?? evidence.text
        let marked: HTML
        if !evidence.text.isEmpty, let range = context.range(of: evidence.text, options: [.caseInsensitive]) {
            marked = "\(String(context[..<range.lowerBound]))<mark>\(String(context[range]))</mark>\(String(context[range.upperBound...]))"
        } else {
            marked = "<mark>\(evidence.text)</mark>\(evidence.context.map { HTML(" — \($0)") } ?? "")"
        }
        return "<div class=\"evidence\"><span class=\"muted\">\(evidence.field):</span> <span class=\"context\">\(marked)</span>\(evidence.note.map { HTML("<div class=\"muted\">\($0)</div>") } ?? "")</div>"
    }

    var observationsPanel: HTML {
        var previous: StoredObservation?
        var rows: [HTML] = []
        for observation in data.observations {
            func cell(_ value: String?, _ old: String?) -> HTML {
                let changed = previous != nil && value != old
                return "<td class=\"\(changed ? "changed" : "")\">\(value ?? "—")</td>"
            }
            rows.append("""
                <tr><td>\(observation.observedAt)</td><td class="num">\(observation.status)</td>\
                \(cell(observation.title, previous?.title))\(cell(observation.price, previous?.price))\
                \(cell(observation.condition, previous?.condition))\(cell(observation.quantity.map(String.init), previous?.quantity.map(String.init)))\
                <td class="hash">\(observation.bodySHA256)</td><td class="num">\(observation.bodySize)</td>\
                <td><a href="/items/\(entry.id)/captures/\(observation.id)" target="_blank" rel="noopener noreferrer">view</a></td></tr>
                """)
            previous = observation
        }
        return """
            <div class="panel" id="observations"><h2>Observations (evidence)</h2><p class="muted">Each fetch as stored; \
            highlighted cells changed since the previous one. SHA-256 is of the raw body as received.</p>
            <table><thead><tr><th>Seen (UTC)</th><th class="num">HTTP</th><th>Title</th><th>Price</th><th>Condition</th>\
            <th>Qty</th><th>SHA-256</th><th class="num">Bytes</th><th>Capture</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    var clonesPanel: HTML {
        guard !data.clones.isEmpty else { return "" }
        let rows = data.clones.html { clone, reviewID in
            let link: HTML = reviewID.map { "<a href=\"/items/\($0)\">review item \($0)</a>" } ?? "not queued"
            return "<tr><td class=\"hash\">\(clone.serial)</td><td>\(clone.marketplace) \(clone.listingID)</td><td>\(clone.seller ?? "—")</td><td>\(link)</td><td><a href=\"\(url: clone.url)\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">listing</a></td></tr>"
        }
        return "<div class=\"panel\" id=\"clones\"><h2>Serial clones</h2><table><thead><tr><th>Serial</th><th>Listing</th><th>Seller</th><th>Review</th><th>URL</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }

    var capturePanel: HTML {
        guard let latest = data.observations.last(where: { (200..<300).contains($0.status) }) else { return "" }
        return """
            <div class="panel" id="capture"><h2>Captured page (\(latest.observedAt))</h2><p class="muted">The stored body, \
            shown in a sandbox: none of its scripts run and nothing is fetched from the marketplace.</p>
            <iframe class="capture" sandbox="" referrerpolicy="no-referrer" src="/items/\(entry.id)/captures/\(latest.id)" title="captured page"></iframe></div>
            """
    }

    var actionsPanel: HTML {
        let current = ReviewStatus(rawValue: entry.status) ?? .new
        let next = current.next.sorted { $0.rawValue < $1.rawValue }
        let csrf = Layout.csrfField(identity)
        return """
            <div class="panel actions" id="actions"><h2>Actions</h2>
            <form method="post" action="/items/\(entry.id)/assign" id="assign-form">\(csrf)<label>Assign to \
            <select name="assignee" id="assignee"><option value="">(nobody)</option>\(data.users.html { "<option value=\"\($0)\"\(entry.assignee == $0 ? HTML(" selected") : "")>\($0)</option>" })</select></label> \
            <button type="submit">Assign</button></form>
            <form method="post" action="/items/\(entry.id)/status" id="status-form">\(csrf)<label>Status \
            <select name="status" id="new-status">\(next.html { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" })</select></label> \
            <label>Category <select name="category" id="confirm-category"><option value="">—</option>\(Category.allCases.html { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" })</select></label><br>\
            <label>Reason <input name="reason" id="reason" size="40"></label> <button class="primary" type="submit" id="set-status">Set status</button></form>
            <form method="post" action="/items/\(entry.id)/notes" id="note-form">\(csrf)<textarea name="text" id="note-text" rows="2" cols="50"></textarea><br>\
            <button type="submit" id="add-note">Add note</button></form></div>
            """
    }

    var notesPanel: HTML {
        let items = data.notes.html { "<li><strong>\($0.author)</strong> <span class=\"muted\">\($0.at)</span><div class=\"description\">\($0.text)</div></li>" }
        return "<div class=\"panel\" id=\"notes\"><h2>Notes</h2><ul>\(items)</ul></div>"
    }

    var auditPanel: HTML {
        let rows = data.history.html { entry in
            "<tr><td>\(entry.at)</td><td>\(entry.actor)</td><td>\(entry.action)</td><td>\(entry.from ?? "")</td><td>\(entry.to ?? "")</td><td>\(entry.reason ?? "")</td></tr>"
        }
        return "<div class=\"panel\" id=\"item-audit\"><h2>Audit log</h2><table><thead><tr><th>When (UTC)</th><th>Who</th><th>Action</th><th>From</th><th>To</th><th>Reason</th></tr></thead><tbody>\(rows)</tbody></table></div>"
    }
}
