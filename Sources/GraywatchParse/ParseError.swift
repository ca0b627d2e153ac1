/// Why a page could not be turned into a document or a query could not run.
public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body was empty (or only white space).
    case empty(url: String)
    /// libxml2 could not build any document from the bytes.
    case unparsable(url: String, reason: String)
    /// The XPath expression did not compile or evaluate.
    case invalidXPath(expression: String)

    public var description: String {
        switch self {
        case .empty(let url): return "\(url): empty page"
        case .unparsable(let url, let reason): return "\(url): unparsable page (\(reason))"
        case .invalidXPath(let expression): return "invalid XPath expression: \(expression)"
        }
    }
}
