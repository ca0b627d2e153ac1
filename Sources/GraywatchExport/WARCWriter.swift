import Foundation

/// Writes captures as an uncompressed WARC/1.1 file (ISO 28500:2017 / IIPC WARC 1.1).
///
/// Layout: one `warcinfo` record, then for every `addCapture` a `request` record followed by
/// its `response` record. Request and response name each other with `WARC-Concurrent-To`, and
/// both name the warcinfo record with `WARC-Warcinfo-ID`.
///
/// Digests are SHA-256 written as `sha256:` + RFC 4648 base32 (uppercase, **with** `=`
/// padding; 56 characters). That is the form warcio itself computes (`base64.b32encode`), so
/// `warcio check` compares it verbatim; an unpadded 52-character value would be misread by
/// warcio as base64 and fail. `WARC-Block-Digest` covers the whole record block (for a
/// response: status line, headers, the blank line and the body); `WARC-Payload-Digest`
/// covers the HTTP entity body only.
///
/// The stored body is the decoded one, so the response's `Transfer-Encoding` and
/// `Content-Encoding` headers are dropped and `Content-Length` is rewritten to the body's
/// length. CR, LF and NUL inside any header name or value are replaced by spaces.
public struct WARCWriter: Sendable {
    public let software: String
    public let info: [(String, String)]
    /// The warcinfo record's `WARC-Record-ID` (`<urn:uuid:…>`).
    public let warcinfoID: String

    private let warcinfoDate: Date
    private let makeUUID: @Sendable () -> UUID
    private var records: [WARCRecord] = []

    /// - Parameters:
    ///   - software: the warcinfo `software` field, e.g. `graywatch/1.4.0`.
    ///   - info: further warcinfo fields in order, e.g. `("operator", "…")`, `("description", "…")`.
    ///   - date: the warcinfo record's `WARC-Date` (defaults to now).
    ///   - makeUUID: source of record ids (defaults to random v4 UUIDs; inject for reproducible output).
    public init(software: String, info: [(String, String)], date: Date = Date(),
                makeUUID: @escaping @Sendable () -> UUID = { UUID() }) {
        self.software = software
        self.info = info
        self.warcinfoDate = date
        self.makeUUID = makeUUID
        self.warcinfoID = Self.recordID(makeUUID())
    }

    /// Number of request/response records appended so far (the warcinfo record not counted).
    public var recordCount: Int { records.count }

    /// Appends a request record and a response record for one capture; returns the response
    /// record's `WARC-Record-ID` exactly as written in the header, i.e. `<urn:uuid:…>`.
    @discardableResult
    public mutating func addCapture(targetURI: String, date: Date, requestHeaders: [(String, String)], method: String = "GET",
                                    status: Int, reason: String, responseHeaders: [(String, String)], body: Data) -> String {
        let requestID = Self.recordID(makeUUID())
        let responseID = Self.recordID(makeUUID())
        let warcDate = WARCText.date(date)
        let uri = WARCText.singleLine(targetURI)

        let requestBlock = Self.requestBlock(targetURI: targetURI, method: method, headers: requestHeaders)
        records.append(WARCRecord(fields: [
            ("WARC-Type", "request"),
            ("WARC-Record-ID", requestID),
            ("WARC-Date", warcDate),
            ("WARC-Target-URI", uri),
            ("WARC-Concurrent-To", responseID),
            ("WARC-Warcinfo-ID", warcinfoID),
            ("Content-Type", "application/http;msgtype=request"),
            ("WARC-Block-Digest", Self.digest(requestBlock)),
        ], block: requestBlock))

        let responseBlock = Self.responseBlock(status: status, reason: reason, headers: responseHeaders, body: body)
        records.append(WARCRecord(fields: [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", responseID),
            ("WARC-Date", warcDate),
            ("WARC-Target-URI", uri),
            ("WARC-Concurrent-To", requestID),
            ("WARC-Warcinfo-ID", warcinfoID),
            ("Content-Type", "application/http;msgtype=response"),
            ("WARC-Payload-Digest", Self.payloadDigest(body)),
            ("WARC-Block-Digest", Self.digest(responseBlock)),
        ], block: responseBlock))
        return responseID
    }

    /// The whole file: warcinfo first, then the records in the order they were added.
    public func data() -> Data {
        var out = warcinfoRecord().serialized()
        for record in records { out.append(record.serialized()) }
        return out
    }

    /// `sha256:` + padded uppercase base32 of SHA-256(body): the `WARC-Payload-Digest` value.
    public static func payloadDigest(_ body: Data) -> String {
        digest(body)
    }

    /// The `WARC-Payload-Digest` value for a body whose SHA-256 is already known as hex (the
    /// store keeps hex SHA-256 of raw bodies); nil unless `hex` is 64 hex digits.
    public static func payloadDigest(hexSHA256 hex: String) -> String? {
        guard hex.utf8.count == 64, let bytes = Digest.bytes(fromHex: hex) else { return nil }
        return "sha256:" + Digest.base32(bytes)
    }

    /// Lowercase hex SHA-256, the form the store keeps for raw bodies.
    public static func hexSHA256(_ data: Data) -> String {
        Digest.hex(Digest.sha256(data))
    }

    // MARK: - Blocks

    private static func digest(_ data: Data) -> String {
        "sha256:" + Digest.base32(Digest.sha256(data))
    }

    private static func recordID(_ uuid: UUID) -> String {
        "<urn:uuid:\(uuid.uuidString.lowercased())>"
    }

    private func warcinfoRecord() -> WARCRecord {
        var text = WARCText.headerLine("software", software)
        text += WARCText.headerLine("format", "WARC File Format 1.1")
        text += WARCText.headerLine("conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/")
        for (name, value) in info { text += WARCText.headerLine(name, value) }
        let block = Data(text.utf8)
        return WARCRecord(fields: [
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", warcinfoID),
            ("WARC-Date", WARCText.date(warcinfoDate)),
            ("Content-Type", "application/warc-fields"),
            ("WARC-Block-Digest", Self.digest(block)),
        ], block: block)
    }

    /// `METHOD request-target HTTP/1.1`, the headers (a `Host` header is added from the URI
    /// when missing), and the blank line. Captures carry no request body.
    static func requestBlock(targetURI: String, method: String, headers: [(String, String)]) -> Data {
        let components = URLComponents(string: targetURI)
        var target = components?.percentEncodedPath ?? ""
        if target.isEmpty { target = "/" }
        if let query = components?.percentEncodedQuery { target += "?" + query }
        var text = "\(WARCText.singleLine(method)) \(WARCText.singleLine(target)) HTTP/1.1\r\n"
        let hasHost = headers.contains { $0.0.caseInsensitiveCompare("Host") == .orderedSame }
        if !hasHost, let host = components?.host, !host.isEmpty {
            let authority = components?.port.map { "\(host):\($0)" } ?? host
            text += WARCText.headerLine("Host", authority)
        }
        for (name, value) in headers { text += WARCText.headerLine(name, value) }
        text += "\r\n"
        return Data(text.utf8)
    }

    /// `HTTP/1.1 <status> <reason>`, the headers without `Transfer-Encoding`,
    /// `Content-Encoding` and `Content-Length`, then `Content-Length: <body length>`, the blank
    /// line and the body.
    static func responseBlock(status: Int, reason: String, headers: [(String, String)], body: Data) -> Data {
        let dropped: Set<String> = ["transfer-encoding", "content-encoding", "content-length"]
        var text = "HTTP/1.1 \(status) \(WARCText.singleLine(reason))\r\n"
        for (name, value) in headers where !dropped.contains(name.lowercased()) {
            text += WARCText.headerLine(name, value)
        }
        text += "Content-Length: \(body.count)\r\n\r\n"
        var block = Data(text.utf8)
        block.append(body)
        return block
    }
}
