import Foundation
import GraywatchExport
import Testing

/// Parsed view of a WARC file, enough to check what the writer produced.
private struct ParsedRecord {
    var fields: [(String, String)]
    var block: [UInt8]

    func values(_ name: String) -> [String] {
        fields.filter { $0.0.caseInsensitiveCompare(name) == .orderedSame }.map(\.1)
    }

    func value(_ name: String) -> String? { values(name).first }
    var blockText: String { String(decoding: block, as: UTF8.self) }
}

private enum ParseError: Error { case malformed(String) }

private func index(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    guard needle.count <= haystack.count - start else { return nil }
    var i = start
    while i + needle.count <= haystack.count {
        if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        i += 1
    }
    return nil
}

private func parseWARC(_ data: Data) throws -> [ParsedRecord] {
    let bytes = Array(data)
    let crlf2 = Array("\r\n\r\n".utf8)
    var records: [ParsedRecord] = []
    var position = 0
    while position < bytes.count {
        guard let headerEnd = index(of: crlf2, in: bytes, from: position) else { throw ParseError.malformed("no header end") }
        let lines = String(decoding: bytes[position..<headerEnd], as: UTF8.self).components(separatedBy: "\r\n")
        guard lines.first == "WARC/1.1" else { throw ParseError.malformed("version line \(lines.first ?? "")") }
        var fields: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { throw ParseError.malformed(line) }
            fields.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        guard let lengthText = fields.first(where: { $0.0 == "Content-Length" })?.1, let length = Int(lengthText) else {
            throw ParseError.malformed("Content-Length")
        }
        let blockStart = headerEnd + 4
        guard blockStart + length + 4 <= bytes.count else { throw ParseError.malformed("short block") }
        let block = Array(bytes[blockStart..<(blockStart + length)])
        guard Array(bytes[(blockStart + length)..<(blockStart + length + 4)]) == crlf2 else {
            throw ParseError.malformed("record not followed by CRLF CRLF")
        }
        records.append(ParsedRecord(fields: fields, block: block))
        position = blockStart + length + 4
    }
    return records
}

/// RFC 4648 base32 decoding (padding optional), used to compare digests with stored hex.
private func base32Decode(_ text: String) -> [UInt8]? {
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    var buffer: UInt64 = 0
    var bits = 0
    var out: [UInt8] = []
    for c in text.utf8 where c != UInt8(ascii: "=") {
        guard let value = alphabet.firstIndex(of: c) else { return nil }
        buffer = buffer << 5 | UInt64(value)
        bits += 5
        if bits >= 8 {
            bits -= 8
            out.append(UInt8((buffer >> UInt64(bits)) & 0xFF))
        }
    }
    return out
}

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// Deterministic record ids for reproducibility tests.
private final class UUIDSequence: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func make() -> UUID {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", next))!
    }
}

@Suite struct WARCWriterTests {
    let captureDate = Date(timeIntervalSince1970: 1_795_694_400) // 2026-11-26T12:00:00Z
    let body = Data("<html><body>SRX300 \u{2013} new in box</body></html>\n".utf8)

    private func writerWithTwoCaptures(uuids: UUIDSequence? = nil) -> (WARCWriter, [String]) {
        var writer = uuids.map { seq in
            WARCWriter(software: "graywatch/1.0", info: [("operator", "Brand Protection"), ("description", "evidence export")],
                       date: captureDate, makeUUID: { seq.make() })
        } ?? WARCWriter(software: "graywatch/1.0", info: [("operator", "Brand Protection"), ("description", "evidence export")],
                        date: captureDate)
        let first = writer.addCapture(
            targetURI: "http://127.0.0.1:8080/listing/42?ref=search", date: captureDate,
            requestHeaders: [("User-Agent", "graywatch/1.0"), ("Accept", "text/html")],
            status: 200, reason: "OK",
            responseHeaders: [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                              ("Transfer-Encoding", "chunked"), ("Content-Length", "17"), ("ETag", "\"abc\"")],
            body: body)
        let second = writer.addCapture(
            targetURI: "https://market.example/item/7", date: captureDate.addingTimeInterval(61),
            requestHeaders: [("Host", "market.example")],
            status: 404, reason: "Not Found", responseHeaders: [("Content-Type", "text/plain")], body: Data())
        return (writer, [first, second])
    }

    @Test func recordsComeInOrderWithTheRequiredFields() throws {
        let (writer, _) = writerWithTwoCaptures()
        let records = try parseWARC(writer.data())
        #expect(records.map { $0.value("WARC-Type") } == ["warcinfo", "request", "response", "request", "response"])
        #expect(writer.recordCount == 4)
        for record in records {
            for name in ["WARC-Record-ID", "WARC-Date", "Content-Type", "Content-Length", "WARC-Block-Digest"] {
                #expect(record.values(name).count == 1, "\(name) in \(record.value("WARC-Type") ?? "?")")
            }
            let id = try #require(record.value("WARC-Record-ID"))
            #expect(id.hasPrefix("<urn:uuid:") && id.hasSuffix(">") && id.count == 47)
            // Content-Length is the last field and equals the block's byte count.
            #expect(record.fields.last?.0 == "Content-Length")
            #expect(Int(record.value("Content-Length") ?? "") == record.block.count)
        }
        #expect(Set(records.compactMap { $0.value("WARC-Record-ID") }).count == 5)

        let info = records[0]
        #expect(info.value("Content-Type") == "application/warc-fields")
        #expect(info.value("WARC-Date") == "2026-11-26T12:00:00Z")
        #expect(info.value("WARC-Target-URI") == nil)
        #expect(info.blockText.hasPrefix("software: graywatch/1.0\r\nformat: WARC File Format 1.1\r\n"))
        #expect(info.blockText.contains("operator: Brand Protection\r\ndescription: evidence export\r\n"))

        for record in records.dropFirst() {
            #expect(record.value("WARC-Warcinfo-ID") == info.value("WARC-Record-ID"))
        }
        #expect(records[1].value("Content-Type") == "application/http;msgtype=request")
        #expect(records[2].value("Content-Type") == "application/http;msgtype=response")
        #expect(records[1].value("WARC-Target-URI") == "http://127.0.0.1:8080/listing/42?ref=search")
        #expect(records[2].value("WARC-Target-URI") == "http://127.0.0.1:8080/listing/42?ref=search")
        #expect(records[2].value("WARC-Date") == "2026-11-26T12:00:00Z")
        #expect(records[4].value("WARC-Date") == "2026-11-26T12:01:01Z")
    }

    @Test func requestAndResponseNameEachOtherAndTheResponseIDIsReturned() throws {
        let (writer, returned) = writerWithTwoCaptures()
        let records = try parseWARC(writer.data())
        for (pair, responseID) in zip([(1, 2), (3, 4)], returned) {
            let request = records[pair.0], response = records[pair.1]
            #expect(request.values("WARC-Concurrent-To") == [try #require(response.value("WARC-Record-ID"))])
            #expect(response.values("WARC-Concurrent-To") == [try #require(request.value("WARC-Record-ID"))])
            #expect(response.value("WARC-Record-ID") == responseID)
        }
    }

    @Test func requestBlockIsAnHTTPRequest() throws {
        let records = try parseWARC(writerWithTwoCaptures().0.data())
        #expect(records[1].blockText == "GET /listing/42?ref=search HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
            + "User-Agent: graywatch/1.0\r\nAccept: text/html\r\n\r\n")
        // An existing Host header is kept and not duplicated.
        #expect(records[3].blockText == "GET /item/7 HTTP/1.1\r\nHost: market.example\r\n\r\n")
        #expect(records[1].value("WARC-Payload-Digest") == nil)
    }

    @Test func responseBlockIsStatusLineHeadersBlankLineBody() throws {
        let records = try parseWARC(writerWithTwoCaptures().0.data())
        let expectedHead = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nETag: \"abc\"\r\n"
            + "Content-Length: \(body.count)\r\n\r\n"
        #expect(records[2].block == Array(expectedHead.utf8) + Array(body))
        // Decoded body stored: encoding headers dropped, the stale Content-Length replaced.
        #expect(!records[2].blockText.contains("gzip"))
        #expect(!records[2].blockText.contains("chunked"))
        #expect(!records[2].blockText.contains("Content-Length: 17"))
        #expect(records[4].blockText == "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func digestsOfAKnownBody() {
        // SHA-256("abc") = ba7816bf…15ad; base32 of the same 32 bytes, RFC 4648 with padding.
        let abc = Data("abc".utf8)
        #expect(WARCWriter.hexSHA256(abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(WARCWriter.payloadDigest(abc) == "sha256:XJ4BNP4PAHH6UQKBIDPF3LRCEOYAGYNDSYLXVHFUCD7WD4QACWWQ====")
        #expect(WARCWriter.payloadDigest(Data()) == "sha256:4OYMIQUY7QOBJGX36TEJS35ZEQT24QPEMSNZGTFESWMRW6CSXBKQ====")
        #expect(WARCWriter.hexSHA256(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func payloadDigestMatchesTheStoredHexHash() throws {
        let stored = WARCWriter.hexSHA256(body) // what the store keeps for the raw body
        let records = try parseWARC(writerWithTwoCaptures().0.data())
        let digest = try #require(records[2].value("WARC-Payload-Digest"))
        #expect(digest == WARCWriter.payloadDigest(body))
        #expect(digest.hasPrefix("sha256:"))
        #expect(hex(try #require(base32Decode(String(digest.dropFirst("sha256:".count))))) == stored)
        #expect(WARCWriter.payloadDigest(hexSHA256: stored) == digest)
        #expect(WARCWriter.payloadDigest(hexSHA256: stored.uppercased()) == digest)
        #expect(WARCWriter.payloadDigest(hexSHA256: "abc") == nil)
        #expect(WARCWriter.payloadDigest(hexSHA256: String(repeating: "g", count: 64)) == nil)
    }

    @Test func blockDigestCoversStatusLineHeadersAndBody() throws {
        let records = try parseWARC(writerWithTwoCaptures().0.data())
        for record in records {
            #expect(record.value("WARC-Block-Digest") == WARCWriter.payloadDigest(Data(record.block)))
        }
        let response = records[2]
        #expect(response.value("WARC-Block-Digest") != response.value("WARC-Payload-Digest"))
        #expect(response.blockText.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(response.block.suffix(body.count).elementsEqual(body))
        #expect(records[4].value("WARC-Payload-Digest") == WARCWriter.payloadDigest(Data()))
    }

    @Test func headerValuesCannotInjectLines() throws {
        var writer = WARCWriter(software: "gw\r\nevil: 1", info: [("note", "a\nb")], date: captureDate)
        writer.addCapture(targetURI: "http://x.example/\r\nWARC-Type: metadata", date: captureDate,
                          requestHeaders: [("X-A", "1\r\nX-Injected: 2")], status: 200, reason: "OK\r\nX-B: 3",
                          responseHeaders: [("X-C\n", "v")], body: Data("ok".utf8))
        let records = try parseWARC(writer.data())
        #expect(records.count == 3)
        #expect(records[2].values("WARC-Type") == ["response"])
        #expect(records[0].blockText.hasPrefix("software: gw  evil: 1\r\n"))
        #expect(records[0].blockText.contains("note: a b\r\n"))
        #expect(records[1].blockText.contains("X-A: 1  X-Injected: 2\r\n"))
        #expect(records[2].blockText.hasPrefix("HTTP/1.1 200 OK  X-B: 3\r\nX-C : v\r\n"))
    }

    @Test func injectedIDsMakeOutputReproducible() throws {
        let a = writerWithTwoCaptures(uuids: UUIDSequence()).0.data()
        let b = writerWithTwoCaptures(uuids: UUIDSequence()).0.data()
        #expect(a == b)
        let records = try parseWARC(a)
        #expect(records[0].value("WARC-Record-ID") == "<urn:uuid:00000000-0000-4000-8000-000000000001>")
        #expect(records[2].value("WARC-Record-ID") == "<urn:uuid:00000000-0000-4000-8000-000000000003>")
    }

    @Test func emptyWriterIsJustWarcinfo() throws {
        let writer = WARCWriter(software: "graywatch/1.0", info: [])
        let records = try parseWARC(writer.data())
        #expect(records.count == 1)
        #expect(records[0].value("WARC-Type") == "warcinfo")
    }
}
