import Crypto
import Foundation

/// What a user may do: analysts work the queue; admins also manage users and send takedown batches.
public enum UserRole: String, Sendable, Codable, CaseIterable {
    case analyst
    case admin
}

/// A user of the review UI and API. The password hash is opaque to the store (see `PasswordHasher`).
public struct UserRecord: Sendable, Codable, Equatable {
    public var id: Int64
    public var name: String
    public var role: UserRole
    public var passwordHash: String?
    public var createdAt: String
}

/// A signed-in browser session: who, its CSRF token, and when it ends.
public struct WebSessionRecord: Sendable, Equatable {
    public var user: UserRecord
    public var csrfToken: String
    public var expiresAt: Date
}

extension Store {
    /// Adds a user; a name already taken is refused.
    @discardableResult
    public func addUser(name: String, role: UserRole, passwordHash: String, at date: Date = Date()) throws -> UserRecord {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 64, !trimmed.contains(where: { $0.isNewline || $0 == "\u{0}" }) else {
            throw WorkflowError(message: "a user name needs 1 to 64 characters on one line")
        }
        return try transaction { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM \"user\" WHERE name = ?", arguments: [trimmed]) == true {
                throw WorkflowError(message: "user '\(trimmed)' already exists")
            }
            let id = try db.insert(sql: "INSERT INTO \"user\" (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                                   arguments: [trimmed, role.rawValue, passwordHash, Store.timestamp(date)])
            return UserRecord(id: id, name: trimmed, role: role, passwordHash: passwordHash,
                              createdAt: Store.timestamp(date))
        }
    }

    /// Replaces a user's password hash and ends all of the user's sessions.
    public func setPassword(user name: String, passwordHash: String) throws {
        try transaction { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM \"user\" WHERE name = ?", arguments: [name]) else {
                throw WorkflowError(message: "no user '\(name)'")
            }
            try db.execute(sql: "UPDATE \"user\" SET password_hash = ? WHERE id = ?", arguments: [passwordHash, id])
            try db.execute(sql: "DELETE FROM web_session WHERE user_ref = ?", arguments: [id])
        }
    }

    /// The user with this name, or nil.
    public func user(named name: String) throws(StoreError) -> UserRecord? {
        try read("find user") { db in try SQLRow.fetchOne(db, sql: "SELECT * FROM \"user\" WHERE name = ?", arguments: [name]).map(Store.user) }
    }

    /// Every user, by name.
    public func users() throws(StoreError) -> [UserRecord] {
        try read("list users") { db in try SQLRow.fetchAll(db, sql: "SELECT * FROM \"user\" ORDER BY name").map(Store.user) }
    }

    static func user(_ row: SQLRow) -> UserRecord {
        UserRecord(id: row["id"], name: row["name"], role: UserRole(rawValue: row["role"]) ?? .analyst,
                   passwordHash: row["password_hash"], createdAt: row["created_at"])
    }

    /// Hex SHA-256 of a secret: sessions and tokens are looked up by digest, never stored in clear.
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Stores a new session for `userID` (secrets chosen by the caller) and drops expired ones.
    public func createSession(token: String, csrfToken: String, userID: Int64, lifetime: TimeInterval,
                              at date: Date = Date()) throws(StoreError) {
        try write("create session") { db in
            try db.execute(sql: "DELETE FROM web_session WHERE expires_at < ?", arguments: [Store.timestamp(date)])
            try db.execute(sql: "INSERT INTO web_session (token_sha256, user_ref, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [Store.digest(token), userID, csrfToken, Store.timestamp(date),
                                       Store.timestamp(date.addingTimeInterval(lifetime))])
        }
    }

    /// The live session a cookie's token names, or nil when unknown or expired.
    public func session(token: String, at date: Date = Date()) throws(StoreError) -> WebSessionRecord? {
        try read("find session") { db in
            guard let row = try SQLRow.fetchOne(db, sql: """
                SELECT u.*, s.csrf_token, s.expires_at FROM web_session s JOIN \"user\" u ON u.id = s.user_ref
                WHERE s.token_sha256 = ? AND s.expires_at > ?
                """, arguments: [Store.digest(token), Store.timestamp(date)]) else { return nil }
            let expires = ISO8601DateFormatter.storeTimestamps.date(from: row["expires_at"]) ?? date
            return WebSessionRecord(user: Store.user(row), csrfToken: row["csrf_token"], expiresAt: expires)
        }
    }

    /// Ends a session (sign-out).
    public func deleteSession(token: String) throws(StoreError) {
        try write("end session") { db in
            try db.execute(sql: "DELETE FROM web_session WHERE token_sha256 = ?", arguments: [Store.digest(token)])
        }
    }

    /// Records an API bearer token (chosen by the caller) for a user.
    public func addAPIToken(_ token: String, user name: String, label: String, at date: Date = Date()) throws {
        try transaction { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM \"user\" WHERE name = ?", arguments: [name]) else {
                throw WorkflowError(message: "no user '\(name)'")
            }
            try db.execute(sql: "INSERT INTO api_token (token_sha256, user_ref, label, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [Store.digest(token), id, label, Store.timestamp(date)])
        }
    }

    /// The user a bearer token belongs to (not revoked), noting its use; nil otherwise.
    public func user(apiToken token: String, at date: Date = Date()) throws(StoreError) -> UserRecord? {
        try write("check API token") { db in
            let digest = Store.digest(token)
            guard let row = try SQLRow.fetchOne(db, sql: """
                SELECT u.* FROM api_token t JOIN \"user\" u ON u.id = t.user_ref WHERE t.token_sha256 = ? AND t.revoked_at IS NULL
                """, arguments: [digest]) else { return nil }
            try db.execute(sql: "UPDATE api_token SET last_used_at = ? WHERE token_sha256 = ?", arguments: [Store.timestamp(date), digest])
            return Store.user(row)
        }
    }
}

extension ISO8601DateFormatter {
    /// Parses the store's timestamps (ISO 8601 UTC with fractional seconds).
    public nonisolated(unsafe) static let storeTimestamps: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
}
