import Testing
@testable import Reports

/// A small RFC 4180 parser, independent of the writer, to read the gradebook back.
enum CSVParser {
    struct Malformed: Error { let message: String }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var fieldStarted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.unicodeScalars.append("\"") } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard !fieldStarted else { throw Malformed(message: "quote inside an unquoted field") }
                inQuotes = true
                fieldStarted = true
            case ",":
                row.append(field); field = ""; fieldStarted = false
            case "\r":
                guard scalars.first == "\n" else { throw Malformed(message: "bare CR") }
                scalars.removeFirst()
                row.append(field); rows.append(row)
                row = []; field = ""; fieldStarted = false
            case "\n":
                throw Malformed(message: "bare LF line end")
            default:
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        guard !inQuotes else { throw Malformed(message: "unterminated quote") }
        if fieldStarted || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

@Suite struct GradebookCSVTests {
    @Test func roundTripsThroughAnRFC4180Parser() throws {
        let csv = GradebookCSVWriter().render(SampleResults.batch)
        #expect(!csv.hasPrefix("\u{FEFF}"))
        #expect(csv.hasSuffix("\r\n"))
        let rows = try CSVParser.parse(csv)
        #expect(rows.count == 4)
        #expect(rows[0] == ["Student", "ID", "Q1", "Q3", "Q5", "Total"])
        #expect(rows.allSatisfy { $0.count == 6 })
        #expect(rows[1] == ["alice", "1001", "2", "2", "0", "4"])
        // Formula-looking text is neutralised; everything else survives quoting unchanged.
        #expect(rows[2][0] == "'" + SampleResults.partial.studentName)
        #expect(rows[2][1] == "'-42")
        #expect(rows[2][2...] == ["0.75", "0.3", "1.5", "2.55"])
        // A sheet that failed to grade has no scores rather than zeros.
        #expect(rows[3] == ["carol", "", "", "", "", ""])
    }

    @Test func quotingAndInjectionGuards() throws {
        #expect(GradebookCSVWriter.field("plain") == "plain")
        #expect(GradebookCSVWriter.field("a,b") == "\"a,b\"")
        #expect(GradebookCSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(GradebookCSVWriter.field("two\nlines") == "\"two\nlines\"")
        for dangerous in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(GradebookCSVWriter.textCell(dangerous).hasPrefix("'"))
        }
        #expect(GradebookCSVWriter.textCell("Zoë") == "Zoë")
        var weird = SampleResults.failed
        weird.studentName = "line1\r\nline2, \"quoted\""
        let rows = try CSVParser.parse(GradebookCSVWriter().render(BatchResult(rubric: "r", submissions: [weird])))
        #expect(rows[1][0] == "line1\r\nline2, \"quoted\"")
    }

    @Test func optionalByteOrderMarkForExcel() throws {
        let csv = GradebookCSVWriter(byteOrderMark: true).render(SampleResults.batch)
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        let rows = try CSVParser.parse(String(csv.unicodeScalars.dropFirst()))
        #expect(rows[0].first == "Student")
    }
}
