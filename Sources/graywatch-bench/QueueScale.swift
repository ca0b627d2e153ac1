import Foundation
import GraywatchCore
import GraywatchStore

/// `graywatch-bench queue-scale --db PATH --count N [--runs R] [--probe K]`: the review UI's list query at scale.
/// Builds (or reuses, when it already holds N items) a store of N listings each with a review item, runs ANALYZE and
/// merges the full-text index (as a finished scan run does), then times `queuePage` (50 rows, as the UI asks) and `queueCounts` per filter and order: one warm-up run, then R
/// timed runs. Prints a Markdown table; a case meets the target when its p95 is at most 50 ms.
struct QueueScale {
    var path: String
    var count: Int
    var runs: Int
    /// Items written through the public API (`upsert` + `save`) to show why the build uses the bulk insert (0: none).
    var probe: Int
    static let targetMilliseconds = 50.0

    func run() throws {
        let store = try prepareStore()
        var start = ContinuousClock.now
        try store.analyzeForBenchmark()
        print(String(format: "ANALYZE: %.2f s", seconds(since: start)))
        start = ContinuousClock.now
        try store.optimizeSearchIndex()
        print(String(format: "full-text index merged (as each finished scan run does): %.2f s", seconds(since: start)))
        let data = QueueData(count: count)
        print("")
        print("| case | median ms | p95 ms | target ≤ 50 ms |")
        print("| --- | ---: | ---: | :---: |")
        for (name, filter, sort) in cases(data) {
            let selected = try store.queueCount(filter)
            try row("\(name) (\(selected.formatted()) items)") { _ = try store.queuePage(filter, sort: sort) }
        }
        for filter in [QueueFilter(), QueueFilter(status: .new)] {
            start = ContinuousClock.now
            var cursor: QueueCursor?
            for _ in 0..<200 { cursor = try store.queuePage(filter, after: cursor).next.flatMap(QueueCursor.init) }
            let walked = seconds(since: start)
            let label = filter.status.map { "status=\($0.rawValue)" } ?? "unfiltered"
            try row("deep page 201, \(label), score (200 pages walked in \(String(format: "%.2f", walked)) s)") {
                _ = try store.queuePage(filter, after: cursor)
            }
        }
        try row("queueCounts()") { _ = try store.queueCounts() }
        print("\n\(runs) runs per case after one warm-up, 50 rows per page; ✓ when p95 ≤ 50 ms.")
    }

    /// The cases: name, filter, order. Values are the generator's own, so each selects real items.
    func cases(_ data: QueueData) -> [(String, QueueFilter, QueueSort)] {
        let seller = data.sellers[0].name
        var cases: [(String, QueueFilter, QueueSort)] = [
            ("unfiltered, score", QueueFilter(), .score),
            ("status=new, score", QueueFilter(status: .new), .score),
            ("status=new + category=counterfeit", QueueFilter(status: .new, category: .counterfeit), .score),
            ("status=new + category=damaged", QueueFilter(status: .new, category: .damaged), .score),
            ("marketplace=\(data.marketplaces[2])", QueueFilter(marketplace: data.marketplaces[2]), .score),
            ("seller=\(seller)", QueueFilter(seller: seller), .score),
            ("skuFamily=EX4300", QueueFilter(skuFamily: "EX4300"), .score),
            ("assignee=analyst03", QueueFilter(assignee: "analyst03"), .score),
            ("score 80–120", QueueFilter(minScore: 80, maxScore: 120), .score),
            ("text \"\(QueueData.commonWord)\" (common)", QueueFilter(text: QueueData.commonWord), .score),
            ("text \"\(QueueData.rareWord)\" (rare)", QueueFilter(text: QueueData.rareWord), .score),
        ]
        // More full-text searches, from most listings to few (the plan depends on how many match).
        for text in ["juniper", "warranty", "cables", "EX4300-48T", "juniper sealed", "juniper new sealed", "10000"] {
            cases.append(("text \"\(text)\"", QueueFilter(text: text), .score))
        }
        cases.append(("status=new + text \"\(QueueData.commonWord)\"", QueueFilter(status: .new, text: QueueData.commonWord), .score))
        for sort in QueueSort.allCases {
            cases.append(("status=new, sort \(sort.rawValue)", QueueFilter(status: .new), sort))
        }
        return cases
    }

    /// Times `body` `runs` times after one warm-up run and prints a table row.
    func row(_ name: String, _ body: () throws -> Void) throws {
        try body()
        var times: [Double] = []
        for _ in 0..<runs {
            let elapsed = try ContinuousClock().measure(body)
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
        }
        times.sort()
        let median = times[times.count / 2]
        let p95 = times[max(0, Int((0.95 * Double(times.count)).rounded(.up)) - 1)]
        let mark = p95 <= QueueScale.targetMilliseconds ? "✓" : "✗"
        print("| \(name) | \(String(format: "%.2f", median)) | \(String(format: "%.2f", p95)) | \(mark) |")
    }

    /// Opens the store at `path`, rebuilding it unless it holds exactly `count` listings and items.
    func prepareStore() throws -> Store {
        if FileManager.default.fileExists(atPath: path) {
            let store = try Store(path: path)
            if try store.listingCount() == count, try store.queueCounts().total == count {
                print("reusing \(path): \(count.formatted()) listings and review items")
                return store
            }
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let data = QueueData(count: count)
        if probe > 0 { try probePublicAPI(data) }
        let store = try Store(path: path)
        let start = ContinuousClock.now
        try store.bulkInsertForBenchmark(count: count, item: data.item)
        let elapsed = seconds(since: start)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        print("built \(path): \(count.formatted()) listings + review items in \(String(format: "%.1f", elapsed)) s "
              + "(bulkInsertForBenchmark, one transaction), \(size / 1_048_576) MiB")
        return store
    }

    /// Writes `probe` items through `upsert` + `save` (a transaction each) into a scratch store and extrapolates.
    func probePublicAPI(_ data: QueueData) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("graywatch-probe-\(getpid())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try Store(path: directory.appendingPathComponent("probe.sqlite").path)
        let start = ContinuousClock.now
        for index in 0..<probe {
            let item = data.item(index)
            let ref = try store.upsert(item.listing, seenAt: item.openedAt)
            var findings = item.categories.map { Finding(ruleID: "bench-\($0.rawValue)", category: $0, weight: 0, evidence: []) }
            findings[0].weight = item.score
            try store.save(Assessment(findings: findings), listingRef: ref, threshold: 0, at: item.openedAt)
        }
        let elapsed = seconds(since: start)
        let estimate = elapsed / Double(probe) * Double(count)
        print("public API (upsert + save): \(probe.formatted()) items in \(String(format: "%.2f", elapsed)) s, "
              + "\(count.formatted()) would take ~\(String(format: "%.0f", estimate)) s: using the bulk insert")
    }

    func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// A small deterministic generator (SplitMix64): item i is the same on every run and machine.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// Weighted choice over a fixed list: cumulative weights, binary search.
struct Weighted<T: Sendable>: Sendable {
    let values: [T]
    let cumulative: [Double]
    init(_ pairs: [(T, Double)]) {
        values = pairs.map(\.0)
        var total = 0.0
        cumulative = pairs.map { total += $0.1; return total }
    }
    /// Zipf-like weights 1/(rank+1)^s.
    init(zipf values: [T], s: Double) {
        self.init(values.enumerated().map { ($0.element, 1 / pow(Double($0.offset + 1), s)) })
    }
    func pick(_ random: inout SplitMix64) -> T {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return values[low]
    }
}

/// Realistic queue data: 6 marketplaces, 20,000 sellers (a few large), 300 SKU families (Zipf), scores 0–200,
/// 8 statuses skewed toward new, 1–3 categories, ~5% missing prices, titles of 6–12 words.
struct QueueData: Sendable {
    static let commonWord = "switch"
    /// In about 1 title in 10,000.
    static let rareWord = "pallet"

    struct SellerInfo: Sendable {
        var name: String
        var marketplace: String
        var feedback: Int
        var location: String
    }

    let count: Int
    let marketplaces = ["tradewell", "ebuy", "amazonas", "alibazaar", "netparts", "bidhub"]
    let sellers: [SellerInfo]
    let families: Weighted<String>
    let words: Weighted<String>
    let variants = ["48T", "24T", "48P", "24P", "32F", "48MP", "48T-AFI", "24T-DC", "AC", "DC", "BASE", "48F", "12F", "SYS-AC"]
    let statuses = Weighted<ReviewStatus>([(.new, 0.55), (.inReview, 0.08), (.confirmed, 0.07), (.dismissed, 0.18),
                                           (.enforcementRequested, 0.04), (.removed, 0.05), (.stillLive, 0.015),
                                           (.reinstated, 0.015)])
    let categories = Weighted<Category>([(.counterfeit, 0.30), (.usedAsNew, 0.22), (.unauthorizedChannel, 0.18),
                                         (.warrantyOrLicense, 0.14), (.stolenOrDiverted, 0.10), (.damaged, 0.06)])
    let conditions = Weighted<(Condition, String)>([
        ((.new, "New"), 0.35), ((.newOther, "New other (see details)"), 0.15), ((.used, "Used"), 0.25),
        ((.sellerRefurbished, "Seller refurbished"), 0.10), ((.manufacturerRefurbished, "Manufacturer refurbished"), 0.05),
        ((.forParts, "For parts or not working"), 0.03), ((.unknown, "See description"), 0.07),
    ])
    let analysts = Weighted<String>(zipf: (1...12).map { String(format: "analyst%02d", $0) }, s: 0.5)
    let start = Date(timeIntervalSince1970: 1_733_011_200)  // 2024-12-01
    let span = 730.0 * 86_400

    init(count: Int) {
        self.count = count
        var random = SplitMix64(state: 42)
        let first = ["net", "blue", "prime", "apex", "data", "global", "tech", "cyber", "metro", "pacific", "atlas", "delta",
                     "summit", "north", "micro", "nova", "orbit", "pixel", "quantum", "rapid", "silver", "iron", "eagle", "lotus"]
        let second = ["surplus", "networks", "it", "trading", "supply", "depot", "systems", "liquidators", "wholesale",
                      "solutions", "exchange", "resale", "direct", "store", "outlet", "hub"]
        let locations = ["US", "CN", "HK", "DE", "GB", "NL", "IL", "TR", "AE", "SG", "IN", "PL"]
        let marketShare = Weighted(Array(zip(marketplaces, [0.34, 0.24, 0.16, 0.12, 0.08, 0.06])))
        sellers = (0..<20_000).map { index in
            SellerInfo(name: "\(first.randomElement(using: &random)!)\(second.randomElement(using: &random)!)_\(index)",
                       marketplace: marketShare.pick(&random), feedback: Int(random.unit() * 50_000),
                       location: locations.randomElement(using: &random)!)
        }
        var names = ["EX4300", "EX2300", "EX3400", "QFX5100", "SRX300", "MX204", "EX4600", "QFX5120", "SRX345", "MX480",
                     "ACX2100", "EX2200", "SRX1500", "MX960", "QFX10002", "PTX1000", "SRX550", "EX9214", "NFX250", "MX10003"]
        let series = ["EX", "QFX", "MX", "SRX", "ACX", "PTX", "NFX", "SSG", "JNP", "CTP"]
        while names.count < 300 {
            let name = "\(series.randomElement(using: &random)!)\(Int(random.unit() * 9_900) + 100)"
            if !names.contains(name) { names.append(name) }
        }
        families = Weighted(zipf: names, s: 0.9)
        words = Weighted(zipf: ["new", "sealed", "genuine", "original", "port", "gigabit", "unused", "tested", "warranty",
                                "rack", "ethernet", "poe", "sfp", "10g", "managed", "enterprise", "fast", "shipping", "lot",
                                "refurbished", "bulk", "license", "opened", "box", "retail", "spare", "oem", "pulled",
                                "power", "supply", "fan", "tray", "module", "layer", "3", "stackable", "l3", "uplink",
                                "ac", "dc", "redundant", "psu", "chassis", "line", "card", "optics", "transceiver",
                                "firmware", "junos", "latest", "clean", "working", "grade", "a", "mint", "excellent",
                                "with", "ears", "rails", "cables", "included", "free", "ship", "us", "seller", "wholesale",
                                "price", "discount", "authentic", "certified", "factory", "fresh", "boxed", "nib", "nob",
                                "lifetime", "support", "ready", "stock", "qty", "available", "data", "center", "network"],
                        s: 1.0)
    }

    /// Item `index`: the same every time (its own random stream), opened in index order over two years.
    func item(_ index: Int) -> BenchmarkQueueItem {
        var random = SplitMix64(state: UInt64(index) &* 0xD129_0D3F_4A3B_5C6D ^ 0x5EED)
        let seller = sellers[Int(pow(random.unit(), 3) * Double(sellers.count))]
        let family = families.pick(&random)
        let sku = random.unit() < 0.97 ? "\(family)-\(variants.randomElement(using: &random)!)" : nil
        let product: String
        switch family.prefix(2) {
        case "EX", "QF": product = random.unit() < 0.8 ? "Switch" : "Switches"
        case "MX", "PT", "AC": product = "Router"
        case "SR", "SS": product = "Firewall"
        default: product = "Appliance"
        }
        var title: [String] = random.unit() < 0.85 ? ["Juniper"] : []
        if let sku { title.append(sku) }
        title.append(product)
        let length = 6 + Int(random.unit() * 7)
        if random.unit() < 1.0 / 10_000 { title.append(QueueData.rareWord) }
        while title.count < length { title.append(words.pick(&random)) }
        let price: Price?
        if random.unit() < 0.05 {
            price = nil
        } else {
            let cents = Int(exp(log(1_500.0) + random.unit() * (log(6_000_000.0) - log(1_500.0))))
            let draw = random.unit()
            let currency = draw < 0.80 ? "USD" : draw < 0.92 ? "EUR" : "GBP"
            price = Price(amount: Decimal(sign: .plus, exponent: -2, significand: Decimal(cents)), currency: currency)
        }
        let (condition, conditionRaw) = conditions.pick(&random)
        let titleText = title.joined(separator: " ")
        var listing = Listing(
            marketplace: seller.marketplace, listingID: String(100_000_000 + index),
            url: "https://\(seller.marketplace).example/itm/\(100_000_000 + index)", title: titleText, price: price,
            conditionRaw: conditionRaw, condition: condition, quantityAvailable: random.unit() < 0.6 ? 1 + Int(random.unit() * 20) : nil,
            seller: Seller(name: seller.name, feedbackScore: seller.feedback, location: seller.location),
            description: (0..<(20 + Int(random.unit() * 40))).map { _ in words.pick(&random) }.joined(separator: " "))
        if let sku, let range = titleText.range(of: sku) {
            let offset = titleText.unicodeScalars.distance(from: titleText.startIndex, to: range.lowerBound)
            listing.identifiers = [Identifier(kind: .sku, raw: sku, normalized: sku, family: family,
                                              span: TextSpan(field: .title, start: offset, length: sku.count))]
        }
        let score = min(200, Int(-log(1 - random.unit()) * 38))
        var picked: [Category] = []
        let wanted = random.unit() < 0.55 ? 1 : random.unit() < 0.73 ? 2 : 3
        while picked.count < wanted {
            let category = categories.pick(&random)
            if !picked.contains(category) { picked.append(category) }
        }
        let status = statuses.pick(&random)
        let assignedShare: Double = switch status {
        case .new: 0.05
        case .inReview: 0.95
        case .confirmed: 0.7
        default: 0.4
        }
        let assignee = random.unit() < assignedShare ? analysts.pick(&random) : nil
        let opened = start.addingTimeInterval(Double(index) / Double(max(count, 1)) * span + random.unit() * 600)
        return BenchmarkQueueItem(listing: listing, score: score, categories: picked, status: status, assignee: assignee,
                                  openedAt: opened, updatedAt: opened.addingTimeInterval(pow(random.unit(), 3) * 60 * 86_400))
    }
}
