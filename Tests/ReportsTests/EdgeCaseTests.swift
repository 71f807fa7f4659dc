import Foundation
import Testing
@testable import Reports

@Suite struct EdgeCaseTests {
    @Test func emptyBatchGivesValidEmptyReports() throws {
        let empty = BatchResult(rubric: "r", submissions: [])
        #expect(try CSVParser.parse(GradebookCSVWriter().render(empty)) == [["Student", "ID", "Total"]])
        let junit = try XMLNode.parse(Data(JUnitXMLWriter().render(empty).utf8))
        #expect(junit.all("testsuite").isEmpty)
        #expect(junit.attributes["tests"] == "0")
        #expect(SummaryTextWriter().render(empty).hasSuffix("0 graded\n"))
        #expect(SummaryMarkdownWriter().render(empty).contains("| Student | Total | % |"))
        #expect(try ResultsJSONWriter().decode(ResultsJSONWriter().render(empty)) == empty)
        #expect(try BatchResult.merge([empty, empty]) == empty)
    }

    @Test func floodedOutputIsClippedInFeedbackButKeptInJSON() throws {
        let flood = String(repeating: "spam\n", count: 50_000)
        let q = QuestionResult(
            id: "Q6", kind: .code, score: 0, max: 2,
            execution: ExecutionResult(status: .limit, stdout: flood, processes: 0),
            cells: [CellResult(code: "while True: print('spam')", stdout: flood)]
        )
        let s = SubmissionResult.summing(file: "flood.txt", questions: [q])
        let md = MarkdownFeedbackWriter().render(s)
        let html = HTMLFeedbackWriter().render(s)
        #expect(md.count < 30_000)
        #expect(html.count < 40_000)
        #expect(md.contains("more characters not shown"))
        #expect(html.contains("more characters not shown"))
        #expect(md.contains("Run: **limit**"))
        let decoded = try ResultsJSONWriter().decode(ResultsJSONWriter().render(BatchResult(rubric: "r", submissions: [s])))
        #expect(decoded.submissions[0].questions[0].cells[0].stdout == flood)
    }

    @Test func multiLineExpectedValuesAreFencedUnderTheirCheck() {
        let check = CheckResult(name: "prints squares", points: 1, earned: 0, passed: false,
                                expected: "[0, 1, 4]\n[9, 16]", actual: "```\nnothing")
        let q = QuestionResult(id: "Q3", kind: .code, score: 0, max: 1, checks: [check])
        let md = MarkdownFeedbackWriter().render(.summing(file: "a.txt", questions: [q]))
        #expect(md.contains("  - Expected:\n\n    ```\n    [0, 1, 4]\n    [9, 16]\n    ```\n"))
        #expect(md.contains("  - Got:\n\n    ````\n    ```\n    nothing\n    ````\n"))
    }

    @Test func markdownEscapingNeutralisesInlineSyntax() {
        #expect(MarkdownText.inline("**bold** [link](http://x) `code` a|b <i>") == "\\*\\*bold\\*\\* \\[link\\](http://x) \\`code\\` a\\|b &lt;i&gt;")
        #expect(MarkdownText.inline("two\nlines\r\nhere") == "two lines here")
        #expect(MarkdownText.fenced("a ```` b").hasPrefix("`````\n"))
    }

    @Test func htmlEscapingCoversAttributesAndControls() {
        #expect(HTMLText.escape("<a href=\"x\" onclick='y'>&</a>") == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTMLText.escape("a\u{0}b\u{1B}c\u{85}d") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d")
        #expect(HTMLText.escape("x\r\ny") == "x\ny")
    }
}

@Suite struct EscapingDetailTests {
    @Test func lineEndsAndCombiningMarks() {
        #expect(HTMLText.escape("a\rb\r\nc\nd") == "a\nb\nc\nd")
        #expect(MarkdownText.inline("a\r\nb") == "a b")
        // "<" + COMBINING LONG SOLIDUS OVERLAY is one Character; the "<" must still be escaped.
        #expect(MarkdownText.inline("<\u{338}script>").unicodeScalars.starts(with: "&lt;".unicodeScalars))
        #expect(HTMLText.escape("<\u{338}script>").unicodeScalars.starts(with: "&lt;".unicodeScalars))
        #expect(GradebookCSVWriter.textCell("  =1+1") == "'  =1+1")
        #expect(GradebookCSVWriter.textCell("Ann-Marie") == "Ann-Marie")
    }
}

@Suite struct ExecutionOnlyTests {
    @Test func runOutputShownWhenThereAreNoCells() {
        let q = QuestionResult(id: "Q4", kind: .code, score: 0, max: 1,
                               execution: ExecutionResult(status: .blocked, exception: "PermissionError", stdout: "<b>1</b>\n", processes: 1))
        let s = SubmissionResult.summing(file: "a.txt", questions: [q])
        let md = MarkdownFeedbackWriter().render(s)
        #expect(md.contains("Run: **blocked**, the code was stopped: it tried something the grader does not allow"))
        #expect(md.contains("(PermissionError); 1 child process started."))
        #expect(md.contains("Output:\n\n```text\n<b>1</b>\n```\n"))
        let html = HTMLFeedbackWriter().render(s)
        #expect(html.contains("<pre class=\"output\">&lt;b&gt;1&lt;/b&gt;\n</pre>"))
        #expect(HTMLStructureTests.unbalancedTags(html) == [])
    }
}
