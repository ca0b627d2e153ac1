import CLibXML2
import Foundation

/// Compiled XPath expressions, shared by every document of the process: an expression is compiled once, not once
/// per page. A compiled expression is used by one evaluation at a time (borrowed, then given back), so pages
/// parsed on several threads never share one mid-evaluation.
enum XPathPool {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var spare: [String: [xmlXPathCompExprPtr]] = [:]
    /// Beyond this many distinct expressions, given-back ones are freed rather than kept.
    private static let maximumExpressions = 10_000
    private static let maximumSparePerExpression = 8

    /// A compiled expression for `xpath`, compiled now when none is spare.
    static func borrow(_ xpath: String) throws(ParseError) -> xmlXPathCompExprPtr {
        if let ready = lock.withLock({ spare[xpath]?.popLast() }) { return ready }
        guard let expression = gw_xpath_compile(xpath) else { throw .invalidXPath(expression: xpath) }
        return expression
    }

    /// Returns a borrowed expression for the next evaluation.
    static func giveBack(_ xpath: String, _ expression: xmlXPathCompExprPtr) {
        let kept = lock.withLock { () -> Bool in
            guard spare[xpath] != nil || spare.count < maximumExpressions else { return false }
            guard spare[xpath, default: []].count < maximumSparePerExpression else { return false }
            spare[xpath, default: []].append(expression)
            return true
        }
        if !kept { xmlXPathFreeCompExpr(expression) }
    }
}
