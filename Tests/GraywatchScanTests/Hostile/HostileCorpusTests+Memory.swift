import Foundation
import GraywatchFetch
import GraywatchSampleSite
import GraywatchStore
import GraywatchTestSupport
import Hummingbird
import Testing

/// The heavy cases through the real `graywatch scan` in a child process, whose peak memory is read with wait4:
/// bounded memory is a correctness property here (a gzip bomb must not be inflated, a 50 MiB page not held).
/// And checks that the generated bodies are what the README says, so no case passes by having become harmless.
extension HostileCorpusTests {
    /// The bound on one scan of the heavy cases by a debug build: it idles at about 55 MiB, the 7.5 MB page takes it
    /// to about 130 MiB; a 50 MiB page held whole, or a bomb inflated, would not fit.
    static let peakMemoryBound = 256 << 20

    @Test func heavyCasesThroughTheRealBinaryStayWithinBoundedMemory() async throws {
        let cases = try HostileCorpus.cases()
        let heavy = cases.filter(\.isHeavy)
        let good = try #require(cases.last)
        let location = try TestStores.location("hostile-binary")
        let outcome = try await HostileServer.run { market, shop in
            let outcome = try await ChildProcess.run(ChildProcess.graywatch, [
                "scan", market + "/sch/heavy.html", shop + "/", "--db", location, "--rules", TestPaths.rules.path,
                "--delay", "0", "--timeout", "20", "--max-attempts", "1",
            ])
            return (outcome, market, shop)
        }
        let (run, market, shop) = outcome
        #expect(run.exitStatus == 0, "graywatch scan exited \(run.exitStatus): \(run.errors)")
        #expect(run.peakResidentBytes > 0)
        #expect(run.peakResidentBytes < Self.peakMemoryBound,
                "peak resident memory \(run.peakResidentBytes >> 20) MiB, bound \(Self.peakMemoryBound >> 20) MiB")
        let store = try Store(location: location)
        for item in heavy + [good] {
            let url = HostileServer.url(of: item, market: market, shop: shop)
            if let failure = item.expect.failure {
                // The report prints each failure as "URL: stage: reason".
                #expect(run.output.contains("\(url): \(failure.stage): "), "\(item.id): no \(failure.stage) failure printed")
                let line = run.output.split(separator: "\n").first { $0.contains(url + ":") } ?? ""
                #expect(line.contains(failure.reason), "\(item.id): printed \(String(reflecting: line))")
            } else if let expected = item.expect.listing {
                let marketplace = item.host == .market ? "tradewell" : HostileServer.shopHost
                let ref = try #require(try store.listingRef(marketplace: marketplace, listingID: expected.listingID),
                                       "\(item.id): not stored; output: \(run.output)")
                HostileChecks.check(try #require(try store.listing(id: ref)), expected, id: item.id)
            }
        }
    }

    @Test func generatedBodiesAreAsBigAndDeepAsTheCorpusSays() throws {
        func body(_ id: String) throws -> Data {
            let item = try #require(try HostileCorpus.cases().first { $0.id == id }, "no case \(id)")
            return try HostileBodies.data(try #require(item.body))
        }
        let cap = FetchOptions().maxBodyBytes
        #expect(try body("huge-page").count >= 50 << 20)
        let underCap = try body("large-page-under-cap").count
        #expect(underCap < cap && underCap > 7_000_000)
        let deep = String(decoding: try body("deep-nesting"), as: UTF8.self)
        #expect(deep.components(separatedBy: "<div>").count - 1 == 100_000)
        let attributes = String(decoding: try body("huge-attribute"), as: UTF8.self)
        #expect(attributes.contains("content=\"" + String(repeating: "9", count: 1 << 20) + "\""))
        let blocks = String(decoding: try body("jsonld-blocks"), as: UTF8.self)
        #expect(blocks.components(separatedBy: "application/ld+json").count - 1 == 10_000)
        #expect(try body("binary-random").count == 65_536)
        #expect(try body("binary-random") == HostileBodies.randomBytes(seed: 9, count: 65_536))
    }

    /// The bomb is real gzip (libcurl inflates a small one to exactly its size, CRC and length checked), and the
    /// corpus's one inflates to gigabytes from a few megabytes.
    @Test func theGzipBombIsRealGzipThatInflatesAThousandfold() async throws {
        let small = GzipBomb(expandingTo: 1_000_000)
        var compressed = Data()
        for chunk in small.chunks(of: 4096) { compressed.append(chunk) }
        #expect(compressed.count == small.compressedSize)
        let bytes = compressed
        let router = Router()
        router.get("/bomb") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/html", .contentEncoding: "gzip"],
                     body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let page = try await LoopbackServer.run(router: router) { base in try await Fetcher().fetch(base + "/bomb") }
        #expect(page.body.count == Int(small.expandedSize))
        #expect(page.body.allSatisfy { $0 == 0 })
        let corpus = try #require(try HostileCorpus.cases().first { $0.id == "gzip-bomb" }?.body?.gzipBomb)
        let bomb = GzipBomb(expandingTo: corpus.expandsTo)
        #expect(bomb.expandedSize > 4_000_000_000)
        #expect(bomb.compressedSize < 5_000_000)
    }
}
