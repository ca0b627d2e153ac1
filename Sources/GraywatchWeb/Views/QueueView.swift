import GraywatchCore
import GraywatchStore

/// The queue page: counts, filters, one page of items, pager, bulk actions and exports.
struct QueueView {
    var query: QueueQuery
    var page: QueuePage
    var counts: QueueCounts
    var marketplaces: [String]
    var users: [String]
    var identity: Identity?
    var notice: String?

    var html: HTML {
        """
        <h1>Review queue</h1>\(notice.map { HTML("<p class=\"notice\" id=\"notice\">\($0)</p>") } ?? "")
        \(statusTabs)\(categoryTabs)\(filterForm)
        <table id="queue"><thead><tr><th class="num">Score</th><th>Categories</th><th>Status</th><th>Listing</th>\
        <th class="num">Price</th><th>SKU</th><th>Seller</th><th>Marketplace</th><th>Assignee</th><th>Opened</th></tr></thead>
        <tbody>\(page.entries.html(row))</tbody></table>
        \(page.entries.isEmpty ? HTML("<p class=\"muted\" id=\"empty\">No items match these filters.</p>") : "")
        \(pager)
        <div class="grid">\(bulkForm)\(exportPanel)</div>
        """
    }

    func row(_ entry: QueueEntry) -> HTML {
        """
        <tr data-id="\(entry.id)"><td class="num score">\(entry.score)</td>\
        <td>\(entry.categories.html { "<span class=\"cat\">\($0)</span>" })</td>\
        <td><span class="status">\(entry.status)</span></td>\
        <td class="title"><a href="/items/\(entry.id)">\(entry.title)</a><div class="muted">\(entry.listingID)</div></td>\
        <td class="num">\(entry.price ?? "—")</td><td>\(entry.sku ?? "—")</td><td>\(entry.seller ?? "—")</td>\
        <td>\(entry.marketplace)</td><td>\(entry.assignee ?? "")</td><td>\(String(entry.openedAt.prefix(10)))</td></tr>
        """
    }

    var statusTabs: HTML {
        let all: HTML = "<a href=\"\(url: query.link(["status": nil]))\" class=\"\(query.filter.status == nil ? "on" : "")\">all<span class=\"count\">\(counts.total)</span></a>"
        let tabs = ReviewStatus.allCases.html { status in
            "<a href=\"\(url: query.link(["status": status.rawValue]))\" class=\"\(query.filter.status == status ? "on" : "")\" data-status=\"\(status.rawValue)\">\(status.rawValue)<span class=\"count\">\(counts.byStatus[status.rawValue] ?? 0)</span></a>"
        }
        return "<div class=\"tabs\" id=\"status-counts\">\(all)\(tabs)</div>"
    }

    var categoryTabs: HTML {
        let perCategory = counts.categories(status: query.filter.status)
        let tabs = Category.allCases.html { category in
            "<a href=\"\(url: query.link(["category": query.filter.category == category ? nil : category.rawValue]))\" class=\"\(query.filter.category == category ? "on" : "")\" data-category=\"\(category.rawValue)\">\(category.rawValue)<span class=\"count\">\(perCategory[category.rawValue] ?? 0)</span></a>"
        }
        return "<div class=\"tabs\" id=\"category-counts\">\(tabs)</div>"
    }

    var filterForm: HTML {
        """
        <form class="filters" method="get" action="/" id="filters">
        <label>Search <input name="q" id="filter-q" value="\(query.values["q"])" placeholder="title, seller, SKU, id"></label>
        <label>Status \(select("status", ReviewStatus.allCases.map(\.rawValue)))</label>
        <label>Category \(select("category", Category.allCases.map(\.rawValue)))</label>
        <label>Marketplace \(select("marketplace", marketplaces))</label>
        <label>Seller <input name="seller" id="filter-seller" value="\(query.values["seller"])"></label>
        <label>SKU family <input name="family" id="filter-family" value="\(query.values["family"])" size="8"></label>
        <label>Assignee \(select("assignee", users))</label>
        <label>Score ≥ <input name="min" id="filter-min" value="\(query.values["min"])" size="4" inputmode="numeric"></label>
        <label>Score ≤ <input name="max" id="filter-max" value="\(query.values["max"])" size="4" inputmode="numeric"></label>
        <label>Order \(select("sort", QueueSort.allCases.map(\.rawValue), blank: false))</label>
        <button class="primary" type="submit" id="apply-filters">Apply</button> <a href="/">Clear</a></form>
        """
    }

    func select(_ name: String, _ options: [String], blank: Bool = true) -> HTML {
        let current = query.values[name]
        let items = options.html { "<option value=\"\($0)\"\(current == $0 ? HTML(" selected") : "")>\($0)</option>" }
        return "<select name=\"\(name)\" id=\"filter-\(name)\">\(blank ? HTML("<option value=\"\">any</option>") : "")\(items)</select>"
    }

    var pager: HTML {
        let previous = page.previous.map { HTML("<a id=\"previous-page\" href=\"\(url: query.link(["before": $0]))\">← Previous</a>") } ?? ""
        let next = page.next.map { HTML("<a id=\"next-page\" href=\"\(url: query.link(["after": $0]))\">Next →</a>") } ?? ""
        return "<div class=\"pager\"><a href=\"\(url: query.link())\">First</a>\(previous)\(next)</div>"
    }

    var bulkForm: HTML {
        guard !query.isUnfiltered else {
            return "<div class=\"panel\"><h2>Bulk actions</h2><p class=\"muted\">Filter the queue first: bulk actions apply to every item the filters select.</p></div>"
        }
        return """
            <div class="panel"><h2>Bulk actions on every item these filters select</h2>
            <form method="post" action="/bulk" id="bulk">\(Layout.csrfField(identity))\(query.hiddenFields)
            <label>Action <select name="action" id="bulk-action"><option value="assign">assign</option>\
            <option value="status">set status</option><option value="note">add note</option></select></label>
            <label>Assignee <select name="assign_to" id="bulk-assign-to"><option value="">(nobody)</option>\(users.html { "<option value=\"\($0)\">\($0)</option>" })</select></label>
            <label>Status <select name="new_status" id="bulk-new-status">\(ReviewStatus.allCases.html { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" })</select></label>
            <label>Category <select name="new_category" id="bulk-new-category"><option value="">—</option>\(Category.allCases.html { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" })</select></label>
            <label>Reason / note <input name="text" id="bulk-text" size="30"></label>
            <button type="submit" id="bulk-review">Review selection…</button></form></div>
            """
    }

    var exportPanel: HTML {
        let filters = query.query()
        let suffix = filters.isEmpty ? "" : "?" + filters
        let takedown: HTML = identity?.user.role == .admin ? """
            <form method="post" action="/export/takedown" id="takedown">\(Layout.csrfField(identity))\(query.hiddenFields)
            <p class="muted">Takedown batch of the confirmed items these filters select (needs a marketplace filter; moves them to enforcement-requested).</p>
            <button type="submit">Takedown batch</button></form>
            """ : ""
        return """
            <div class="panel"><h2>Export these items</h2>
            <p><a id="export-csv" href="\(url: "/export/csv" + suffix)">CSV</a> · <a id="export-ndjson" href="\(url: "/export/ndjson" + suffix)">NDJSON</a> · \
            <a id="export-warc" href="\(url: "/export/warc" + suffix)">WARC evidence</a></p>\(takedown)</div>
            """
    }
}
