import GraywatchStore
import Hummingbird

extension WebApp {
    /// `GET /audit`: the global audit log, newest first, 100 lines a page (`before` = the last id seen).
    func addAuditRoutes(_ group: RouterGroup<WebContext>) {
        group.get("/audit") { request, context in
            let fields = request.queryFields
            let before = try fields["before"].flatMap { $0.isEmpty ? nil : $0 }.map { text -> Int64 in
                guard let id = Int64(text) else { throw WebError(.badRequest, "'before' must be an audit line id") }
                return id
            }
            let actor = fields["actor"]?.nonEmpty
            let records = try store.auditLog(limit: 100, before: before, actor: actor)
            let rows = records.html { record in
                let entry = record.entry
                return """
                    <tr><td>\(entry.at)</td><td>\(entry.actor)</td><td><a href="/items/\(record.reviewID)">\(record.reviewID)</a></td>\
                    <td class="title">\(record.title)</td><td>\(entry.action)</td><td>\(entry.from ?? "")</td><td>\(entry.to ?? "")</td>\
                    <td>\(entry.reason ?? "")</td></tr>
                    """
            }
            let actorQuery = actor.map { "&actor=" + HTML.queryValue($0) } ?? ""
            let more: HTML = records.count == 100
                ? "<p class=\"pager\"><a href=\"\(url: "/audit?before=\(records.last?.id ?? 0)" + actorQuery)\">Older →</a></p>" : ""
            let body: HTML = """
                <h1>Audit log</h1><form method="get" action="/audit" class="filters"><label>Actor <input name="actor" value="\(actor)"></label>\
                <button type="submit">Filter</button></form>
                <table id="audit"><thead><tr><th>When (UTC)</th><th>Who</th><th>Item</th><th>Listing</th><th>Action</th><th>From</th>\
                <th>To</th><th>Reason</th></tr></thead><tbody>\(rows)</tbody></table>\(more)
                """
            return Layout.page(title: "Audit log", identity: context.identity, body: body).response()
        }
    }
}
