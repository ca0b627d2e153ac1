import Foundation
import GraywatchStore

/// Where the store tests keep their stores. The same suite runs against both engines: SQLite files by default,
/// and PostgreSQL when `GRAYWATCH_STORE_BACKEND=postgres` (scripts/test.sh runs it both ways, against the server
/// scripts/postgres.sh starts; `GRAYWATCH_TEST_POSTGRES` is its URL). Each PostgreSQL store is a schema of its own.
public enum TestStores {
    /// Whether this run targets PostgreSQL.
    public static var postgres: Bool { ProcessInfo.processInfo.environment["GRAYWATCH_STORE_BACKEND"] == "postgres" }

    /// A new, empty store location named after `name`.
    public static func location(_ name: String) throws -> String {
        guard postgres else { return try TestPaths.temporaryDirectory().appendingPathComponent(name + ".sqlite").path }
        let server = ProcessInfo.processInfo.environment["GRAYWATCH_TEST_POSTGRES"]
            ?? "postgres://postgres@127.0.0.1:55432/postgres"
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        return server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    /// A new, empty store.
    public static func make(_ name: String = "test") throws -> Store {
        try Store(location: try location(name))
    }

    /// The SQL that removes the trigger guarding observations, so a test can play the tamperer.
    public static func dropEvidenceGuard(_ store: Store) -> String {
        store.dialect == .postgres ? "DROP TRIGGER observation_is_evidence_update ON observation"
            : "DROP TRIGGER observation_is_evidence_update"
    }
}
