import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body (first value of each name).
struct FormFields {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = FormFields.decode(parts[0])
            if values[name] == nil { values[name] = parts.count > 1 ? FormFields.decode(parts[1]) : "" }
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
    }
}

extension Request {
    /// The query string's fields.
    var queryFields: FormFields { FormFields(uri.query ?? "") }

    /// Whether the body is an `application/x-www-form-urlencoded` form.
    var hasFormBody: Bool { headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true }
}

/// Decodes request bodies as JSON (the API) or URL-encoded forms (the pages) into the same types.
public struct WebRequestDecoder: RequestDecoder {
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        do {
            if request.hasFormBody {
                return try await URLEncodedFormDecoder().decode(type, from: request, context: context)
            }
            return try await JSONDecoder().decode(type, from: request, context: context)
        } catch let error as WebError {
            throw error
        } catch {
            throw WebError(.badRequest, "the request body could not be read: \(error)")
        }
    }
}
