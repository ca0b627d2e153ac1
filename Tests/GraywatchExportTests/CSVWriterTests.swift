import Foundation
import GraywatchExport
import Testing

@Suite struct CSVWriterTests {
    private func csv(_ rows: [[String?]], header: [String] = ["title"], bom: Bool = false) -> String {
        var writer = CSVWriter(header: header, byteOrderMark: bom)
        for row in rows { writer.append(row) }
        return writer.string()
    }

    // MARK: Formula injection

    @Test(arguments: [
        ("=HYPERLINK(\"http://evil\",\"x\")", "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\""),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("-2+3", "'-2+3"),
        ("=1+1", "'=1+1"),
    ])
    func formulaCellsArePrefixedWithAQuote(cell: String, expected: String) {
        #expect(csv([[cell]]) == "title\r\n\(expected)\r\n")
    }

    @Test func tabAndCarriageReturnLeadingCellsAreNeutralized() {
        #expect(CSVWriter.neutralize("\tcalc") == "'\tcalc")
        #expect(CSVWriter.neutralize("\rcalc") == "'\rcalc")
        #expect(CSVWriter.neutralize("\r\n=cmd") == "'\r\n=cmd") // "\r\n" is one Character in Swift
        // Tab needs no quoting; CR does.
        #expect(csv([["\tcalc"]]) == "title\r\n'\tcalc\r\n")
        #expect(csv([["\rcalc"]]) == "title\r\n\"'\rcalc\"\r\n")
    }

    @Test func triggersAfterLeadingWhiteSpaceAreNeutralized() {
        #expect(CSVWriter.neutralize("  =1+1") == "'  =1+1")
        #expect(CSVWriter.neutralize(" \t@SUM(A1)") == "' \t@SUM(A1)")
        #expect(CSVWriter.neutralize("\n-2+3") == "'\n-2+3")
        #expect(CSVWriter.neutralize("\u{00A0}+1") == "'\u{00A0}+1") // no-break space
        #expect(csv([["  =1+1"]]) == "title\r\n'  =1+1\r\n")
    }

    @Test func harmlessCellsAreUnchanged() {
        for cell in ["SRX300", "", "   ", "a=b", "1-2", "user@example.com", "'quoted", "Juniper EX2300-24T", "1,299.99"] {
            #expect(CSVWriter.neutralize(cell) == cell)
        }
    }

    @Test func headerCellsAreNeutralizedToo() {
        #expect(CSVWriter(header: ["=x", "y"]).string() == "'=x,y\r\n")
    }

    // MARK: RFC 4180

    @Test func plainRowsUseCommasAndCRLF() {
        #expect(csv([["SRX300", "1299.99"], ["EX2300", "450"]], header: ["sku", "price"])
            == "sku,price\r\nSRX300,1299.99\r\nEX2300,450\r\n")
    }

    @Test func commasQuotesAndLineBreaksAreQuoted() {
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("line1\nline2") == "\"line1\nline2\"")
        #expect(CSVWriter.field("line1\r\nline2") == "\"line1\r\nline2\"")
        #expect(CSVWriter.field("\"") == "\"\"\"\"")
        #expect(CSVWriter.field("no special") == "no special")
    }

    @Test func quoteFollowedByCombiningMarkIsStillDoubled() {
        // "\"\u{301}" is a single Character; the quote must still be doubled.
        #expect(CSVWriter.field("a,\"\u{301}") == "\"a,\"\"\u{301}\"")
    }

    @Test func nilIsEmptyAndShortRowsArePadded() {
        #expect(csv([[nil, "x", nil], ["only"]], header: ["a", "b", "c"]) == "a,b,c\r\n,x,\r\nonly,,\r\n")
    }

    @Test func longRowsAreKeptInFull() {
        #expect(csv([["1", "2", "3"]], header: ["a"]) == "a\r\n1,2,3\r\n")
    }

    @Test func unicodeIsWrittenAsUTF8() {
        let text = csv([["Träger – 路由器 🚀"]])
        #expect(text == "title\r\nTräger – 路由器 🚀\r\n")
        var writer = CSVWriter(header: ["é"])
        writer.append(["🚀"])
        #expect(Array(writer.data()) == Array("é\r\n🚀\r\n".utf8))
    }

    // MARK: BOM

    @Test func byteOrderMarkOnlyWhenAsked() {
        var with = CSVWriter(header: ["a"], byteOrderMark: true)
        with.append(["1"])
        #expect(Array(with.data()) == [0xEF, 0xBB, 0xBF] + Array("a\r\n1\r\n".utf8))
        #expect(with.string().unicodeScalars.first == "\u{FEFF}")

        var without = CSVWriter(header: ["a"])
        without.append(["1"])
        #expect(Array(without.data()) == Array("a\r\n1\r\n".utf8))
    }
}
