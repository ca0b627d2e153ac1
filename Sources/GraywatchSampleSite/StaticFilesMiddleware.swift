import Foundation
import Hummingbird

/// Serves files below a folder the way the sample marketplace expects: `/itm/123` answers with `itm/123.html`,
/// `/` with `index.html`. Paths that leave the folder, hidden files and anything not found go to the next responder.
public struct StaticFilesMiddleware<Context: RequestContext>: RouterMiddleware {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard request.method == .get || request.method == .head, let file = resolve(request.uri.path) else {
            return try await next(request, context)
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return try await next(request, context)
        }
        // A validator from size and modification time, so rescans can ask "has it changed?".
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        let modified = (attributes?[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
        let etag = "\"\(data.count)-\(Int(modified.timeIntervalSince1970))\""
        var headers = HTTPFields()
        headers[.eTag] = etag
        headers[.lastModified] = Self.httpDate(modified)
        if request.headers[.ifNoneMatch] == etag {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = Self.mediaType(of: file.pathExtension)
        headers[.contentLength] = String(data.count)
        let body: ResponseBody = request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: data))
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The file a URL path names, or nil when none exists or the path is not allowed.
    func resolve(_ path: String) -> URL? {
        let decoded = path.removingPercentEncoding ?? path
        let parts = decoded.split(separator: "/").map(String.init)
        guard !parts.contains(where: { $0.hasPrefix(".") || $0.contains("\\") || $0.contains("\0") }) else {
            return nil
        }
        let base = parts.reduce(root) { $0.appendingPathComponent($1) }
        let candidates = parts.isEmpty
            ? [base.appendingPathComponent("index.html")]
            : [base, base.appendingPathExtension("html"), base.appendingPathComponent("index.html")]
        var isDirectory: ObjCBool = false
        return candidates.first {
            FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }

    /// IMF-fixdate, as HTTP wants it.
    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    static func mediaType(of fileExtension: String) -> String {
        switch fileExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "svg": return "image/svg+xml"
        default: return "application/octet-stream"
        }
    }
}
