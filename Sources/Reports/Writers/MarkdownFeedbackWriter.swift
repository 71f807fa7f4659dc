/// Feedback for one student in Markdown: a score table, then per question what earned
/// points (quoting the student's words), what is missing (with the rubric's hint), any
/// misconceptions, every code check, and every code cell with its output, the recorded output
/// where it differs, and the repair note.
///
/// All student text is escaped (inline) or fenced (code and output), so a sheet cannot inject
/// Markdown or HTML into its own feedback. Hidden checks show only pass/fail and points.
public struct MarkdownFeedbackWriter: Sendable {
    public init() {}

    public func render(_ submission: SubmissionResult, rubric: String? = nil) -> String {
        var out = "# Feedback: \(MarkdownText.inline(submission.studentName))\n\n"
        out += "- File: \(MarkdownText.inline(submission.file))\n"
        if let rubric { out += "- Rubric: \(MarkdownText.inline(rubric))\n" }
        out += "- Score: **\(ScoreFormat.fraction(submission.score, of: submission.max))**"
        out += " (\(ScoreFormat.percent(submission.score, of: submission.max)))\n\n"
        if let error = submission.error {
            out += "> **This sheet could not be graded completely:** \(MarkdownText.inline(error))\n\n"
        }
        if !submission.warnings.isEmpty {
            out += "## Reading your sheet\n\n"
            for warning in submission.warnings { out += "- \(MarkdownText.inline(warning))\n" }
            out += "\n"
        }
        if !submission.questions.isEmpty {
            out += scoreTable(submission)
            for question in submission.questions {
                out += section(question)
            }
        }
        return out
    }

    private func scoreTable(_ submission: SubmissionResult) -> String {
        var out = "## Scores by question\n\n| Question | Score | Max |\n| --- | ---: | ---: |\n"
        for q in submission.questions {
            out += "| \(MarkdownText.inline(q.id)) | \(ScoreFormat.text(q.score)) | \(ScoreFormat.text(q.max)) |\n"
        }
        out += "| **Total** | **\(ScoreFormat.text(submission.score))** | **\(ScoreFormat.text(submission.max))** |\n\n"
        return out
    }

    private func section(_ q: QuestionResult) -> String {
        var heading = MarkdownText.inline(q.id)
        if let title = q.title, !title.isEmpty { heading += ": \(MarkdownText.inline(title))" }
        return "## \(heading) (\(ScoreFormat.fraction(q.score, of: q.max)))\n\n" + details(q)
    }

    /// Everything about a question below its heading; Gradescope's per-test output reuses it.
    func details(_ q: QuestionResult) -> String {
        var out = ""
        for line in q.feedback {
            out += "- \(MarkdownText.inline(line))\n"
        }
        if !q.feedback.isEmpty { out += "\n" }
        if let concepts = q.concepts { out += conceptsSection(concepts) }
        if let execution = q.execution { out += executionLine(execution, showOutput: q.cells.isEmpty) }
        if !q.checks.isEmpty { out += checksSection(q.checks) }
        for (index, cell) in q.cells.enumerated() {
            out += cellSection(cell, number: index + 1, count: q.cells.count)
        }
        return out
    }

    private func conceptsSection(_ c: ConceptResults) -> String {
        var out = ""
        if !c.earned.isEmpty {
            out += "### What earned points\n\n"
            for e in c.earned {
                out += "- **\(MarkdownText.inline(e.id))** (+\(ScoreFormat.text(e.points))): you wrote"
                out += " “\(MarkdownText.inline(DisplayText.clipInline(e.quote, limit: DisplayText.quoteLimit)))”"
                if !e.match.isEmpty { out += " (\(MarkdownText.inline(e.match)))" }
                out += "\n"
            }
            out += "\n"
        }
        if !c.missing.isEmpty {
            out += "### What is missing\n\n"
            for m in c.missing {
                out += "- **\(MarkdownText.inline(m.id))** (\(ScoreFormat.text(m.points)) \(points(m.points))): \(MarkdownText.inline(m.hint))\n"
            }
            out += "\n"
        }
        if !c.misconceptions.isEmpty {
            out += "### Misconceptions\n\n"
            for m in c.misconceptions {
                out += "- **\(MarkdownText.inline(m.id))** (−\(ScoreFormat.text(m.points))): you wrote “\(MarkdownText.inline(DisplayText.clipInline(m.quote, limit: DisplayText.quoteLimit)))”\n"
            }
            out += "\n"
        }
        return out
    }

    private func executionLine(_ e: ExecutionResult, showOutput: Bool) -> String {
        var out = "Run: **\(e.status.rawValue)**, the code \(e.status.explanation)"
        if let exception = e.exception { out += " (\(MarkdownText.inline(exception)))" }
        out += "; \(e.processes) child \(e.processes == 1 ? "process" : "processes") started.\n\n"
        if showOutput, !e.stdout.isEmpty {
            out += "Output:\n\n" + MarkdownText.fenced(DisplayText.clip(e.stdout, limit: DisplayText.outputLimit), language: "text") + "\n"
        }
        return out
    }

    private func checksSection(_ checks: [CheckResult]) -> String {
        var out = "### Checks\n\n"
        for (index, check) in checks.enumerated() {
            let mark = check.passed ? "✅" : "❌"
            let score = ScoreFormat.fraction(check.earned, of: check.points)
            if check.hidden {
                out += "- \(mark) Hidden check \(index + 1) (\(score)): \(check.passed ? "passed" : "failed")\n"
                continue
            }
            out += "- \(mark) \(MarkdownText.inline(check.name)) (\(score))"
            if let feedback = check.feedback, !feedback.isEmpty { out += ": \(MarkdownText.inline(feedback))" }
            out += "\n"
            if !check.passed {
                if let expected = check.expected { out += detail("Expected", expected) }
                if let actual = check.actual { out += detail("Got", actual) }
            }
        }
        return out + "\n"
    }

    /// A labelled value under a list item: inline when short and on one line, else fenced.
    private func detail(_ label: String, _ fullValue: String) -> String {
        let value = DisplayText.clip(fullValue, limit: DisplayText.valueLimit)
        if !value.contains(where: \.isNewline), value.count <= 100 {
            return "  - \(label): \(MarkdownText.inline(value))\n"
        }
        let block = MarkdownText.fenced(value).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "    \($0)" }.joined(separator: "\n")
        return "  - \(label):\n\n\(block)\n"
    }

    private func cellSection(_ cell: CellResult, number: Int, count: Int) -> String {
        var out = count == 1 ? "### Code cell\n\n" : "### Code cell \(number) of \(count)\n\n"
        out += MarkdownText.fenced(DisplayText.clip(cell.code, limit: DisplayText.codeLimit), language: "python") + "\n"
        if let repair = cell.repair {
            out += "> **Repaired before running** (\(MarkdownText.inline(repair.kind))): \(MarkdownText.inline(repair.description))."
            out += " The repaired copy ran with status **\(repair.statusAfter.rawValue)**.\n\n"
        }
        out += "Output when the grader ran it:\n\n"
        out += MarkdownText.fenced(cell.stdout.isEmpty ? "(no output)" : DisplayText.clip(cell.stdout, limit: DisplayText.outputLimit), language: "text") + "\n"
        if !cell.stderr.isEmpty {
            out += "Errors:\n\n" + MarkdownText.fenced(DisplayText.clip(cell.stderr, limit: DisplayText.outputLimit), language: "text") + "\n"
        }
        if let recorded = cell.recordedOutput {
            if cell.recordedMatches == false {
                out += "Your recorded output **differs** from the run:\n\n"
                out += MarkdownText.fenced(recorded.isEmpty ? "(empty)" : DisplayText.clip(recorded, limit: DisplayText.outputLimit), language: "text") + "\n"
            } else if cell.recordedMatches == true {
                out += "Your recorded output matches the run.\n\n"
            }
        }
        return out
    }

    private func points(_ value: Double) -> String {
        value == 1 ? "point" : "points"
    }
}
