import Foundation
import Testing
@testable import Reports

@Suite struct HTMLFeedbackTests {
    @Test func everyQuestionAndNoUnescapedStudentMarkup() {
        let html = HTMLFeedbackWriter().render(SampleResults.partial, rubric: SampleResults.rubric)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for q in SampleResults.partial.questions {
            #expect(html.contains("<h2>\(q.id)"))
            #expect(html.contains("<th scope=\"row\"><a href=\"#q"))
        }
        #expect(html.components(separatedBy: "<section class=\"question\"").count == 4)
        // Student markup appears only escaped.
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("</pre><script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("=cmd|&#39; /C calc&#39;!A0 &lt;b&gt;Bob&lt;/b&gt; &quot;the&quot; 🙂, Jr."))
        // Control characters never reach the page.
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(!html.unicodeScalars.contains("\u{7F}"))
    }

    @Test func selfContainedAndPrintable() {
        let html = HTMLFeedbackWriter().render(SampleResults.fullMarks)
        #expect(html.contains("<style>"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }

    @Test func showsConceptsChecksCellsAndRepairs() {
        let html = HTMLFeedbackWriter().render(SampleResults.partial)
        #expect(html.contains("What earned points"))
        #expect(html.contains("What is missing"))
        #expect(html.contains("Say that each process has its own memory."))
        #expect(html.contains("Misconceptions"))
        #expect(html.contains("threads are &lt;b&gt;processes&lt;/b&gt;"))
        #expect(html.contains("Repaired before running"))
        #expect(html.contains("re-indented the body of `if __name__`"))
        #expect(html.contains("differs"))
        #expect(html.contains("<dt>Expected</dt><dd><pre>no exception</pre></dd>"))
        #expect(html.contains("Hidden check 2"))
        #expect(!html.contains("SECRET"))
        #expect(html.contains("timeout"))
    }

    @Test func failedSheet() {
        let html = HTMLFeedbackWriter().render(SampleResults.failed)
        #expect(html.contains("could not be graded"))
        #expect(html.contains("]]&gt; &lt;x&gt;"))
    }
}

@Suite struct MarkdownFeedbackTests {
    let md = MarkdownFeedbackWriter().render(SampleResults.partial, rubric: SampleResults.rubric)

    @Test func scoresByQuestionAndTotal() {
        #expect(md.contains("| Q1 | 0.75 | 2 |"))
        #expect(md.contains("| Q3 | 0.3 | 2 |"))
        #expect(md.contains("| **Total** | **2.55** | **6** |"))
        #expect(md.contains("## Q1: What is multiprocessing? (0.75/2)"))
        #expect(md.contains("## Q5 (1.5/2)"))
    }

    @Test func conceptsQuotedMissingWithHints() {
        #expect(md.contains("### What earned points"))
        #expect(md.contains("- **parallelism** (+1): you wrote “&lt;script&gt;alert('x')&lt;/script&gt; \\]\\]&gt;"))
        #expect(md.contains("- **separate-memory** (0.75 points): Say that each process has its own memory."))
        #expect(md.contains("### Misconceptions"))
        #expect(md.contains("threads are &lt;b&gt;processes&lt;/b&gt;"))
    }

    @Test func cellsOutputRecordedDifferenceAndRepair() {
        #expect(md.contains("Output when the grader ran it:"))
        #expect(md.contains("Your recorded output **differs** from the run:"))
        #expect(md.contains("4 processes <img src=x onerror=alert(1)>"))  // verbatim, inside a fence
        #expect(md.contains("**Repaired before running** (indentation)"))
        // The code contains a ``` line, so its fence must be longer.
        #expect(md.contains("````python\nprint('</pre><script>x</script>')\n```\nProces()\n````\n"))
        #expect(md.contains("- ❌ runs without error (0/1): Fix the NameError."))
        #expect(md.contains("  - Expected: no exception"))
        #expect(md.contains("Hidden check 2 (0.3/1): failed"))
        #expect(!md.contains("SECRET"))
    }

    @Test func noRawStudentHTMLOutsideFences() {
        // Strip fenced blocks, then no student tag may remain.
        var outside = ""
        var fence: String?
        for line in md.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let f = fence {
                if trimmed == f { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") {
                fence = String(trimmed.prefix { $0 == "`" })
                continue
            }
            outside += line + "\n"
        }
        #expect(fence == nil)
        #expect(!outside.contains("<script"))
        #expect(!outside.contains("<b>"))
        #expect(!outside.unicodeScalars.contains("\u{1B}"))
        #expect(outside.contains("# Feedback: =cmd\\|' /C calc'!A0 &lt;b&gt;Bob&lt;/b&gt;"))
    }

    @Test func fullMarksAndFailedSheets() {
        let full = MarkdownFeedbackWriter().render(SampleResults.fullMarks)
        #expect(full.contains("Score: **4/4** (100%)"))
        #expect(full.contains("Your recorded output matches the run."))
        #expect(full.contains("you wrote “run in parallel” (synonym of \"parallelism\")"))
        let failed = MarkdownFeedbackWriter().render(SampleResults.failed)
        #expect(failed.contains("This sheet could not be graded completely"))
        #expect(!failed.contains("## Scores by question"))
    }
}

@Suite struct HTMLStructureTests {
    /// Every `<` on the page is the writer's own markup (student text is escaped), so a simple
    /// stack of tag names must balance exactly.
    static func unbalancedTags(_ html: String) -> [String] {
        let void: Set<String> = ["meta", "br", "img", "hr", "link", "input", "!doctype"]
        var stack: [String] = []
        var problems: [String] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { problems.append("unterminated tag"); break }
            let inner = rest[rest.index(after: open)..<close]
            let closing = inner.hasPrefix("/")
            let name = inner.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
            if closing {
                if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes \(stack.last ?? "nothing")") }
            } else if !void.contains(name) {
                stack.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        return problems + stack.map { "<\($0)> never closed" }
    }

    @Test func pagesAreWellNested() {
        for s in SampleResults.batch.submissions {
            let html = HTMLFeedbackWriter().render(s, rubric: SampleResults.rubric)
            #expect(Self.unbalancedTags(html) == [], "\(s.file)")
        }
    }
}

/// What the reader noticed reaches the student (escaped) and the JSON, and only when there is
/// something to say.
@Suite struct SheetWarningTests {
    var warned: SubmissionResult {
        var result = SampleResults.fullMarks
        result.warnings = ["Q3 answered twice (lines 22 and 86); the answers were merged", SampleResults.hostile]
        return result
    }

    @Test func markdownAndHTMLListTheWarnings() {
        let markdown = MarkdownFeedbackWriter().render(warned)
        #expect(markdown.contains("## Reading your sheet\n\n- Q3 answered twice (lines 22 and 86); the answers were merged\n"))
        let html = HTMLFeedbackWriter().render(warned)
        #expect(html.contains("<h2>Reading your sheet</h2>"))
        #expect(html.contains("<li>Q3 answered twice (lines 22 and 86); the answers were merged</li>"))
        #expect(!html.contains("<script"))
        #expect(!MarkdownFeedbackWriter().render(SampleResults.fullMarks).contains("Reading your sheet"))
    }

    @Test func jsonCarriesWarningsOnlyWhenThereAreSome() throws {
        let data = try JSONEncoder().encode(warned)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["warnings"] as? [String])?.count == 2)
        #expect(try JSONDecoder().decode(SubmissionResult.self, from: data) == warned)
        let plain = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(SampleResults.fullMarks)) as? [String: Any])
        #expect(plain["warnings"] == nil)
    }
}
