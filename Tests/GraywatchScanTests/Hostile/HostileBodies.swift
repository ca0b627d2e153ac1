import Foundation

/// Makes the bodies of the hostile corpus, deterministically: committed files as they are, templates with their
/// placeholders filled, seeded random bytes. Big bodies are made once per test process and kept.
enum HostileBodies {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var made: [BodySpec: Data] = [:]

    /// The bytes of a body (a gzip bomb is streamed by ``GzipBomb`` instead, never held whole).
    static func data(_ spec: BodySpec) throws -> Data {
        lock.lock()
        defer { lock.unlock() }
        if let data = made[spec] { return data }
        let data = try make(spec)
        made[spec] = data
        return data
    }

    private static func make(_ spec: BodySpec) throws -> Data {
        if let file = spec.file { return try Data(contentsOf: HostileCorpus.folder.appendingPathComponent(file)) }
        if let template = spec.template {
            let text = try String(contentsOf: HostileCorpus.folder.appendingPathComponent(template), encoding: .utf8)
            return Data(fill(text, with: spec.fill ?? [:]).utf8)
        }
        if let random = spec.random { return randomBytes(seed: random.seed, count: random.bytes) }
        return Data()
    }

    /// Replaces each `{{NAME}}` or `{{NAME|default}}` with its fill repeated, else the default, else nothing.
    static func fill(_ template: String, with fills: [String: BodySpec.Repeat]) -> String {
        var output = ""
        var rest = template[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            output += rest[..<open.lowerBound]
            let placeholder = rest[open.upperBound..<close.lowerBound]
            let name = String(placeholder.prefix { $0 != "|" })
            let fallback = placeholder.firstIndex(of: "|").map { String(placeholder[placeholder.index(after: $0)...]) } ?? ""
            if let fill = fills[name] {
                output += String(repeating: fill.repeatText, count: fill.count)
            } else {
                output += fallback
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// `count` bytes from SplitMix64 seeded with `seed`: the same bytes on every machine.
    static func randomBytes(seed: UInt64, count: Int) -> Data {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Data(bytes.prefix(count))
    }
}
