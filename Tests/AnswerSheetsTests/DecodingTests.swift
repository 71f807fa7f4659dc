import Foundation
import Testing
@testable import AnswerSheets

/// The same small sheet saved in every encoding students' editors produce must read the same.
@Suite struct DecodingTests {
    @Test(arguments: [
        ("encoding-utf8.txt", "utf-8"),
        ("encoding-utf8-bom.txt", "utf-8"),
        ("encoding-utf16le-bom.txt", "utf-16le"),
        ("encoding-utf16be-bom.txt", "utf-16be"),
        ("encoding-windows1252-crlf.txt", "windows-1252"),
        ("encoding-cr-only.txt", "utf-8"),
    ])
    func everyEncodingReadsTheSame(file: String, encoding: String) throws {
        let sheet = try TestSupport.readFixture(file)
        #expect(sheet.encoding == encoding)
        #expect(sheet.ids == ["Q1", "Q3"])
        #expect(sheet.question("Q1")?.heading == "Q1. What is multiprocessing?")
        #expect(sheet.question("Q1")?.prose == "Processes run in parallel \u{2013} each with its own memory, \u{201C}truly\u{201D} separate. Café.")
        let cell = try #require(sheet.question("Q3")?.cells.first)
        // The tab indentation is kept as it was.
        #expect(cell.code == "import multiprocessing\ndef f():\n\tprint(\"child\")\np = multiprocessing.Process(target=f)\np.start()\np.join()")
        #expect(cell.recordedOutput == "child")
        #expect(cell.line == 6)
    }

    @Test func windows1252IsReportedAsAFallback() throws {
        let sheet = try TestSupport.readFixture("encoding-windows1252-crlf.txt")
        #expect(sheet.warnings.contains("not valid UTF-8; decoded as Windows-1252"))
    }

    @Test func utf16WithoutBOMIsRecognisedByItsNULs() throws {
        let data = Data("Q1. Processes have their own memory.\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let sheet = try TestSupport.reader().read(data: data, name: "nobom.txt")
        #expect(sheet.encoding == "utf-16le")
        #expect(sheet.question("Q1")?.prose == "Processes have their own memory.")
    }

    @Test func emptySheetGivesNoQuestionsAndAWarning() throws {
        for name in ["bad-empty.txt", "bad-blank-lines.md"] {
            let sheet = try TestSupport.readFixture(name)
            #expect(sheet.questions.isEmpty)
            #expect(sheet.preamble == nil)
            #expect(sheet.warnings == ["the sheet is empty"])
        }
    }

    @Test func pdfIsRefusedWithItsKindNamed() throws {
        let error = #expect(throws: SheetReadError.self) { try TestSupport.readFixture("bad-pdf.txt") }
        #expect(error?.kind == .binary)
        #expect(error?.description == "bad-pdf.txt: this is a PDF document, not a text answer sheet; export the notebook as .ipynb, .md or .txt")
    }

    @Test func nulBytesAreBinary() throws {
        let error = #expect(throws: SheetReadError.self) { try TestSupport.readFixture("bad-nul.txt") }
        #expect(error?.kind == .binary)
        #expect(error?.description.hasPrefix("bad-nul.txt: ") == true)
    }

    @Test func randomBytesAreUndecodable() throws {
        let error = #expect(throws: SheetReadError.self) { try TestSupport.readFixture("bad-random.bin") }
        #expect(error?.kind == .undecodable)
        #expect(error?.description.contains("bad-random.bin") == true)
    }

    @Test func controlCharacterSoupIsRefused() throws {
        let data = Data((0..<400).map { UInt8(1 + $0 % 8) })
        let error = #expect(throws: SheetReadError.self) { try TestSupport.reader().read(data: data, name: "soup.txt") }
        #expect(error?.kind == .binary)
    }

    @Test func oversizedSheetIsRefusedBeforeReading() throws {
        let reader = try TestSupport.reader(maxBytes: 100)
        let url = try TestSupport.fixtureURL("encoding-utf8.txt")
        let error = #expect(throws: SheetReadError.self) { try reader.read(fileAt: url, name: "big.txt") }
        #expect(error?.kind == .tooLarge)
        #expect(error?.description == "big.txt: is 244 bytes, over the 100 bytes limit for a sheet (raise it with --max-bytes)")
        // The default limit is 5 MB.
        let huge = Data(repeating: 0x41, count: SheetReader.Options.defaultMaxBytes + 1)
        let hugeError = #expect(throws: SheetReadError.self) { try TestSupport.reader().read(data: huge, name: "huge.txt") }
        #expect(hugeError?.description == "huge.txt: is 5.0 MB, over the 5 MB limit for a sheet (raise it with --max-bytes)")
    }

    @Test func missingFileIsAClearError() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("submissions/does-not-exist.txt")
        let error = #expect(throws: SheetReadError.self) { try TestSupport.reader().read(fileAt: url, name: "does-not-exist.txt") }
        #expect(error?.kind == .unreadable)
        #expect(error?.description.hasPrefix("does-not-exist.txt: cannot be read") == true)
    }

    @Test func windows1252HighBytesMapToTheirCharacters() {
        #expect(Windows1252.decode([0x80, 0x93, 0x94, 0x96, 0xE9]) == "\u{20AC}\u{201C}\u{201D}\u{2013}é")
    }

    @Test func lineSplitterHandlesEveryLineEnd() {
        let lines = LineSplitter.split("a\r\nb\rc\nd\u{0C}e  \n\u{1B}[0;31mred\u{1B}[0m")
        #expect(lines.map(\.text) == ["a", "b", "c", "d", "e", "red"])
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5, 6])
    }
}
