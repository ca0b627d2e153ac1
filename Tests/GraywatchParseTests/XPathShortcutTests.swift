import Foundation
@testable import GraywatchParse
import GraywatchTestSupport
import Testing

/// The XPath shortcut selects exactly what libxml2 selects, in the same order, or stays out of the way.
@Suite struct XPathShortcutTests {
    @Test func theAdapterShapesAreShortcutsAndOthersAreNot() {
        #expect(XPathShortcut("//*[@id='prcIsum' or @id='mm-saleDscPrc']")?.tests.count == 2)
        #expect(XPathShortcut("//*[@itemprop='price']/@content")?.rest == "self::node()/@content")
        #expect(XPathShortcut("//div[contains(@class,'x-price-primary')]//span[contains(@class,'ux-textspans')]")?.name == "div")
        #expect(XPathShortcut("//*[contains(concat(' ',normalize-space(@class),' '),' ux-labels ')][normalize-space()='MPN']/following-sibling::*[1]")?
            .tests == [.paddedContains(attribute: "class", value: " ux-labels ")])
        for other in ["//a | //b", "//li[1]", "//*[@id='a'][2]", "//*[@id='a'][last()]", "string(//h1)", "//h1",
                      "//*[@id='a']/x | //y", "//*[@id=$v]", "//*[normalize-space()='x']", "//*[@id='a' and @b='c']", "h1"] {
            #expect(XPathShortcut(other) == nil, "\(other)")
        }
    }

    @Test func nestedMatchesYieldEachNodeOnceInDocumentOrder() throws {
        let html = """
            <div class="box" id="outer"><span class="t">1</span><div class="box"><span class="t">2</span></div>\
            <span class="t">3</span></div><div class="box"><span class="t">4</span></div>
            """
        let document = try HTMLDocument(html: html, url: "http://t/n")
        for xpath in ["//div[contains(@class,'box')]//span[contains(@class,'t')]", "//div[@class='box' or @id='outer']//span",
                      "//*[contains(@class,'box')]/span/text()", "//div[contains(@class,'')]"] {
            let fast = try document.evaluate(xpath, context: nil, shortcuts: true)
            let slow = try document.evaluate(xpath, context: nil, shortcuts: false)
            #expect(fast.nodes.map(\.pointer) == slow.nodes.map(\.pointer), "\(xpath)")
            #expect(fast.string == slow.string, "\(xpath)")
        }
        #expect(try document.select("//div[contains(@class,'box')]//span").map(\.text) == ["1", "2", "3", "4"])
    }

    /// A leading text predicate in REST lets the shortcut skip matches whose text lacks its words, without changing
    /// what is selected: text split over child elements and text nodes, odd whitespace, `or`, quotes of both kinds.
    @Test func textPredicatesSkipOnlyMatchesThatCannotPass() throws {
        #expect(XPathShortcut.textNeedles("[starts-with(normalize-space(.),'Located in:')]") == ["Located"])
        #expect(XPathShortcut.textNeedles("[normalize-space()='Brand' or normalize-space()='Brand:']/following-sibling::*[1]")
                    == ["Brand", "Brand:"])
        #expect(XPathShortcut.textNeedles("[contains(., \"(\")]") == ["("])
        #expect(XPathShortcut.textNeedles("[contains(text(),'a b')]") == ["a"])
        for none in ["[contains(.,'')]", "[normalize-space()=' ']", "[@id='x']", "[contains(.,'a') and @b]",
                     "[normalize-space()='a' or @id='b']", "[string-length(.)>3]", "/span[contains(.,'x')]", "[1]"] {
            #expect(XPathShortcut.textNeedles(none) == nil, "\(none)")
        }
        let html = """
            <span class="t">Located in: Paris</span><span class="t">  Located\n   in:   Rome </span>\
            <span class="t"><b>Loc</b>ated in: Oslo</span><span class="t">Not located in: here</span>\
            <span class="t">Brand</span><i>Juniper</i><span class="t"> Brand: </span><i>Other</i><span class="t">Bran</span>\
            <span class="t">(12)</span><span class="t">12</span><span class="t"><!-- Brand -->x</span>
            """
        let document = try HTMLDocument(html: html, url: "http://t/p")
        for xpath in ["//span[contains(@class,'t')][starts-with(normalize-space(.),'Located in:')]",
                      "//span[contains(@class,'t')][normalize-space()='Brand' or normalize-space()='Brand:']/following-sibling::i[1]",
                      "//span[contains(@class,'t')][contains(.,'(')]", "//span[contains(@class,'t')][contains(text(),'ated')]",
                      "//span[@class='t'][.='12']", "//span[@class='t'][contains(normalize-space(), \"n: R\")]"] {
            let fast = try document.evaluate(xpath, context: nil, shortcuts: true)
            let slow = try document.evaluate(xpath, context: nil, shortcuts: false)
            #expect(!slow.nodes.isEmpty, "\(xpath) selects something")
            #expect(fast.nodes.map(\.pointer) == slow.nodes.map(\.pointer), "\(xpath)")
            #expect(fast.string == slow.string, "\(xpath)")
        }
    }

    /// A union of shortcut paths answers branch by branch: the same node-set (document order, each node once) and
    /// string as libxml2, whichever branches match and however their nodes interleave or overlap.
    @Test func unionsOfShortcutPathsMergeInDocumentOrder() throws {
        #expect(XPathShortcut.plan("//a[@x='1'] | //b[@y='2']/c")?.count == 2)
        #expect(XPathShortcut.plan("//*[@id='a'] | //b") == nil, "a branch without a shortcut leaves the whole to libxml2")
        #expect(XPathShortcut.plan("//*[@id='a|b']")?.count == 1, "a bar inside a literal is not a union")
        #expect(XPathShortcut.unionBranches("//*[@id='a'] | //*[contains(@c,'|')] | //x[(@a='b')]")?.count == 3)
        let html = """
            <div class="box" id="outer"><span class="t" id="s1">1</span><div class="box"><span class="u">2</span></div>\
            <span class="t u">3</span></div><p class="t">4</p><span class="u" title="x">5</span>
            """
        let document = try HTMLDocument(html: html, url: "http://t/u")
        for xpath in ["//span[contains(@class,'t')] | //span[contains(@class,'u')]",
                      "//span[contains(@class,'u')] | //*[contains(@class,'t')]", "//p[@class='t'] | //div[@id='outer']",
                      "//span[@class='u']/@title | //span[@id='s1']/text() | //div[@id='outer']//span[contains(@class,'u')]",
                      "//span[@id='none'] | //p[@class='t']", "//span[@id='none'] | //p[@class='none']"] {
            let fast = try document.evaluate(xpath, context: nil, shortcuts: true)
            let slow = try document.evaluate(xpath, context: nil, shortcuts: false)
            #expect(fast.nodes.map(\.pointer) == slow.nodes.map(\.pointer), "\(xpath)")
            #expect(fast.string == slow.string, "\(xpath)")
        }
    }

    @Test func attributeTestsFollowXPathStringRules() throws {
        let html = "<p class=' a  b\tc '>1</p><p class=''>2</p><p>3</p><p class='ab'>4</p><p CLASS='A'>5</p>"
        let document = try HTMLDocument(html: html, url: "http://t/a")
        for xpath in ["//p[contains(concat(' ',normalize-space(@class),' '),' b ')]", "//p[contains(@class,'')]",
                      "//p[@class='']", "//p[contains(@class,'a')]", "//p[@class='A']", "//*[contains(concat(' ',normalize-space(@class),' '),'  ')]"] {
            let fast = try document.evaluate(xpath, context: nil, shortcuts: true)
            let slow = try document.evaluate(xpath, context: nil, shortcuts: false)
            #expect(fast.nodes.map(\.pointer) == slow.nodes.map(\.pointer), "\(xpath)")
        }
    }

    /// Every XPath of every shipped adapter, on every sample page and fixture: the same nodes and string.
    @Test func everyAdapterExpressionSelectsTheSameOnEverySamplePage() throws {
        let expressions = try Self.adapterExpressions()
        #expect(expressions.count > 30)
        #expect(expressions.filter { XPathShortcut($0) != nil }.count > 20, "most adapter expressions have a shortcut")
        var pages = 0
        for (label, html) in try TestPaths.samplePages() {
            let document = try HTMLDocument(html: html, url: "http://t/\(label)")
            pages += 1
            for xpath in expressions {
                let fast = try document.evaluate(xpath, context: nil, shortcuts: true)
                let slow = try document.evaluate(xpath, context: nil, shortcuts: false)
                #expect(fast.nodes.map(\.pointer) == slow.nodes.map(\.pointer), "\(label): \(xpath)")
                #expect(fast.string == slow.string, "\(label): \(xpath)")
            }
        }
        #expect(pages > 200)
    }

    /// The `xpath:` values of rules/sites/*.yml (single-line and folded).
    static func adapterExpressions() throws -> [String] {
        var found: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: TestPaths.sites.path) where file.hasSuffix(".yml") {
            let lines = try String(contentsOf: TestPaths.sites.appendingPathComponent(file), encoding: .utf8)
                .components(separatedBy: "\n")
            var index = 0
            while index < lines.count {
                let line = lines[index]
                if let range = line.range(of: "xpath: ") ?? line.range(of: "detect: ") ?? line.range(of: "rows: ") {
                    var value = String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
                    if value == ">-" || value == ">" {
                        var parts: [String] = []
                        while index + 1 < lines.count, lines[index + 1].hasPrefix("        ") {
                            index += 1
                            parts.append(lines[index].trimmingCharacters(in: .whitespaces))
                        }
                        value = parts.joined(separator: " ")
                    } else {
                        if value.hasSuffix("}") { value = String(value.dropLast()).trimmingCharacters(in: .whitespaces) }
                        if let comma = value.range(of: "\", ", options: .backwards) { value = String(value[..<comma.lowerBound]) + "\"" }
                        if value.hasSuffix(",") { value = String(value.dropLast()) }
                    }
                    if (value.hasPrefix("\"") && value.hasSuffix("\"")) || (value.hasPrefix("'") && value.hasSuffix("'")) {
                        value = String(value.dropFirst().dropLast())
                        value = value.replacingOccurrences(of: "''", with: "'")
                    }
                    if !value.isEmpty { found.append(value) }
                }
                index += 1
            }
        }
        return found
    }
}
