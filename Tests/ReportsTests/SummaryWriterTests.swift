import Foundation
import Testing
@testable import Reports

@Suite struct SummaryWriterTests {
    @Test func textTableIsAlignedWithTotalsAndStatistics() throws {
        let text = SummaryTextWriter().render(SampleResults.batch)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("Student"))
        #expect(lines[0].split(separator: " ") == ["Student", "Q1", "Q3", "Q5", "Total", "%"])
        // No terminal escapes or other control characters from the student's name.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let alice = try #require(lines.first { $0.hasPrefix("alice") })
        #expect(alice.split(separator: " ").map(String.init) == ["alice", "2", "2", "0", "4", "100"])
        let bob = try #require(lines.first { $0.hasPrefix("=cmd") })
        #expect(bob.split(separator: " ").suffix(5) == ["0.75", "0.3", "1.5", "2.55", "42.5"])
        #expect(bob.contains("…"))  // the long name is cut
        // Right-aligned numeric columns end at the same display column.
        #expect(TerminalText.width(alice) == TerminalText.width(bob))
        #expect(TerminalText.width(alice) == TerminalText.width(lines[0]))
        let carol = try #require(lines.first { $0.hasPrefix("carol") })
        #expect(carol.contains("ERROR: cannot read the sheet"))
        // Mean and median cover the two graded sheets only.
        let mean = try #require(lines.first { $0.hasPrefix("mean") })
        #expect(mean.split(separator: " ").map(String.init) == ["mean", "1.38", "1.15", "0.75", "3.28"])
        let median = try #require(lines.first { $0.hasPrefix("median") })
        #expect(median.split(separator: " ").map(String.init).first == "median")
        #expect(lines.last == "2 graded, 1 could not be graded")
    }

    @Test func markdownSummaryIsAGitHubTable() throws {
        let md = SummaryMarkdownWriter().render(SampleResults.batch)
        let rows = md.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows[0] == "| Student | Q1 | Q3 | Q5 | Total | % |")
        #expect(rows[1] == "| --- | ---: | ---: | ---: | ---: | ---: |")
        #expect(rows.count == 2 + 3 + 2)
        // Every row has as many cells as the header, even with a `|` in a student's name.
        for row in rows {
            let cells = row.replacingOccurrences(of: "\\|", with: "").split(separator: "|", omittingEmptySubsequences: false)
            #expect(cells.count == 8, "\(row)")
        }
        #expect(md.contains("| alice | 2 | 2 | 0 | 4 | 100 |"))
        #expect(!md.contains("<b>"))
    }

    @Test func appendsToTheGitHubStepSummaryFile() throws {
        let dir = try SampleResults.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("step_summary.md")
        try Data("earlier step\n".utf8).write(to: file)
        let writer = SummaryMarkdownWriter()
        #expect(try writer.appendToGitHubStepSummary(SampleResults.batch, environment: ["GITHUB_STEP_SUMMARY": file.path]))
        #expect(try !writer.appendToGitHubStepSummary(SampleResults.batch, environment: [:]))
        let content = try String(contentsOf: file, encoding: .utf8)
        #expect(content.hasPrefix("earlier step\n## Grading summary"))
    }

    @Test func statistics() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 2, 3]) == 2.5)
        #expect(Statistics.mean([]) == nil)
        #expect(TerminalText.width("🙂a") == 3)
        #expect(TerminalText.width("漢字") == 4)
        #expect(TerminalText.width("e\u{301}") == 1)
    }
}
