import GraywatchExtract

/// The URLs still to fetch, first in first out, each URL at most once (fragments ignored).
struct Frontier {
    private var queue: [String] = []
    private var head = 0
    private var seen: Set<String> = []
    /// Hosts the scan may fetch from: those of the start URLs.
    let scope: Set<String>

    init(startURLs: [String]) {
        scope = Set(startURLs.compactMap(URLTools.host))
        startURLs.forEach { add($0) }
    }

    mutating func add(_ url: String) {
        let key = URLTools.strippingFragment(url)
        guard seen.insert(key).inserted else { return }
        queue.append(key)
    }

    mutating func next() -> String? {
        guard head < queue.count else { return nil }
        defer { head += 1 }
        return queue[head]
    }
}
