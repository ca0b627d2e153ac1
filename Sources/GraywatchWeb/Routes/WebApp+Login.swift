import Foundation
import GraywatchStore
import Hummingbird
import NIOPosix

extension WebApp {
    /// `GET /login`, `POST /login` (rate limited, double-submit CSRF), `POST /logout`.
    func addLoginRoutes(_ router: Router<WebContext>) {
        router.get("/login") { request, context in
            let next = WebApp.safeNext(request.queryFields["next"])
            if context.identity != nil { return Response(status: .seeOther, headers: [.location: next]) }
            return loginPage(next: next, message: nil, status: .ok)
        }
        router.post("/login") { request, context in
            var request = request
            let form = FormFields(String(buffer: try await request.collectBody(upTo: WebApp.maxFormBytes)))
            let next = WebApp.safeNext(form["next"])
            guard let cookie = request.cookies[CookieName.login]?.value, let presented = form["csrf"],
                  CSRF.equal(cookie, presented) else {
                throw WebError(.forbidden, "missing or wrong CSRF token: reload the sign-in page and try again")
            }
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let password = form["password"] ?? ""
            if let wait = await throttle.retryAfter(address: context.clientAddress, name: name) {
                return loginPage(next: next, message: "Too many failed sign-ins. Try again in \(wait) s.",
                                 status: .tooManyRequests, headers: [.retryAfter: String(wait)])
            }
            let user = try store.user(named: name)
            let stored = user?.passwordHash ?? PasswordHasher.decoy
            let matches = try await NIOThreadPool.singleton.runIfActive { PasswordHasher.verify(password, against: stored) }
            guard let user, matches else {
                await throttle.failed(address: context.clientAddress, name: name)
                context.logger.notice("failed sign-in", metadata: ["name": .string(LogText.safe(name, limit: 64)),
                                                                   "address": .string(context.clientAddress)])
                return loginPage(next: next, message: "Wrong name or password.", status: .unauthorized)
            }
            await throttle.succeeded(name: name)
            let token = Secret.make()
            try store.createSession(token: token, csrfToken: Secret.make(), userID: user.id, lifetime: sessionLifetime)
            var response = Response(status: .seeOther, headers: [.location: next])
            response.setCookie(Cookie(name: CookieName.session, value: token, maxAge: Int(sessionLifetime), path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .strict))
            response.setCookie(Cookie(name: CookieName.login, value: "", maxAge: 0, path: "/login", secure: secureCookies,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
        router.post("/logout") { request, context in
            // Signed out already: nothing to protect.
            guard let identity = context.identity, case .session(let token, let csrf) = identity.proof else {
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            var request = request
            guard let presented = try await CSRF.token(in: &request), CSRF.equal(presented, csrf) else {
                throw WebError(.forbidden, "missing or wrong CSRF token: reload the page and try again")
            }
            try store.deleteSession(token: token)
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(Cookie(name: CookieName.session, value: "", maxAge: 0, path: "/", secure: secureCookies,
                                      httpOnly: true, sameSite: .strict))
            return response
        }
    }

    /// The sign-in form with a fresh login CSRF token (also set as a cookie scoped to /login).
    func loginPage(next: String, message: String?, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        let token = Secret.make()
        let body: HTML = """
            <div class="login panel"><h1>Sign in</h1>\(message.map { HTML("<p class=\"error\" id=\"login-error\">\($0)</p>") } ?? "")
            <form method="post" action="/login"><input type="hidden" name="csrf" value="\(token)">
            <input type="hidden" name="next" value="\(next)">
            <label>Name <input name="name" id="name" autocomplete="username" required></label>
            <label>Password <input name="password" id="password" type="password" autocomplete="current-password" required></label>
            <button class="primary" type="submit" id="sign-in">Sign in</button></form></div>
            """
        var response = Layout.page(title: "Sign in", identity: nil, body: body).response(status: status, headers: headers)
        response.setCookie(Cookie(name: CookieName.login, value: token, maxAge: 3600, path: "/login", secure: secureCookies,
                                  httpOnly: true, sameSite: .strict))
        return response
    }

    /// Where to go after signing in: a path on this site only (never `//host` or a scheme), else the queue.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return "/" }
        return next
    }
}
