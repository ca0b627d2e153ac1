import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A node of an ``HTMLDocument``; it keeps its document alive.
public struct HTMLNode {
    public let document: HTMLDocument
    let pointer: xmlNodePtr

    init(document: HTMLDocument, pointer: xmlNodePtr) {
        self.document = document
        self.pointer = pointer
    }

    /// The element or attribute name, lowercased by the HTML parser.
    public var name: String {
        pointer.pointee.name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? ""
    }

    /// True for element nodes (false for text and attribute nodes).
    public var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

    /// The node's text for extraction: an element's visible text, or the value of a text or attribute node.
    public var value: String { isElement ? visibleText : text }

    /// All text below the node, as libxml2's content (the JSON and adapter-read scripts included, other script and
    /// style bodies are never parsed: ``RawTextFilter``; see ``visibleText``).
    public var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { gw_xml_free(content) }
        return String(cString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    }

    /// Text below the node without `<script>`, `<style>` and `<noscript>` content, block elements
    /// separated by newlines and runs of spaces collapsed; at most about ``visibleTextLimit`` bytes of it are read.
    public var visibleText: String {
        var output = ""
        HTMLNode.appendVisibleText(of: pointer, to: &output)
        return TextNormalizer.collapse(output)
    }

    /// How many bytes of text ``visibleText`` reads below one node (512 KiB, far more than any field of a real page
    /// shows) before it stops: folding white space over a whole 8 MiB page costs far more than anything uses.
    public static let visibleTextLimit = 512 << 10

    /// The value of an attribute, if present.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { gw_xml_free(value) }
        return String(cString: UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
    }

    /// The nodes an XPath expression selects with this node as the context node.
    public func select(_ xpath: String) throws(ParseError) -> [HTMLNode] {
        try document.evaluate(xpath, context: pointer).nodes
    }

    /// The string value of an XPath expression with this node as the context node.
    public func string(_ xpath: String) throws(ParseError) -> String {
        try document.evaluate(xpath, context: pointer).string
    }

    private static let hidden: Set<String> = ["script", "style", "noscript", "template"]
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "dd", "dt",
    ]

    private static func appendVisibleText(of node: xmlNodePtr, to output: inout String) {
        var child = node.pointee.children
        while let current = child, output.utf8.count < visibleTextLimit {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    // One text node can be megabytes long: take no more of it than the limit leaves room for.
                    let room = visibleTextLimit - output.utf8.count
                    let length = strnlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self), room)
                    output += String(decoding: UnsafeBufferPointer(start: content, count: length), as: UTF8.self)
                }
            case XML_ELEMENT_NODE:
                let name = current.pointee.name.map {
                    String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)).lowercased()
                } ?? ""
                if !hidden.contains(name) {
                    let block = blocks.contains(name)
                    if block { output += "\n" }
                    appendVisibleText(of: current, to: &output)
                    if block { output += "\n" }
                }
            default:
                break
            }
            child = current.pointee.next
        }
    }
}
