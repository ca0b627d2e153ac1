import GraywatchCore
import GraywatchStore
import Hummingbird

/// A bulk action as posted by the queue page or the API: what to do to every item the filters select.
/// Its field names differ from the filters' (`assign_to`, not `assignee`) because both travel in one form.
struct BulkRequest: Decodable {
    var action: String
    var assignTo: String?
    var newStatus: String?
    var newCategory: String?
    var text: String?
    /// The number of items the analyst confirmed; the action refuses when the selection has changed since.
    var expect: Int?

    enum CodingKeys: String, CodingKey {
        case action, text, expect
        case assignTo = "assign_to", newStatus = "new_status", newCategory = "new_category"
    }
}

extension WebApp {
    /// `GET /` (the queue) and `POST /bulk` (review, then confirm, a bulk action on the filtered selection).
    func addQueueRoutes(_ group: RouterGroup<WebContext>) {
        group.get("/") { request, context in
            let query = try QueueQuery(request.queryFields)
            let page = try store.queuePage(query.filter, sort: query.sort, after: query.after, before: query.before, limit: query.limit)
            let facets = try store.queueFacets()
            let notice = request.queryFields["bulk"].flatMap(Int.init).map { "Bulk action applied to \($0) item(s)." }
            let view = QueueView(query: query, page: page, counts: try store.queueCounts(), marketplaces: facets.marketplaces,
                                 users: facets.users, identity: context.identity, notice: notice)
            return Layout.page(title: "Queue", identity: context.identity, body: view.html).response()
        }
        group.post("/bulk") { request, context in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: WebApp.maxFormBytes)))
            let query = try QueueQuery(form)
            let bulk = try await request.decode(as: BulkRequest.self, context: context)
            let count = try applyBulk(bulk, query: query, actor: context.requireUser().name)
            guard let applied = count.applied else {
                let confirm = BulkConfirmView(query: query, bulk: bulk, count: count.selected, identity: context.identity)
                return Layout.page(title: "Confirm bulk action", identity: context.identity, body: confirm.html).response()
            }
            return Response(status: .seeOther, headers: [.location: query.link(["bulk": String(applied)])])
        }
    }

    /// Applies a bulk action when `bulk.expect` equals the current selection's size; otherwise only counts it.
    func applyBulk(_ bulk: BulkRequest, query: QueueQuery, actor: String) throws -> (selected: Int, applied: Int?) {
        guard !query.isUnfiltered else { throw WebError(.badRequest, "bulk actions need at least one filter") }
        let selected = try store.queueCount(query.filter)
        guard let expect = bulk.expect else { return (selected, nil) }
        guard expect == selected else {
            throw WebError(.conflict, "the selection now holds \(selected) item(s), not the \(expect) you confirmed: review it again")
        }
        let text = bulk.text?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        do {
            switch bulk.action {
            case "assign":
                let assignee = bulk.assignTo?.nonEmpty
                if let assignee, try store.user(named: assignee) == nil { throw WebError(.badRequest, "no user '\(assignee)'") }
                return (selected, try store.bulkAssign(query.filter, to: assignee, actor: actor))
            case "status":
                let status = try WebApp.status(bulk.newStatus)
                return (selected, try store.bulkSetStatus(query.filter, to: status, actor: actor, reason: text,
                                                          category: try WebApp.category(bulk.newCategory)))
            case "note":
                guard let text else { throw WebError(.badRequest, "a note needs text") }
                return (selected, try store.bulkNote(query.filter, text: text, author: actor))
            default:
                throw WebError(.badRequest, "unknown bulk action '\(bulk.action)' (assign, status, note)")
            }
        } catch let error as WorkflowError {
            throw WebError(.conflict, "nothing was changed: \(error.message)")
        }
    }

    static func status(_ text: String?) throws -> ReviewStatus {
        guard let text, let status = ReviewStatus(rawValue: text) else {
            throw WebError(.badRequest, "unknown status '\(text ?? "")' (\(ReviewStatus.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return status
    }

    static func category(_ text: String?) throws -> Category? {
        guard let text = text?.nonEmpty else { return nil }
        guard let category = Category(rawValue: text) else { throw WebError(.badRequest, "unknown category '\(text)'") }
        return category
    }
}

/// The confirmation step of a bulk action: how many items, and the same form with the count to confirm.
struct BulkConfirmView {
    var query: QueueQuery
    var bulk: BulkRequest
    var count: Int
    var identity: Identity?

    var html: HTML {
        let fields: [(String, String?)] = [("action", bulk.action), ("assign_to", bulk.assignTo), ("new_status", bulk.newStatus),
                                           ("new_category", bulk.newCategory), ("text", bulk.text), ("expect", String(count))]
        return """
            <h1>Confirm bulk action</h1>
            <p id="bulk-summary"><strong>\(bulk.action)</strong> on <strong>\(count)</strong> item(s) selected by the filters.</p>
            <form method="post" action="/bulk" id="bulk-confirm">\(Layout.csrfField(identity))\(query.hiddenFields)\
            \(fields.html { name, value in "<input type=\"hidden\" name=\"\(name)\" value=\"\(value ?? "")\">" })
            <button class="primary" type="submit" id="bulk-apply">Apply to \(count) item(s)</button> <a href="\(url: query.link())">Cancel</a></form>
            """
    }
}

extension String {
    /// Nil when empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
