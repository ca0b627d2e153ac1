import Foundation
import GraywatchCore
import GraywatchStore
import GraywatchTestSupport
import Testing

/// Worker leases on a run's frontier, the scoring claim, and joining a profile's unfinished run — the store side
/// of several workers sharing one scheduled scan.
@Suite struct LeaseTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static func urls(_ count: Int, prefix: String = "http://t/itm/") -> [String] {
        (0..<count).map { "\(prefix)\($0)" }
    }

    static func run(_ store: Store, _ urls: [String]) throws -> Int64 {
        try store.beginRun(configurationJSON: "{}", start: urls.map { FrontierEntry(url: $0, depth: 0) }, at: t0)
    }

    @Test func twoOwnersGetDisjointLeasesInDiscoveryOrder() throws {
        let store = try TestStores.make("leases")
        let all = Self.urls(5)
        let run = try Self.run(store, all)
        let a = try store.leaseFrontier(run: run, owner: "a", limit: 2, seconds: 60, at: Self.t0)
        let b = try store.leaseFrontier(run: run, owner: "b", limit: 2, seconds: 60, at: Self.t0)
        #expect(a.map(\.url) == Array(all[0..<2]))
        #expect(b.map(\.url) == Array(all[2..<4]))
        let rest = try store.leaseFrontier(run: run, owner: "a", limit: 10, seconds: 60, at: Self.t0)
        #expect(rest.map(\.url) == [all[4]])
        #expect(try store.leaseFrontier(run: run, owner: "c", limit: 10, seconds: 60, at: Self.t0).isEmpty)
        #expect(a.allSatisfy { $0.depth == 0 && $0.attempts == 0 })
    }

    @Test func discoveredURLsAreLeasedAfterTheStartURLs() throws {
        let store = try TestStores.make("leases")
        let run = try Self.run(store, ["http://t/search?p=1", "http://t/search?p=2"])
        try store.record(PageRecord(url: "http://t/search?p=1", state: .done, outcome: "200 search",
                                    discovered: [FrontierEntry(url: "http://t/itm/9", depth: 1),
                                                 FrontierEntry(url: "http://t/itm/3", depth: 1)]), run: run)
        let leased = try store.leaseFrontier(run: run, owner: "a", limit: 10, seconds: 60, at: Self.t0)
        #expect(leased.map(\.url) == ["http://t/search?p=2", "http://t/itm/9", "http://t/itm/3"])
        #expect(leased.map(\.depth) == [0, 1, 1])
    }

    @Test func expiredLeaseIsTakenByAnotherOwnerButALiveOneIsNot() throws {
        let store = try TestStores.make("leases")
        let run = try Self.run(store, Self.urls(2))
        _ = try store.leaseFrontier(run: run, owner: "a", limit: 10, seconds: 30, at: Self.t0)
        #expect(try store.leaseFrontier(run: run, owner: "b", limit: 10, seconds: 30, at: Self.t0 + 29).isEmpty)
        let taken = try store.leaseFrontier(run: run, owner: "b", limit: 10, seconds: 30, at: Self.t0 + 31)
        #expect(taken.map(\.url) == Self.urls(2))
        #expect(try store.leaseFrontier(run: run, owner: "a", limit: 10, seconds: 30, at: Self.t0 + 32).isEmpty,
                "b holds them now")
    }

    @Test func doneURLsAreNeverLeasedEvenWhenTheirLeaseRanOut() throws {
        let store = try TestStores.make("leases")
        let all = Self.urls(3)
        let run = try Self.run(store, all)
        _ = try store.leaseFrontier(run: run, owner: "a", limit: 2, seconds: 30, at: Self.t0)
        try store.record(PageRecord(url: all[0], state: .done, outcome: "200 item"), run: run)
        try store.record(PageRecord(url: all[1], state: .failed, outcome: "HTTP status 500"), run: run)
        let later = try store.leaseFrontier(run: run, owner: "b", limit: 10, seconds: 30, at: Self.t0 + 3600)
        #expect(later.map(\.url) == [all[2]])
    }

    @Test func renewKeepsOnlyTheOwnersUnfinishedLeasesAlive() throws {
        let store = try TestStores.make("leases")
        let all = Self.urls(3)
        let run = try Self.run(store, all)
        _ = try store.leaseFrontier(run: run, owner: "a", limit: 2, seconds: 10, at: Self.t0)
        _ = try store.leaseFrontier(run: run, owner: "b", limit: 1, seconds: 10, at: Self.t0)
        try store.renewLeases(run: run, owner: "a", seconds: 10, at: Self.t0 + 8)
        let stolen = try store.leaseFrontier(run: run, owner: "c", limit: 10, seconds: 10, at: Self.t0 + 12)
        #expect(stolen.map(\.url) == [all[2]], "b did not renew; a's renewed leases still hold")
        #expect(try store.leaseFrontier(run: run, owner: "c", limit: 10, seconds: 10, at: Self.t0 + 17).isEmpty,
                "a's renewed leases run to t0+18")
        #expect(try store.leaseFrontier(run: run, owner: "d", limit: 10, seconds: 10, at: Self.t0 + 19).map(\.url)
                == [all[0], all[1]], "c's lease on the third runs to t0+22")
    }

    @Test func releasedLeasesAreFreeAtOnceAndOthersKeepTheirs() throws {
        let store = try TestStores.make("leases")
        let all = Self.urls(4)
        let run = try Self.run(store, all)
        _ = try store.leaseFrontier(run: run, owner: "a", limit: 2, seconds: 600, at: Self.t0)
        _ = try store.leaseFrontier(run: run, owner: "b", limit: 1, seconds: 600, at: Self.t0)
        try store.releaseLeases(run: run, owner: "a")
        let next = try store.leaseFrontier(run: run, owner: "c", limit: 10, seconds: 600, at: Self.t0 + 1)
        #expect(next.map(\.url) == [all[0], all[1], all[3]])
    }

    @Test func pendingCountCountsLiveLeasesOnly() throws {
        let store = try TestStores.make("leases")
        let all = Self.urls(4)
        let run = try Self.run(store, all)
        #expect(try store.pendingCount(run: run, at: Self.t0) == (4, 0))
        _ = try store.leaseFrontier(run: run, owner: "a", limit: 2, seconds: 60, at: Self.t0)
        #expect(try store.pendingCount(run: run, at: Self.t0 + 1) == (4, 2))
        try store.record(PageRecord(url: all[0], state: .done, outcome: "200 item"), run: run)
        #expect(try store.pendingCount(run: run, at: Self.t0 + 1) == (3, 1))
        #expect(try store.pendingCount(run: run, at: Self.t0 + 61) == (3, 0), "an expired lease is not held")
        let other = try Self.run(store, Self.urls(2, prefix: "http://u/"))
        #expect(try store.pendingCount(run: other, at: Self.t0) == (2, 0), "counts are per run")
    }

    @Test func oneOwnerWinsTheScoringClaimUntilItRunsOut() throws {
        let store = try TestStores.make("leases")
        let run = try Self.run(store, [])
        #expect(try store.claimScoring(run: run, owner: "a", seconds: 60, at: Self.t0))
        #expect(try !store.claimScoring(run: run, owner: "b", seconds: 60, at: Self.t0 + 1))
        #expect(try store.claimScoring(run: run, owner: "a", seconds: 60, at: Self.t0 + 50), "the holder re-claims")
        #expect(try !store.claimScoring(run: run, owner: "b", seconds: 60, at: Self.t0 + 100), "re-claiming extended it")
        #expect(try store.claimScoring(run: run, owner: "b", seconds: 60, at: Self.t0 + 111), "an expired claim is free")
        #expect(try !store.claimScoring(run: run, owner: "a", seconds: 60, at: Self.t0 + 112))
        try store.finishRun(run, statsJSON: "{}")
        #expect(try !store.claimScoring(run: run, owner: "c", seconds: 60, at: Self.t0 + 1000), "a finished run is not scored")
    }

    @Test func secondBeginJoinsTheRunningRunAndAFinishedOneIsNotJoined() throws {
        let store = try TestStores.make("leases")
        let start = [FrontierEntry(url: "http://t/s", depth: 0)]
        let first = try store.beginOrJoinRun(profile: "nightly", configurationJSON: #"{"v":1}"#, start: start)
        #expect(first.created)
        let second = try store.beginOrJoinRun(profile: "nightly", configurationJSON: #"{"v":2}"#,
                                              start: [FrontierEntry(url: "http://t/other", depth: 0)])
        #expect(second.run == first.run && !second.created)
        #expect(try store.frontier(run: first.run).seen == ["http://t/s"], "joining adds no start URLs")
        let unfinished = try #require(try store.unfinishedRun(profile: "nightly"))
        #expect(unfinished.id == first.run && unfinished.configurationJSON == #"{"v":1}"#)
        let other = try store.beginOrJoinRun(profile: "weekly", configurationJSON: "{}", start: [])
        #expect(other.created && other.run != first.run, "profiles have runs of their own")
        _ = try store.finishProfileRun(first.run, profile: "nightly", statsJSON: "{}", complete: true)
        #expect(try store.unfinishedRun(profile: "nightly") == nil)
        let third = try store.beginOrJoinRun(profile: "nightly", configurationJSON: "{}", start: start)
        #expect(third.created && third.run != first.run)
        #expect(try store.unfinishedRun(profile: "nightly")?.id == third.run)
        #expect(try store.unfinishedRun(profile: "weekly")?.id == other.run)
    }

    @Test func runsWithoutAProfileAreNoProfilesUnfinishedRun() throws {
        let store = try TestStores.make("leases")
        _ = try Self.run(store, [])
        #expect(try store.unfinishedRun(profile: "nightly") == nil)
        #expect(try store.beginOrJoinRun(profile: "nightly", configurationJSON: "{}", start: []).created)
    }

    /// Runs `body` on `count` threads at once, each with its own store on `location` (as separate processes
    /// would be), and returns what each returned or threw, by worker.
    static func workers<T: Sendable>(_ count: Int, on location: String,
                                     _ body: @escaping @Sendable (Int, Store) throws -> T) throws -> [Result<T, any Error>] {
        let stores = try (0..<count).map { _ in try Store(location: location) }
        let results = WorkerResults<T>()
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let result = Result { try body(worker, stores[worker]) }
            results.lock.lock()
            results.values[worker] = result
            results.lock.unlock()
        }
        return (0..<count).map { results.values[$0]! }
    }

    @Test func concurrentWorkersWithTheirOwnStoresLeaseEveryURLExactlyOnce() throws {
        let location = try TestStores.location("leases")
        let all = Self.urls(60)
        let run = try Store(location: location).beginRun(
            configurationJSON: "{}", start: all.map { FrontierEntry(url: $0, depth: 0) })
        let results = try Self.workers(4, on: location) { worker, store in
            var leased: [String] = []
            while true {
                let batch = try store.leaseFrontier(run: run, owner: "worker-\(worker)", limit: 3, seconds: 300)
                if batch.isEmpty { return leased }
                for entry in batch {
                    leased.append(entry.url)
                    try store.record(PageRecord(url: entry.url, state: .done, outcome: "200 item"), run: run)
                }
            }
        }
        let urls = try results.flatMap { try $0.get() }
        #expect(urls.count == all.count, "no URL leased twice")
        #expect(Set(urls) == Set(all), "every URL leased")
        let store = try Store(location: location)
        #expect(try store.pendingCount(run: run) == (0, 0))
        #expect(try store.frontierStates(run: run).values.allSatisfy { $0 == .done })
    }

    @Test func workersStartingTogetherEndUpInOneRun() throws {
        let location = try TestStores.location("leases")
        let results = try Self.workers(4, on: location) { _, store in
            try store.beginOrJoinRun(profile: "nightly", configurationJSON: "{}", start: [FrontierEntry(url: "http://t/s", depth: 0)])
        }
        let runs = try results.map { try $0.get() }
        #expect(runs.filter(\.created).count == 1)
        #expect(Set(runs.map(\.run)).count == 1)
    }

    @Test func concurrentScoringClaimsHaveOneWinner() throws {
        let location = try TestStores.location("leases")
        let run = try Store(location: location).beginRun(configurationJSON: "{}", start: [])
        let results = try Self.workers(4, on: location) { worker, store in
            try store.claimScoring(run: run, owner: "worker-\(worker)", seconds: 60)
        }
        #expect(try results.filter { try $0.get() }.count == 1)
    }
}

/// What each worker of ``LeaseTests/workers(_:on:_:)`` ended with, filled in from several threads.
final class WorkerResults<T: Sendable>: @unchecked Sendable {
    let lock = NSLock()
    var values: [Int: Result<T, any Error>] = [:]
}
