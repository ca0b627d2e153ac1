import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

/// One process at a time per scan profile: a flock(2) file beside an SQLite store, a session advisory lock on
/// PostgreSQL. Each `Store` here stands for another process (its own open file description, its own session).
@Suite struct ProfileLockTests {
    /// Two stores on the same new location.
    static func stores() throws -> (Store, Store) {
        let location = try TestStores.location("locks")
        return (try Store(location: location), try Store(location: location))
    }

    /// A profile name no other test uses (PostgreSQL advisory locks are shared by the whole database).
    static func profile(_ name: String = "nightly") -> String {
        name + "-" + UUID().uuidString.prefix(8)
    }

    @Test func heldLockShutsOutAnotherStoreUntilReleased() throws {
        let (a, b) = try Self.stores()
        let nightly = Self.profile()
        let lock = try #require(try a.lockProfile(nightly))
        #expect(try b.lockProfile(nightly) == nil, "held by a")
        #expect(try b.lockProfile(nightly) == nil, "a failed attempt takes nothing")
        lock.release()
        let taken = try #require(try b.lockProfile(nightly), "free after release")
        #expect(try a.lockProfile(nightly) == nil, "and now b holds it")
        taken.release()
    }

    @Test func differentProfilesDoNotConflict() throws {
        let (a, b) = try Self.stores()
        let nightly = Self.profile()
        let weekly = Self.profile("weekly")
        let nightlyLock = try #require(try a.lockProfile(nightly))
        let weeklyLock = try #require(try b.lockProfile(weekly))
        #expect(try a.lockProfile(weekly) == nil)
        #expect(try b.lockProfile(nightly) == nil)
        nightlyLock.release()
        weeklyLock.release()
    }

    @Test func stoppingTheLockReleasesItAndReleaseTwiceIsHarmless() throws {
        let (a, b) = try Self.stores()
        let nightly = Self.profile()
        do {
            let lock = try #require(try a.lockProfile(nightly))
            #expect(try b.lockProfile(nightly) == nil)
            withExtendedLifetime(lock) {}
        }
        // The lock went out of scope (a worker dropping it without release): the lock is free.
        let again = try #require(try b.lockProfile(nightly))
        again.release()
        again.release()
        let third = try #require(try a.lockProfile(nightly), "a second release did not take or break anything")
        #expect(try b.lockProfile(nightly) == nil)
        third.release()
    }

    @Test func storesOnOtherLocationsDoNotConflict() throws {
        let (a, _) = try Self.stores()
        let (c, _) = try Self.stores()
        let nightly = Self.profile()
        let lock = try #require(try a.lockProfile(nightly))
        // PostgreSQL: the advisory lock key holds the schema, so two stores in one database (the tests' schemas,
        // or staging beside production) never shut each other's same-named profiles out.
        let other = try #require(try c.lockProfile(nightly), "another store, another lock")
        other.release()
        lock.release()
    }

    @Test func oddProfileNamesLockToo() throws {
        let (a, b) = try Self.stores()
        let odd = Self.profile("ex/srx nightly ✓")
        let lock = try #require(try a.lockProfile(odd))
        #expect(try b.lockProfile(odd) == nil)
        lock.release()
        try #require(try b.lockProfile(odd)).release()
    }

    @Test func sqliteLockFileNamesTheHolder() throws {
        let (a, b) = try Self.stores()
        let nightly = Self.profile()
        let lock = try #require(try a.lockProfile(nightly))
        if TestStores.postgres {
            #expect(b.profileLockHolder(nightly) == nil, "PostgreSQL does not say")
        } else {
            #expect(b.profileLockHolder(nightly) == "pid \(getpid())")
        }
        lock.release()
    }
}
