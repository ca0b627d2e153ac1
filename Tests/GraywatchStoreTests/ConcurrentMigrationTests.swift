import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

/// Processes that open one new store at the same moment (a daemon and `serve` started together, several workers, a
/// scan while the review UI runs after an upgrade) each apply the pending migrations: none may fail for it. Each
/// `Store` here stands for another process (its own connection).
@Suite struct ConcurrentMigrationTests {
    /// The errors the concurrent opens threw.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var errors: [String] = []
        func add(_ error: any Error) { lock.withLock { errors.append("\(error)") } }
        var all: [String] { lock.withLock { errors } }
    }

    @Test func storesOpenedTogetherOnANewLocationAllOpenAndMigrateItOnce() throws {
        for round in 1...8 {
            let location = try TestStores.location("together")
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try Store(location: location) } catch { failures.add(error) }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all.joined(separator: "\n"))")
            let store = try Store(location: location)
            let listing = Listing(marketplace: "tradewell", listingID: "together-\(round)", url: "https://example.invalid/itm/1",
                                  title: "EX4300-48T", condition: .new)
            try store.upsert(listing)
            #expect(try store.listingCount() == 1, "round \(round): the store migrated together works")
        }
    }
}
