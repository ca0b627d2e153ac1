import Foundation
import GraywatchFetch
import Testing

/// Charset detection and decoding; input bytes are written out literally (computed once with Python's codecs).
@Suite struct TextDecoderTests {
    // MARK: One test per charset

    @Test func iso88591FromHeader() {
        let bytes = Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x5A, 0xFC, 0x72, 0x69, 0x63, 0x68, 0x20, 0xA3])  // "Café Zürich £"
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=ISO-8859-1") == "Café Zürich £")
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html; charset=ISO-8859-1") == "windows-1252")
    }

    @Test func windows1252MapsEuroAndCurlyQuotes() {
        let bytes = Data([0x80, 0x93, 0x94, 0x43, 0x61, 0x66, 0xE9])  // "€“”Café"
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=windows-1252") == "€“”Café")
        // Bytes glibc leaves undefined decode as C1 controls, as WHATWG windows-1252 does.
        #expect(TextDecoder.decode(Data([0x41, 0x81, 0x8D]), contentType: "text/html; charset=cp1252") == "A\u{81}\u{8D}")
    }

    @Test func shiftJIS() {
        let bytes = Data([147, 250, 150, 123, 140, 234, 0x20, 131, 88, 131, 67, 131, 98, 131, 96, 32, 144, 86, 149, 105])
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=Shift_JIS") == "日本語 スイッチ 新品")
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html; charset=x-sjis") == "shift_jis")
    }

    @Test func gb18030IncludingFourByteSequences() {
        let bytes = Data([189, 187, 187, 187, 187, 250, 32, 200, 171, 208, 194, 0x20, 162, 227, 148, 57, 252, 54])
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=gb18030") == "交换机 全新 €😀")
    }

    @Test func gbkAndGB2312LabelsDecodeAsGB18030() {
        let bytes = Data([214, 208, 206, 196])  // "中文"
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=GBK") == "中文")
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=gb2312") == "中文")
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html; charset=gb2312") == "gbk")
    }

    @Test func utf16LittleEndianWithBOM() {
        let bytes = Data([255, 254, 67, 0, 97, 0, 102, 0, 233, 0, 32, 0, 229, 101, 44, 103])  // BOM "Café 日本"
        #expect(TextDecoder.decode(bytes, contentType: nil) == "Café 日本")
        #expect(TextDecoder.detectedCharset(bytes, contentType: nil) == "utf-16le")
        // Only the first mark is a BOM; a second one is a ZERO WIDTH NO-BREAK SPACE in the text.
        #expect(TextDecoder.decode(Data([0xFF, 0xFE, 0xFF, 0xFE, 0x41, 0x00]), contentType: nil) == "\u{FEFF}A")
    }

    @Test func utf16BigEndianWithBOM() {
        let bytes = Data([254, 255, 0, 67, 0, 97, 0, 102, 0, 233, 0, 32, 101, 229, 103, 44])  // BOM "Café 日本"
        #expect(TextDecoder.decode(bytes, contentType: "text/html") == "Café 日本")
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html") == "utf-16be")
    }

    @Test func utf16FromHeaderWithoutBOMIsLittleEndian() {
        let bytes = Data([90, 0, 252, 0, 114, 0, 105, 0, 99, 0, 104, 0, 32, 0, 172, 32])  // "Zürich €"
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=utf-16") == "Zürich €")
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=UTF-16LE") == "Zürich €")
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html; charset=utf-16") == "utf-16le")
    }

    @Test func otherLegacyCharsets() {
        #expect(TextDecoder.decode(Data([198, 252, 203, 220]), contentType: "text/html; charset=euc-jp") == "日本")
        #expect(TextDecoder.decode(Data([199, 209, 177, 185]), contentType: "text/html; charset=euc-kr") == "한국")
        #expect(TextDecoder.decode(Data([164, 164, 164, 229]), contentType: "text/html; charset=big5") == "中文")
        #expect(TextDecoder.decode(Data([240, 210, 201, 215, 197, 212]), contentType: "text/html; charset=koi8-r") == "Привет")
        #expect(TextDecoder.decode(Data([204, 232, 240]), contentType: "text/html; charset=windows-1251") == "Мир")
    }

    // MARK: Precedence

    @Test func headerCharsetWins() {
        let bytes = Data(Array("<meta charset=\"shift_jis\">caf".utf8) + [0xE9])
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=ISO-8859-1") == "<meta charset=\"shift_jis\">café")
    }

    @Test func byteOrderMarkBeatsHeaderAndMeta() {
        let bytes = Data([0xEF, 0xBB, 0xBF] + Array("<meta charset=windows-1252>é".utf8))
        #expect(TextDecoder.decode(bytes, contentType: "text/html") == "<meta charset=windows-1252>é")
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=windows-1252") == "<meta charset=windows-1252>é")
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html; charset=shift_jis") == "utf-8")
    }

    @Test func metaCharsetWhenTheHeaderHasNone() {
        let bytes = Data(Array("<html><head><meta charset=\"windows-1252\"></head>".utf8) + [0x80])
        #expect(TextDecoder.decode(bytes, contentType: "text/html").hasSuffix("€"))
        let equiv = Data(Array("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=Shift_JIS'>".utf8) + [131, 88])
        #expect(TextDecoder.decode(equiv, contentType: "text/html").hasSuffix("ス"))
        #expect(TextDecoder.detectedCharset(equiv, contentType: nil) == "shift_jis")
    }

    @Test func metaIgnoresCommentsAndNonCharsetContent() {
        let bytes = Data(Array("<!-- <meta charset=koi8-r> --><meta name=description content=\"charset=big5\">é".utf8))
        #expect(TextDecoder.detectedCharset(bytes, contentType: nil) == "utf-8")
        #expect(TextDecoder.decode(bytes, contentType: nil).hasSuffix("é"))
    }

    @Test func utf16MetaInAnASCIIDocumentMeansUTF8() {
        let bytes = Data(Array("<meta charset=\"utf-16\">caf".utf8) + [0xC3, 0xA9])
        #expect(TextDecoder.detectedCharset(bytes, contentType: "text/html") == "utf-8")
        #expect(TextDecoder.decode(bytes, contentType: "text/html").hasSuffix("café"))
    }

    @Test func metaBeyondTheFirst1024BytesIsIgnored() {
        let bytes = Data(Array(repeating: UInt8(ascii: " "), count: 1100) + Array("<meta charset=shift_jis>".utf8) + [0x93])
        #expect(TextDecoder.detectedCharset(bytes, contentType: nil) == "windows-1252")
        #expect(TextDecoder.decode(bytes, contentType: nil).hasSuffix("“"))
    }

    // MARK: Bad input

    @Test func invalidUTF8FallsBackToWindows1252() {
        #expect(TextDecoder.decode(Data([0x41, 0x93, 0x42, 0x94]), contentType: nil) == "A“B”")
        #expect(TextDecoder.detectedCharset(Data([0x41, 0x93]), contentType: nil) == "windows-1252")
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        // Shift_JIS lead 0x83 followed by 0x20 (not a trail byte), then a lone 0xFF.
        let sjis = TextDecoder.decode(Data([0x41, 0x83, 0x20, 0x42, 0xFF, 0x43]), contentType: "text/html; charset=shift_jis")
        #expect(sjis == "A\u{FFFD} B\u{FFFD}C")
        let utf8 = TextDecoder.decode(Data([0x61, 0xC3, 0x28, 0x62]), contentType: "text/html; charset=utf-8")
        #expect(utf8 == "a\u{FFFD}(b")
        let lone = TextDecoder.decode(Data([0x00, 0xD8, 0x41, 0x00]), contentType: "text/html; charset=utf-16le")
        #expect(lone == "\u{FFFD}A")
    }

    @Test func truncatedMultibyteSequenceAtTheEnd() {
        #expect(TextDecoder.decode(Data([0x41, 147, 250, 150]), contentType: "text/html; charset=shift_jis") == "A日\u{FFFD}")
        #expect(TextDecoder.decode(Data([0x41, 148, 57, 252]), contentType: "text/html; charset=gb18030") == "A\u{FFFD}")
        #expect(TextDecoder.decode(Data([0x41, 0x00, 0x42]), contentType: "text/html; charset=utf-16le") == "A\u{FFFD}")
    }

    @Test func unknownLabelFallsBack() {
        let bytes = Data([0x63, 0x61, 0x66, 0xE9])
        #expect(Charset.decode(bytes, label: "x-no-such-charset") == nil)
        #expect(TextDecoder.decode(bytes, contentType: "text/html; charset=x-no-such-charset") == "café")
        #expect(TextDecoder.detectedCharset(Data("plain".utf8), contentType: "text/html; charset=bogus") == "utf-8")
    }

    @Test func emptyBodies() {
        #expect(TextDecoder.decode(Data(), contentType: nil) == "")
        #expect(TextDecoder.decode(Data(), contentType: "text/html; charset=shift_jis") == "")
        #expect(TextDecoder.decode(Data([0xFF, 0xFE]), contentType: nil) == "")
    }

    @Test func decodesHalfAMegabyte() {
        let unit: [UInt8] = [0x3C, 0x70, 0x3E, 147, 250, 150, 123, 140, 234, 0x3C, 0x2F, 0x70, 0x3E, 0x0A]  // "<p>日本語</p>\n"
        let bytes = Data((0..<(500_000 / unit.count)).flatMap { _ in unit })
        let text = TextDecoder.decode(bytes, contentType: "text/html; charset=shift_jis")
        #expect(text.hasPrefix("<p>日本語</p>\n"))
        #expect(text.utf8.count == bytes.count / unit.count * 17)
    }
}
