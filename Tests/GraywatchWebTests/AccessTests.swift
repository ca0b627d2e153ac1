import Foundation
import GraywatchStore
@testable import GraywatchWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Who may do what: sign-in, sessions, CSRF, rate limiting, roles and the headers every answer carries.
@Suite struct AccessTests {
    /// Every page route, for the anonymous checks.
    static let pages = ["/", "/?status=new", "/items/1", "/items/1/captures/1", "/audit", "/admin/users", "/export/csv",
                        "/export/ndjson", "/export/warc"]
    static let posts = ["/items/1/assign", "/items/1/status", "/items/1/notes", "/bulk", "/export/takedown", "/admin/users",
                        "/admin/tokens"]
    static let apiGets = ["/api/me", "/api/queue", "/api/counts", "/api/items/1", "/api/items/1/history", "/api/audit",
                          "/api/export/csv", "/api/export/ndjson", "/api/export/warc"]
    static let apiPosts = ["/api/items/1/assign", "/api/items/1/status", "/api/items/1/notes", "/api/bulk", "/api/export/takedown"]

    @Test func anonymousPageRequestsAreSentToTheSignInPage() async throws {
        try await WebFixture().test { client async throws in
            for uri in Self.pages {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/login?next=" + HTML.queryValue(uri), "\(uri)")
            }
        }
    }

    @Test func anonymousPostsAndAPICallsAre401() async throws {
        try await WebFixture().test { client async throws in
            for uri in Self.posts + Self.apiPosts {
                let response = try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                        body: ByteBuffer(string: "status=confirmed"))
                #expect(response.status == .unauthorized, "\(uri)")
            }
            for uri in Self.apiGets {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .unauthorized, "\(uri)")
                #expect(response.headers[.wwwAuthenticate] == "Bearer", "\(uri)")
                #expect(response.text.contains("\"error\""), "\(uri)")
            }
        }
    }

    @Test func everyAnswerCarriesAContentSecurityPolicy() async throws {
        try await WebFixture().test { client async throws in
            let browser = try await Browser.signIn(client)
            var answers = [try await client.execute(uri: "/no/such/page", method: .get),
                           try await client.execute(uri: "/login", method: .get),
                           try await client.execute(uri: "/static/app.css", method: .get),
                           try await client.execute(uri: "/api/queue", method: .get)]
            for uri in Self.pages { answers.append(try await browser.get(client, uri)) }
            answers.append(try await browser.post(client, "/items/1/status", [("status", "bogus")], csrf: false))
            for response in answers {
                let policy = try #require(response.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'"))
                #expect(!policy.contains("unsafe-inline") || policy.contains("sandbox"))
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test func signInSetsAnHttpOnlySameSiteStrictSessionCookie() async throws {
        try await WebFixture().test { client async throws in
            let response = try await client.signInAttempt(name: "alice", password: WebFixture.password, next: "/audit")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/audit")
            let cookie = try #require(response.setCookieHeader(CookieName.session))
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            #expect(!cookie.contains("Secure"))
        }
    }

    @Test func sessionCookieIsSecureWhenServedOverTLS() async throws {
        try await WebFixture(secureCookies: true).test { client async throws in
            let response = try await client.signInAttempt(name: "alice", password: WebFixture.password)
            #expect(try #require(response.setCookieHeader(CookieName.session)).contains("Secure"))
            #expect(response.headers[.strictTransportSecurity] != nil)
        }
    }

    @Test func signInRedirectsOnlyWithinTheSite() async throws {
        try await WebFixture().test { client async throws in
            for next in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"] {
                let response = try await client.signInAttempt(name: "alice", password: WebFixture.password, next: next)
                #expect(response.headers[.location] == "/", "\(next)")
            }
        }
    }

    @Test func wrongPasswordAndUnknownUserAreRefusedAlike() async throws {
        try await WebFixture().test { client async throws in
            let wrong = try await client.signInAttempt(name: "alice", password: "not the password")
            let unknown = try await client.signInAttempt(name: "mallory", password: "not the password")
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.cookie(CookieName.session) == nil)
            #expect(wrong.text.contains("Wrong name or password."))
            #expect(unknown.text.contains("Wrong name or password."))
        }
    }

    @Test func signInWithoutTheLoginCSRFTokenIs403() async throws {
        try await WebFixture().test { client async throws in
            let response = try await client.execute(uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: Form.encode([("name", "alice"), ("password", WebFixture.password)])))
            #expect(response.status == .forbidden)
            #expect(response.cookie(CookieName.session) == nil)
        }
    }

    @Test func repeatedFailedSignInsAreRateLimited() async throws {
        try await WebFixture(throttle: LoginThrottle(limit: 3, window: 600)).test { client async throws in
            for _ in 0..<3 { #expect(try await client.signInAttempt(name: "alice", password: "guess").status == .unauthorized) }
            // Even the right password waits now: the limit is per name and per address.
            let limited = try await client.signInAttempt(name: "alice", password: WebFixture.password)
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(limited.cookie(CookieName.session) == nil)
        }
    }

    @Test func throttleWindowExpires() async {
        let throttle = LoginThrottle(limit: 2, window: 60)
        let start = Date()
        await throttle.failed(address: "a", name: "n", now: start)
        await throttle.failed(address: "a", name: "n", now: start)
        #expect(await throttle.retryAfter(address: "a", name: "n", now: start.addingTimeInterval(1)) == 59)
        #expect(await throttle.retryAfter(address: "b", name: "n", now: start.addingTimeInterval(1)) != nil)
        #expect(await throttle.retryAfter(address: "a", name: "n", now: start.addingTimeInterval(61)) == nil)
    }

    @Test func stateChangingPostsWithoutCSRFAre403AndChangeNothing() async throws {
        let fixture = try WebFixture()
        let id = fixture.ids["plain"]!
        try await fixture.test { client async throws in
            let browser = try await Browser.signIn(client)
            let posts: [(String, [(String, String)])] = [
                ("/items/\(id)/assign", [("assignee", "bob")]),
                ("/items/\(id)/status", [("status", "confirmed"), ("category", "counterfeit")]),
                ("/items/\(id)/notes", [("text", "forged")]),
                ("/bulk", [("status", "new"), ("action", "note"), ("text", "forged"), ("expect", "3")]),
                ("/export/takedown", [("marketplace", "tradewell"), ("status", "new")]),
                ("/admin/users", [("name", "eve"), ("role", "admin"), ("password", "long enough password")]),
                ("/admin/tokens", [("name", "alice")]),
                ("/logout", []),
            ]
            for (uri, fields) in posts {
                #expect(try await browser.post(client, uri, fields, csrf: false).status == .forbidden, "\(uri) without token")
                var wrong = browser
                wrong.csrf = "wrong-token"
                #expect(try await wrong.post(client, uri, fields).status == .forbidden, "\(uri) with a wrong token")
            }
            // Session-cookie API calls need the token in X-CSRF-Token.
            let api = try await client.execute(uri: "/api/items/\(id)/notes", method: .post, headers: [
                .cookie: "\(CookieName.session)=\(browser.cookie)", .contentType: "application/json",
            ], body: ByteBuffer(string: #"{"text":"forged"}"#))
            #expect(api.status == .forbidden)
            let withHeader = try await client.execute(uri: "/api/items/\(id)/notes", method: .post, headers: [
                .cookie: "\(CookieName.session)=\(browser.cookie)", .contentType: "application/json",
                HTTPField.Name("X-CSRF-Token")!: browser.csrf,
            ], body: ByteBuffer(string: #"{"text":"with the token"}"#))
            #expect(withHeader.status == .ok)
            // Still signed in (logout was refused), and nothing forged reached the store.
            #expect(try await browser.get(client, "/").status == .ok)
        }
        #expect(try fixture.store.queueItem(id: id)?.entry.status == "new")
        #expect(try fixture.store.queueItem(id: id)?.entry.assignee == nil)
        #expect(try fixture.store.notes(id).map(\.text) == ["with the token"])
        #expect(try fixture.store.user(named: "eve") == nil)
        #expect(try fixture.store.queue(QueueFilter(status: .enforcementRequested)).isEmpty)
    }

    @Test func analystsCannotManageUsersOrSendTakedowns() async throws {
        try await WebFixture().test { client async throws in
            let bob = try await Browser.signIn(client, name: "bob")
            #expect(try await bob.get(client, "/admin/users").status == .forbidden)
            #expect(try await bob.post(client, "/admin/users", [("name", "eve"), ("role", "admin"), ("password", "long enough password")]).status == .forbidden)
            #expect(try await bob.post(client, "/admin/tokens", [("name", "bob")]).status == .forbidden)
            #expect(try await bob.post(client, "/export/takedown", [("marketplace", "tradewell")]).status == .forbidden)
            #expect(!(try await bob.get(client, "/").text.contains("/admin/users")))
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await WebFixture().test { client async throws in
            let browser = try await Browser.signIn(client)
            let out = try await browser.post(client, "/logout")
            #expect(out.status == .seeOther)
            #expect(out.setCookieHeader(CookieName.session)?.contains("Max-Age=0") == true)
            #expect(try await browser.get(client, "/").status == .seeOther)
        }
    }

    @Test func unknownBearerTokenIs401() async throws {
        try await WebFixture().test { client async throws in
            #expect(try await client.api("/api/queue", token: "not-a-token").status == .unauthorized)
            #expect(try await client.api("/", token: "not-a-token").status == .unauthorized)
        }
    }

    @Test func passwordHashesAreSaltedSlowAndVerified() throws {
        let first = try PasswordHasher.hash("correct horse battery", rounds: 1_000)
        let second = try PasswordHasher.hash("correct horse battery", rounds: 1_000)
        #expect(first != second)
        #expect(first.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(PasswordHasher.verify("correct horse battery", against: first))
        #expect(!PasswordHasher.verify("correct horse batterY", against: first))
        #expect(!PasswordHasher.verify("x", against: "pbkdf2-sha256$10$AAAA$AAAA"))
        #expect(PasswordHasher.defaultRounds >= 600_000)
    }
}
