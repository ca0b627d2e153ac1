import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
@testable import GraywatchWeb
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// A store with queued items (one carrying script payloads in every seller field), an admin, an analyst and an
/// API token, and the review UI over it.
struct WebFixture {
    static let password = "correct horse battery"
    static let payload = "<script>window.__gw_pwned=1</script><img src=x onerror=\"window.__gw_pwned=2\">"

    let store: Store
    let app: WebApp
    let token: String
    var ids: [String: Int64] = [:]

    init(throttle: LoginThrottle = LoginThrottle(), secureCookies: Bool = false) throws {
        store = try TestStores.make("web")
        let hash = try PasswordHasher.hash(WebFixture.password, rounds: 1_000)
        try store.addUser(name: "alice", role: .admin, passwordHash: hash)
        try store.addUser(name: "bob", role: .analyst, passwordHash: hash)
        token = Secret.make()
        try store.addAPIToken(token, user: "bob", label: "tests")
        app = WebApp(store: store, rules: ["r-counterfeit": .init(title: "Counterfeit wording", description: "Says replica",
                                                                   enforcement: "Counterfeit Juniper product")],
                     listPrice: { sku in sku.hasPrefix("EX4300") ? ("EX4300-48T", 9000) : nil },
                     secureCookies: secureCookies, throttle: throttle)
        ids["plain"] = try item("100", title: "Juniper EX4300-48T switch", seller: "plain_seller", score: 60)
        ids["second"] = try item("101", title: "Juniper SRX300 firewall", seller: "other_seller", score: 70)
        ids["hostile"] = try item("102", title: "EX4300 " + WebFixture.payload, seller: WebFixture.payload, score: 90,
                                  description: "Replica unit " + WebFixture.payload,
                                  specifics: [Specific(label: WebFixture.payload, value: WebFixture.payload)],
                                  url: "javascript:alert(1)", formula: true)
    }

    /// Stores a listing with one observation and a finding; returns its review item id.
    func item(_ listingID: String, title: String, seller: String, score: Int, description: String = "",
              specifics: [Specific] = [], url: String? = nil, formula: Bool = false) throws -> Int64 {
        let link = url ?? "http://market.test/itm/\(listingID)"
        let listing = Listing(marketplace: "tradewell", listingID: listingID, url: link, title: formula ? "=HYPERLINK(\"x\") " + title : title,
                              price: Price(amount: 1000, currency: "USD"), condition: .new, seller: Seller(name: seller),
                              specifics: specifics, description: description,
                              identifiers: [Identifier(kind: .sku, raw: "EX4300-48T", normalized: "EX4300-48T", family: "EX4300",
                                                       span: TextSpan(field: .title, start: 0, length: 6))])
        let run = try store.beginRun(configurationJSON: "{}", start: [FrontierEntry(url: "http://market.test/itm/\(listingID)", depth: 0)])
        let body = Data("<html><body><h1>\(title)</h1><script>parent.__gw_pwned=3</script></body></html>".utf8)
        try store.record(PageRecord(url: "http://market.test/itm/\(listingID)", state: .done, outcome: "200 item", listing: listing,
                                    observation: ObservationInput(observedAt: Date(), finalURL: "http://market.test/itm/\(listingID)",
                                                                  status: 200, headers: [("Content-Type", "text/html; charset=utf-8")],
                                                                  body: body)), run: run)
        let ref = try store.listingRef(marketplace: "tradewell", listingID: listingID)!
        let finding = Finding(ruleID: "r-counterfeit", category: .counterfeit, weight: score,
                              evidence: [Evidence(field: "title", text: "EX4300", context: title)])
        guard case .opened(let id) = try store.save(Assessment(findings: [finding]), listingRef: ref, threshold: 50) else {
            throw FixtureError(message: "item \(listingID) was not queued")
        }
        return id
    }

    /// Runs `body` with a router-level test client of the app.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = Application(responder: app.responder())
        try await application.test(.router) { client in try await body(client) }
    }
}

/// A browser-like session in tests: signs in through the form and keeps the cookie and CSRF token.
struct Browser {
    var cookie: String
    var csrf: String

    static func signIn(_ client: any TestClientProtocol, name: String = "alice", password: String = WebFixture.password) async throws -> Browser {
        let response = try await client.signInAttempt(name: name, password: password)
        guard response.status == .seeOther, let cookie = response.cookie(CookieName.session) else {
            throw FixtureError(message: "sign-in failed: \(response.status)")
        }
        let page = try await client.execute(uri: "/", method: .get, headers: [.cookie: "\(CookieName.session)=\(cookie)"])
        let csrf = page.text.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.1) } ?? ""
        return Browser(cookie: cookie, csrf: csrf)
    }

    var headers: HTTPFields { [.cookie: "\(CookieName.session)=\(cookie)"] }

    func get(_ client: any TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// A form POST; the CSRF field is added unless `csrf` is false.
    func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws -> TestResponse {
        var headers = headers
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = (csrf ? [("csrf", self.csrf)] : []) + fields
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: Form.encode(all)))
    }
}

enum Form {
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\(HTML.queryValue($0.1))" }.joined(separator: "&")
    }
}

extension TestClientProtocol {
    /// GET /login, then POST the form with its login CSRF token and cookie.
    func signInAttempt(name: String, password: String, next: String = "/", address: String? = nil) async throws -> TestResponse {
        let form = try await execute(uri: "/login", method: .get)
        let token = form.text.firstMatch(of: /name="csrf" value="([^"]+)"/).map { String($0.1) } ?? ""
        let loginCookie = form.cookie(CookieName.login) ?? ""
        return try await execute(uri: "/login", method: .post, headers: [
            .cookie: "\(CookieName.login)=\(loginCookie)", .contentType: "application/x-www-form-urlencoded",
        ], body: ByteBuffer(string: Form.encode([("csrf", token), ("name", name), ("password", password), ("next", next)])))
    }

    /// An API call with the fixture's bearer token and an optional JSON body.
    func api(_ uri: String, method: HTTPRequest.Method = .get, token: String, json: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The value a Set-Cookie header gives `name`.
    func cookie(_ name: String) -> String? {
        headers[values: .setCookie].compactMap { header -> String? in
            guard header.hasPrefix(name + "=") else { return nil }
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }.first
    }

    func setCookieHeader(_ name: String) -> String? { headers[values: .setCookie].first { $0.hasPrefix(name + "=") } }
}

struct FixtureError: Error { var message: String }
