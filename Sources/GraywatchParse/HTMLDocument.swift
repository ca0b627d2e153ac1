import CLibXML2
import CParseArena

/// An HTML page parsed by libxml2 in recover mode with network access off.
///
/// The document owns the libxml2 tree; every ``HTMLNode`` holds a strong reference to its document,
/// so a node can never outlive the tree it points into. Not for concurrent use from several threads.
public final class HTMLDocument {
    /// The URL the page came from (used as the base URL and in error messages).
    public let url: String
    /// How many errors libxml2 reported while recovering (suppressed, but counted).
    public let errorCount: Int
    let pointer: htmlDocPtr
    /// The memory of the tree (see gw_arena.h): released whole with the document.
    private let arena: UnsafeMutablePointer<gw_arena>
    /// Every element in document order, once something asked (``elements``).
    var elementList: [xmlNodePtr]?
    private var context: xmlXPathContextPtr?
    /// The elements having an attribute, by attribute name, once something asked (``elements(having:)``).
    var attributeLists: [String: [xmlNodePtr]] = [:]
    /// For element i of ``elements``, the index of its last descendant element.
    var elementEnds: [Int32] = []
    /// Attribute values of every element by attribute name (a leading space: padded), once asked (``column(_:padded:)``).
    var columns: [String: AttributeColumn] = [:]
    /// What the first steps of shortcuts selected, by step (``stepIndices(_:)``).
    var stepMatches: [String: [Int32]] = [:]

    /// Parses UTF-8 HTML text (script and style bodies are not parsed: see ``RawTextFilter``).
    ///
    /// Throws for an empty page, for binary data decoded as text (see ``binaryKind(of:)``), and when libxml2 stops
    /// before the end of the input (more than 256 levels of nesting): a page read only in part would give a listing
    /// silently missing whatever came after, so it is refused with the reason instead.
    public convenience init(html: String, url: String) throws(ParseError) {
        try self.init(html: html, url: url, parsingRawText: false)
    }

    /// Parses UTF-8 HTML text; `parsingRawText` hands libxml2 script and style bodies too (for tests that
    /// compare the two).
    init(html: String, url: String, parsingRawText: Bool) throws(ParseError) {
        _ = HTMLDocument.libraryReady
        if let kind = HTMLDocument.binaryKind(of: html) { throw .unparsable(url: url, reason: "\(kind), not HTML text") }
        var text = html
        // NULs become U+FFFD in the same pass (libxml2 stops reading at a NUL; a hostile NUL cannot hide the rest).
        var bytes = text.withUTF8 {
            parsingRawText ? RawTextFilter.replacingNUL(Array($0)) : RawTextFilter.filter($0, keeping: RawTextFilter.keptScripts)
        }
        guard bytes.contains(where: { $0 > 0x20 }) else { throw .empty(url: url) }
        guard bytes.count < Int(Int32.max) else { throw .unparsable(url: url, reason: "page larger than 2 GiB") }
        var report = gw_parse_report()
        let arena = UnsafeMutablePointer<gw_arena>.allocate(capacity: 1)
        arena.initialize(to: gw_arena())
        let capture = ParseCapture()
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                HTMLDocument.parse(base, Int32(buffer.count), url: url, into: arena, capture: capture, report: &report)
            }
        }
        func release() { HTMLDocument.release(document, arena) }
        guard let document, xmlDocGetRootElement(document) != nil else {
            release()
            throw .unparsable(url: url, reason: "no element could be recovered")
        }
        if report.stopped != 0 {
            release()
            throw .unparsable(url: url, reason: HTMLDocument.stopReason(report))
        }
        self.url = url
        self.pointer = document
        self.arena = arena
        self.errorCount = report.count
        if let recorded = capture.results() {
            elementList = recorded.elements
            elementEnds = recorded.ends
            columns = recorded.columns
        }
    }

    /// The document's XPath context, made once: a new context registers every XPath function in a fresh hash
    /// table, which cost more than most queries.
    private func xpathContext() -> xmlXPathContextPtr? {
        if let context { return context }
        context = xmlXPathNewContext(pointer)
        return context
    }

    deinit {
        if let context { xmlXPathFreeContext(context) }
        HTMLDocument.release(pointer, arena)
    }

    /// libxml2 set up once per process: graywatch's allocation hooks first (see gw_arena.h), then the parser.
    private static let libraryReady: Bool = {
        xmlMemSetup(gw_mem_free, gw_mem_malloc, gw_mem_realloc, gw_mem_strdup)
        xmlInitParser()
        return true
    }()

    /// libxml2's parse with every allocation of it in `arena`. The thread's last-error record is cleared before the
    /// arena stops being active, so nothing outside the document points into it.
    private static func parse(_ base: UnsafePointer<CChar>, _ count: Int32, url: String, into arena: UnsafeMutablePointer<gw_arena>,
                              capture: ParseCapture, report: inout gw_parse_report) -> htmlDocPtr? {
        let previous = gw_arena_activate(arena)
        defer {
            xmlResetLastError()
            gw_arena_activate(previous)
        }
        return capture.parse(base, count, url: url, report: &report)
    }

    /// Releases a parsed document and its arena: only the dictionary is freed one by one (its mutex is the one
    /// thing of a parse libxml2 allocates outside the hooks); the tree goes with the arena.
    private static func release(_ document: htmlDocPtr?, _ arena: UnsafeMutablePointer<gw_arena>) {
        if let dictionary = document?.pointee.dict { xmlDictFree(dictionary) }
        gw_arena_release(arena)
        arena.deallocate()
    }

    /// Keeps the scripts an XPath expression reads in the parsed tree (site adapters register theirs as they load;
    /// see ``RawTextFilter``).
    public static func keepScripts(readBy expression: String) {
        RawTextFilter.keepScripts(readBy: expression)
    }

    /// The root element (`<html>`).
    public var root: HTMLNode? {
        xmlDocGetRootElement(pointer).map { HTMLNode(document: self, pointer: $0) }
    }

    /// The nodes an XPath expression selects, evaluated from the document root.
    public func select(_ xpath: String) throws(ParseError) -> [HTMLNode] {
        try evaluate(xpath, context: nil).nodes
    }

    /// The string value of an XPath expression (`string(...)`, `normalize-space(...)`, or the first node's text).
    public func string(_ xpath: String) throws(ParseError) -> String {
        try evaluate(xpath, context: nil).string
    }

    struct Result {
        var nodes: [HTMLNode]
        var string: String
    }

    /// The nodes an expression selects and its string value, from one evaluation.
    public func query(_ xpath: String) throws(ParseError) -> (nodes: [HTMLNode], string: String) {
        let result = try evaluate(xpath, context: nil)
        return (result.nodes, result.string)
    }

    func evaluate(_ xpath: String, context node: xmlNodePtr?, shortcuts: Bool = true) throws(ParseError) -> Result {
        if node == nil, shortcuts, let plan = XPathShortcut.cached(xpath) { return try evaluate(plan) }
        let expression = try XPathPool.borrow(xpath)
        defer { XPathPool.giveBack(xpath, expression) }
        guard let context = xpathContext() else { throw .invalidXPath(expression: xpath) }
        context.pointee.node = node ?? xmlDocGetRootElement(pointer)
        guard let object = gw_xpath_eval(expression, context) else { throw .invalidXPath(expression: xpath) }
        defer { xmlXPathFreeObject(object) }
        var nodes: [HTMLNode] = []
        let count = gw_xpath_nodeset_count(object)
        nodes.reserveCapacity(Int(count))
        for index in 0..<count {
            if let item = gw_xpath_nodeset_item(object, index) { nodes.append(HTMLNode(document: self, pointer: item)) }
        }
        var text = ""
        if let value = xmlXPathCastToString(object) {
            text = String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
            gw_xml_free(value)
        }
        return Result(nodes: nodes, string: text)
    }

    /// True when libxml2 compiles the expression (for checking adapter files before any page is seen).
    public static func isValidXPath(_ xpath: String) -> Bool {
        _ = libraryReady
        guard let expression = gw_xpath_compile(xpath) else { return false }
        xmlXPathFreeCompExpr(expression)
        return true
    }

}
