import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A held lock on one scan profile: while it lives, no other process (on any machine, with PostgreSQL) runs that
/// profile. It is released by ``release()``, and by the operating system or the database when the process dies —
/// so a killed run never leaves a stale lock behind.
public final class ProfileLock: @unchecked Sendable {
    private let releaseBody: () -> Void
    private var released = false
    private let lock = NSLock()

    init(release: @escaping () -> Void) {
        releaseBody = release
    }

    public func release() {
        lock.lock()
        defer { lock.unlock() }
        guard !released else { return }
        released = true
        releaseBody()
    }

    deinit { release() }
}

extension Store {
    /// Takes the lock of `profile`, or returns nil when another process holds it. SQLite: `flock(2)` on a file
    /// beside the database (`DB.PROFILE.lock`, holding the holder's pid); PostgreSQL: a session advisory lock keyed by schema and profile.
    public func lockProfile(_ profile: String) throws(StoreError) -> ProfileLock? {
        switch backend {
        case .sqlite:
            let safe = String(profile.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
            let path = location + ".\(safe).lock"
            let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw StoreError(operation: "lock profile \(profile)", underlying: SQLError(
                    message: "cannot open \(path): \(String(cString: strerror(errno)))", sql: ""))
            }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                Glibc.close(fd)
                return nil
            }
            let pid = "\(getpid())\n"
            _ = ftruncate(fd, 0)
            _ = pid.withCString { Glibc.write(fd, $0, strlen($0)) }
            return ProfileLock { Glibc.close(fd) }
        case .postgres(let postgres):
            let key: SQLArguments = [profile]
            let taken = try read("lock profile \(profile)") { db in
                try Bool.fetchOne(db, sql: "SELECT pg_try_advisory_lock(7010428, hashtext(current_schema() || ':' || ?))", arguments: key) ?? false
            }
            guard taken else { return nil }
            return ProfileLock {
                _ = try? postgres.run(transaction: false) { db in
                    try db.execute(sql: "SELECT pg_advisory_unlock(7010428, hashtext(current_schema() || ':' || ?))", arguments: key)
                }
            }
        }
    }

    /// Who holds a profile's lock, as far as can be told (the pid written in the SQLite lock file).
    public func profileLockHolder(_ profile: String) -> String? {
        guard case .sqlite = backend else { return nil }
        let safe = String(profile.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return (try? String(contentsOfFile: location + ".\(safe).lock", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty.map { "pid \($0)" }
    }
}
