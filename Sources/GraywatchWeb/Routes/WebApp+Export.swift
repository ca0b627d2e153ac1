import Foundation
import GraywatchCore
import GraywatchExport
import GraywatchStore
import Hummingbird

extension WebApp {
    /// Most items one export answers with (larger selections: use `graywatch export` on the server).
    static let exportLimit = 100_000

    /// `GET {prefix}/csv|ndjson|warc` for the filtered selection; `POST {prefix}/takedown` (admin) builds the
    /// marketplace's batch of confirmed items and moves them to enforcement-requested.
    func addExportRoutes(_ group: RouterGroup<WebContext>, prefix: String) {
        group.get("\(prefix)/csv") { request, _ in
            let entries = try exportEntries(try QueueQuery(request.queryFields).filter)
            return download(QueueExport.csv(entries, byteOrderMark: true).data(), type: "text/csv; charset=utf-8", name: "graywatch-queue.csv")
        }
        group.get("\(prefix)/ndjson") { request, _ in
            let entries = try exportEntries(try QueueQuery(request.queryFields).filter)
            return download(Data(try QueueExport.ndjson(entries).utf8), type: "application/x-ndjson", name: "graywatch-queue.ndjson")
        }
        group.get("\(prefix)/warc") { request, _ in
            let entries = try exportEntries(try QueueQuery(request.queryFields).filter)
            let warc = try QueueExport.warc(entries, store: store, software: "graywatch 0.2")
            return download(warc.data, type: "application/warc", name: "graywatch-evidence.warc")
        }
        group.post("\(prefix)/takedown") { request, context in
            let admin = try context.requireAdmin()
            var request = request
            let body = String(buffer: try await request.collectBody(upTo: WebApp.maxFormBytes))
            let isForm = request.hasFormBody
            var filter = try QueueQuery(FormFields(isForm ? body : request.uri.query ?? "")).filter
            guard let marketplace = filter.marketplace else { throw WebError(.badRequest, "a takedown batch needs a marketplace filter") }
            if filter.status == nil { filter.status = .confirmed }
            let entries = try exportEntries(filter)
            guard !entries.isEmpty else { throw WebError(.conflict, "no confirmed items of \(marketplace) match these filters") }
            let reasons = Dictionary(rules.compactMap { id, rule in rule.enforcement.map { (id, $0) } }, uniquingKeysWith: { a, _ in a })
            let batch = try TakedownBatch.make(marketplace: marketplace, entries: entries, store: store, enforcementReasons: reasons)
            try workflow {
                _ = try store.bulkSetStatus(QueueFilter(ids: batch.itemIDs), to: .enforcementRequested, actor: admin.name,
                                            reason: "takedown batch \(batch.files.map(\.name).joined(separator: ", "))", category: nil)
            }
            if batch.files.count == 1, let file = batch.files.first {
                return download(file.data, type: "text/csv; charset=utf-8", name: file.name)
            }
            return download(TarArchive.make(batch.files), type: "application/x-tar", name: "takedown-\(marketplace).tar")
        }
    }

    func exportEntries(_ filter: QueueFilter) throws -> [QueueEntry] {
        let entries = try store.queue(filter)
        guard entries.count <= WebApp.exportLimit else {
            throw WebError(.contentTooLarge, "\(entries.count) items selected; the web export stops at \(WebApp.exportLimit): narrow the filters or use `graywatch export`")
        }
        return entries
    }

    func download(_ data: Data, type: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// A POSIX ustar archive of a few small files (a takedown batch of several chunks in one download).
enum TarArchive {
    static func make(_ files: [(name: String, data: Data)], date: Date = Date()) -> Data {
        var archive = Data()
        for file in files {
            var header = [UInt8](repeating: 0, count: 512)
            func put(_ text: String, at offset: Int, length: Int) {
                for (index, byte) in text.utf8.prefix(length).enumerated() { header[offset + index] = byte }
            }
            func octal(_ value: Int, length: Int) -> String {
                let digits = String(value, radix: 8)
                return String(repeating: "0", count: max(0, length - 1 - digits.count)) + digits
            }
            put(file.name, at: 0, length: 100)
            put(octal(0o644, length: 8), at: 100, length: 7)
            put(octal(0, length: 8), at: 108, length: 7)
            put(octal(0, length: 8), at: 116, length: 7)
            put(octal(file.data.count, length: 12), at: 124, length: 11)
            put(octal(Int(date.timeIntervalSince1970), length: 12), at: 136, length: 11)
            put("        ", at: 148, length: 8)
            header[156] = UInt8(ascii: "0")
            put("ustar", at: 257, length: 6)
            put("00", at: 263, length: 2)
            let checksum = header.reduce(0) { $0 + Int($1) }
            put(octal(checksum, length: 7), at: 148, length: 6)
            header[154] = 0
            header[155] = UInt8(ascii: " ")
            archive.append(contentsOf: header)
            archive.append(file.data)
            archive.append(Data(count: (512 - file.data.count % 512) % 512))
        }
        archive.append(Data(count: 1024))
        return archive
    }
}
