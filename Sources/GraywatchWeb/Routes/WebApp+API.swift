import Foundation
import GraywatchCore
import GraywatchStore
import Hummingbird

/// The item as the API returns it.
struct APIItem: Encodable {
    var item: QueueEntry
    var listing: Listing
    var findings: [StoredFinding]
    var observations: [StoredObservation]
    var notes: [ReviewNote]
    var history: [AuditEntry]
    var serialClones: [APIClone]
    var listPriceUSD: String?
    var marketMedian: String?

    struct APIClone: Encodable {
        var clone: SerialClone
        var reviewItem: Int64?
    }
}

extension WebApp {
    /// `/api/…`: the same operations as the pages, as JSON, for bearer tokens (or a session plus `X-CSRF-Token`).
    func addAPIRoutes(_ api: RouterGroup<WebContext>) {
        api.get("/me") { _, context in
            let user = try context.requireUser()
            return try json(["name": user.name, "role": user.role.rawValue])
        }
        api.get("/queue") { request, _ in
            let query = try QueueQuery(request.queryFields)
            return try json(try store.queuePage(query.filter, sort: query.sort, after: query.after, before: query.before, limit: query.limit))
        }
        api.get("/counts") { _, _ in try json(try store.queueCounts()) }
        api.get("/items/:id") { _, context in
            let data = try itemData(try context.parameters.require("id", as: Int64.self))
            return try json(APIItem(
                item: data.detail.entry, listing: data.detail.listing, findings: data.detail.findings,
                observations: data.observations, notes: data.notes, history: data.history,
                serialClones: data.clones.map { APIItem.APIClone(clone: $0.clone, reviewItem: $0.reviewID) },
                listPriceUSD: data.listPrice.map { Price.format($0.usd) },
                marketMedian: data.marketMedian.map { "\($0.price.currency) \(Price.format($0.price.amount))" }))
        }
        api.get("/items/:id/history") { _, context in
            let id = try context.parameters.require("id", as: Int64.self)
            guard try store.queueItem(id: id) != nil else { throw WebError(.notFound, "no review item \(id)") }
            return try json(try store.history(id))
        }
        api.post("/items/:id/assign") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            try assign(id, try await request.decode(as: AssignRequest.self, context: context), actor: context.requireUser().name)
            return try itemJSON(id)
        }
        api.post("/items/:id/status") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            try setStatus(id, try await request.decode(as: StatusRequest.self, context: context), actor: context.requireUser().name)
            return try itemJSON(id)
        }
        api.post("/items/:id/notes") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            try addNote(id, try await request.decode(as: NoteRequest.self, context: context), author: context.requireUser().name)
            return try itemJSON(id)
        }
        api.post("/bulk") { request, context in
            let query = try QueueQuery(request.queryFields)
            let bulk = try await request.decode(as: BulkRequest.self, context: context)
            let result = try applyBulk(bulk, query: query, actor: context.requireUser().name)
            return try json(["selected": result.selected, "applied": result.applied ?? 0])
        }
        api.get("/audit") { request, _ in
            let fields = request.queryFields
            return try json(try store.auditLog(limit: fields["limit"].flatMap(Int.init) ?? 100,
                                               before: fields["before"].flatMap(Int64.init), actor: fields["actor"]?.nonEmpty))
        }
    }

    func itemJSON(_ id: Int64) throws -> Response {
        guard let item = try store.queueItem(id: id) else { throw WebError(.notFound, "no review item \(id)") }
        return try json(item.entry)
    }

    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}
