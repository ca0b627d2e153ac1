import GraywatchStore
import Hummingbird
import NIOPosix

/// `POST /admin/users`: a new user.
struct NewUserRequest: Decodable {
    var name: String
    var role: String
    var password: String
}
/// `POST /admin/tokens`: an API token for a user.
struct NewTokenRequest: Decodable {
    var name: String
    var label: String?
}

extension WebApp {
    /// Minimum password length for new users.
    public static let minimumPasswordLength = 12

    /// Admin pages: users, new users, API tokens (each token shown once, stored only as its SHA-256).
    func addUserRoutes(_ group: RouterGroup<WebContext>) {
        group.get("/admin/users") { _, context in
            _ = try context.requireAdmin()
            return try usersPage(context, notice: nil)
        }
        group.post("/admin/users") { request, context in
            _ = try context.requireAdmin()
            let body = try await request.decode(as: NewUserRequest.self, context: context)
            guard let role = UserRole(rawValue: body.role) else { throw WebError(.badRequest, "unknown role '\(body.role)' (analyst, admin)") }
            guard body.password.count >= WebApp.minimumPasswordLength else {
                throw WebError(.badRequest, "a password needs at least \(WebApp.minimumPasswordLength) characters")
            }
            let password = body.password
            let hash = try await NIOThreadPool.singleton.runIfActive { try PasswordHasher.hash(password) }
            do {
                try store.addUser(name: body.name, role: role, passwordHash: hash)
            } catch let error as WorkflowError {
                throw WebError(.conflict, error.message)
            }
            return try usersPage(context, notice: HTML("User \(body.name) added."))
        }
        group.post("/admin/tokens") { request, context in
            _ = try context.requireAdmin()
            let body = try await request.decode(as: NewTokenRequest.self, context: context)
            let token = Secret.make()
            do {
                try store.addAPIToken(token, user: body.name, label: body.label?.nonEmpty ?? "web")
            } catch let error as WorkflowError {
                throw WebError(.notFound, error.message)
            }
            return try usersPage(context, notice: HTML("API token for \(body.name) (shown once): <code id=\"new-token\">\(token)</code>"))
        }
    }

    func usersPage(_ context: WebContext, notice: HTML?) throws -> Response {
        let users = try store.users()
        let csrf = Layout.csrfField(context.identity)
        let body: HTML = """
            <h1>Users</h1>\(notice.map { HTML("<p class=\"notice\">\($0)</p>") } ?? "")
            <table id="users"><thead><tr><th>Name</th><th>Role</th><th>Created</th></tr></thead><tbody>\
            \(users.html { "<tr><td>\($0.name)</td><td>\($0.role.rawValue)</td><td>\($0.createdAt)</td></tr>" })</tbody></table>
            <div class="grid"><form class="panel" method="post" action="/admin/users">\(csrf)<h2>Add a user</h2>
            <label>Name <input name="name" required></label> <label>Role <select name="role"><option>analyst</option><option>admin</option></select></label>
            <label>Password <input name="password" type="password" minlength="\(WebApp.minimumPasswordLength)" required></label>
            <button type="submit">Add</button></form>
            <form class="panel" method="post" action="/admin/tokens">\(csrf)<h2>Issue an API token</h2>
            <label>User <select name="name">\(users.html { "<option value=\"\($0.name)\">\($0.name)</option>" })</select></label>
            <label>Label <input name="label"></label> <button type="submit">Issue</button></form></div>
            """
        return Layout.page(title: "Users", identity: context.identity, body: body).response()
    }
}
