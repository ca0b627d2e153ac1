import Foundation
import GraywatchCore
import GraywatchStore
import HTTPTypes
import Hummingbird

/// `POST …/assign`: who should work the item ("" or null unassigns).
struct AssignRequest: Decodable { var assignee: String? }
/// `POST …/status`: the new status, with the reason (dismissal) or category (confirmation) it needs.
struct StatusRequest: Decodable {
    var status: String
    var reason: String?
    var category: String?
}
/// `POST …/notes`.
struct NoteRequest: Decodable { var text: String }

extension WebApp {
    /// The item page, its three actions and its captured pages.
    func addItemRoutes(_ group: RouterGroup<WebContext>) {
        group.get("/items/:id") { _, context in
            let id = try context.parameters.require("id", as: Int64.self)
            return try itemPage(id, context: context, error: nil, status: .ok)
        }
        group.post("/items/:id/assign") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            let body = try await request.decode(as: AssignRequest.self, context: context)
            return try itemAction(id, context: context) { try assign(id, body, actor: $0) }
        }
        group.post("/items/:id/status") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            let body = try await request.decode(as: StatusRequest.self, context: context)
            return try itemAction(id, context: context) { try setStatus(id, body, actor: $0) }
        }
        group.post("/items/:id/notes") { request, context in
            let id = try context.parameters.require("id", as: Int64.self)
            let body = try await request.decode(as: NoteRequest.self, context: context)
            return try itemAction(id, context: context) { try addNote(id, body, author: $0) }
        }
        group.get("/items/:id/captures/:observation") { _, context in
            let id = try context.parameters.require("id", as: Int64.self)
            let observation = try context.parameters.require("observation", as: Int64.self)
            return try capture(item: id, observation: observation)
        }
    }

    /// Runs an action for the signed-in user; on success back to the item (303), on a refused change the item page
    /// with the reason (409).
    func itemAction(_ id: Int64, context: WebContext, _ action: (String) throws -> Void) throws -> Response {
        let actor = try context.requireUser().name
        do {
            try action(actor)
        } catch let error as WebError where error.status == .conflict || error.status == .badRequest {
            return try itemPage(id, context: context, error: error.message, status: error.status)
        }
        return Response(status: .seeOther, headers: [.location: "/items/\(id)"])
    }

    func itemPage(_ id: Int64, context: WebContext, error: String?, status: HTTPResponse.Status) throws -> Response {
        let data = try itemData(id)
        let view = ItemView(data: data, rules: rules, identity: context.identity, error: error)
        return Layout.page(title: "Item \(id)", identity: context.identity, body: view.html).response(status: status)
    }

    func itemData(_ id: Int64) throws -> ItemData {
        guard let detail = try store.queueItem(id: id) else { throw WebError(.notFound, "no review item \(id)") }
        let listing = detail.listing
        let clones = try store.serialClones(of: listing, excluding: detail.listingRef).map { clone in
            (clone, try store.reviewID(marketplace: clone.marketplace, listingID: clone.listingID))
        }
        return ItemData(
            detail: detail, observations: try store.observations(listingRef: detail.listingRef), history: try store.history(id),
            notes: try store.notes(id), clones: clones, listPrice: listing.primarySKU.flatMap(listPrice),
            marketMedian: try store.marketReference(for: listing, excluding: detail.listingRef),
            users: try store.users().map(\.name))
    }

    func assign(_ id: Int64, _ body: AssignRequest, actor: String) throws {
        let assignee = body.assignee?.trimmingCharacters(in: .whitespaces).nonEmpty
        if let assignee, try store.user(named: assignee) == nil { throw WebError(.badRequest, "no user '\(assignee)'") }
        try workflow { try store.assign(id, to: assignee, actor: actor) }
    }

    func setStatus(_ id: Int64, _ body: StatusRequest, actor: String) throws {
        let status = try WebApp.status(body.status)
        let category = try WebApp.category(body.category)
        try workflow { _ = try store.setStatus(id, to: status, actor: actor, reason: body.reason?.nonEmpty, category: category) }
    }

    func addNote(_ id: Int64, _ body: NoteRequest, author: String) throws {
        try workflow { try store.addNote(id, text: body.text, author: author) }
    }

    /// Maps the workflow's refusals to 404 (no such item) or 409 (not allowed now), with its message.
    func workflow(_ change: () throws -> Void) throws {
        do {
            try change()
        } catch let error as WorkflowError {
            throw WebError(error.message.hasPrefix("no review item") ? .notFound : .conflict, error.message)
        }
    }

    /// A stored page body, served for a sandboxed frame: the CSP `sandbox` directive stops its scripts even when
    /// opened directly, `default-src 'none'` stops every live fetch, and nosniff pins the type.
    func capture(item id: Int64, observation: Int64) throws -> Response {
        guard let detail = try store.queueItem(id: id),
              let stored = try store.observations(listingRef: detail.listingRef).first(where: { $0.id == observation }),
              let body = try store.observationBody(observation)
        else { throw WebError(.notFound, "no capture \(observation) of review item \(id)") }
        let declared = stored.headers.first { $0.count == 2 && $0[0].lowercased() == "content-type" }?[1]
        let charset = declared.flatMap(WebApp.charset) ?? ""
        return Response(status: .ok, headers: [
            .contentType: "text/html" + (charset.isEmpty ? "" : "; charset=" + charset),
            .contentSecurityPolicy: SecurityHeadersMiddleware.capturePolicy,
            .xFrameOptions: "SAMEORIGIN",
            .contentDisposition: "inline",
        ], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The charset parameter of a stored Content-Type, if it is a plain token.
    static func charset(_ contentType: String) -> String? {
        guard let range = contentType.range(of: "charset=", options: .caseInsensitive) else { return nil }
        let value = contentType[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return value.isEmpty ? nil : String(value)
    }
}
