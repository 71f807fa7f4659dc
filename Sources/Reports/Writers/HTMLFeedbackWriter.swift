/// Feedback for one student as a single self-contained HTML page: inline CSS, no scripts, no
/// external assets (it opens from a zip, an LMS attachment or a USB stick), and a print style
/// so it prints cleanly (no backgrounds needed to read it, sections kept together).
///
/// It carries the same content as `MarkdownFeedbackWriter`. Every piece of student text goes
/// through `HTMLText.escape`; the only markup on the page is the writer's own.
public struct HTMLFeedbackWriter: Sendable {
    public init() {}

    public func render(_ submission: SubmissionResult, rubric: String? = nil) -> String {
        let name = HTMLText.escape(submission.studentName)
        var body = "<header>\n<h1>Feedback: \(name)</h1>\n<dl class=\"meta\">\n"
        body += "<dt>File</dt><dd><code>\(HTMLText.escape(submission.file))</code></dd>\n"
        if let rubric { body += "<dt>Rubric</dt><dd>\(HTMLText.escape(rubric))</dd>\n" }
        body += "<dt>Score</dt><dd class=\"total\">\(ScoreFormat.fraction(submission.score, of: submission.max))"
        body += " (\(ScoreFormat.percent(submission.score, of: submission.max)))</dd>\n</dl>\n</header>\n"
        if let error = submission.error {
            body += "<p class=\"error\" role=\"alert\"><strong>This sheet could not be graded completely:</strong> \(HTMLText.escape(error))</p>\n"
        }
        if !submission.warnings.isEmpty {
            body += "<section class=\"warnings\">\n<h2>Reading your sheet</h2>\n<ul>\n"
            body += submission.warnings.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined()
            body += "</ul>\n</section>\n"
        }
        if !submission.questions.isEmpty {
            body += scoreTable(submission)
            for (index, q) in submission.questions.enumerated() {
                body += section(q, anchor: "q\(index + 1)")
            }
        }
        return page(title: "Feedback: \(name)", body: body)
    }

    private func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(title)</title>
        <style>\(Self.css)</style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    private func scoreTable(_ s: SubmissionResult) -> String {
        var out = "<table class=\"scores\">\n<caption>Scores by question</caption>\n"
        out += "<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Score</th><th scope=\"col\">Max</th></tr></thead>\n<tbody>\n"
        for (index, q) in s.questions.enumerated() {
            let cls = q.isFullMarks ? "full" : (q.score <= 0 ? "zero" : "partial")
            out += "<tr class=\"\(cls)\"><th scope=\"row\"><a href=\"#q\(index + 1)\">\(HTMLText.escape(q.id))</a></th>"
            out += "<td>\(ScoreFormat.text(q.score))</td><td>\(ScoreFormat.text(q.max))</td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th><td>\(ScoreFormat.text(s.score))</td><td>\(ScoreFormat.text(s.max))</td></tr></tfoot>\n</table>\n"
        return out
    }

    private func section(_ q: QuestionResult, anchor: String) -> String {
        var title = HTMLText.escape(q.id)
        if let t = q.title, !t.isEmpty { title += ": \(HTMLText.escape(t))" }
        var out = "<section class=\"question\" id=\"\(anchor)\">\n"
        out += "<h2>\(title) <span class=\"score\">\(ScoreFormat.fraction(q.score, of: q.max))</span></h2>\n"
        if !q.feedback.isEmpty {
            out += "<ul class=\"feedback\">\n" + q.feedback.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        if let c = q.concepts { out += concepts(c) }
        if let e = q.execution {
            out += "<p class=\"run\">Run: <strong>\(e.status.rawValue)</strong>, the code \(e.status.explanation)"
            if let ex = e.exception { out += " (<code>\(HTMLText.escape(ex))</code>)" }
            out += "; \(e.processes) child \(e.processes == 1 ? "process" : "processes") started.</p>\n"
            if q.cells.isEmpty, !e.stdout.isEmpty {
                out += "<h4>Output</h4>\n<pre class=\"output\">\(HTMLText.escape(DisplayText.clip(e.stdout, limit: DisplayText.outputLimit)))</pre>\n"
            }
        }
        if !q.checks.isEmpty { out += checks(q.checks) }
        for (index, cell) in q.cells.enumerated() {
            out += self.cell(cell, heading: q.cells.count == 1 ? "Code cell" : "Code cell \(index + 1) of \(q.cells.count)")
        }
        return out + "</section>\n"
    }

    private func concepts(_ c: ConceptResults) -> String {
        var out = ""
        if !c.earned.isEmpty {
            out += "<h3>What earned points</h3>\n<ul class=\"earned\">\n"
            for e in c.earned {
                out += "<li><strong>\(HTMLText.escape(e.id))</strong> (+\(ScoreFormat.text(e.points))): you wrote "
                out += "<q>\(HTMLText.escape(DisplayText.clipInline(e.quote, limit: DisplayText.quoteLimit)))</q>"
                if !e.match.isEmpty { out += " <span class=\"how\">(\(HTMLText.escape(e.match)))</span>" }
                out += "</li>\n"
            }
            out += "</ul>\n"
        }
        if !c.missing.isEmpty {
            out += "<h3>What is missing</h3>\n<ul class=\"missing\">\n"
            for m in c.missing {
                out += "<li><strong>\(HTMLText.escape(m.id))</strong> (\(ScoreFormat.text(m.points))): \(HTMLText.escape(m.hint))</li>\n"
            }
            out += "</ul>\n"
        }
        if !c.misconceptions.isEmpty {
            out += "<h3>Misconceptions</h3>\n<ul class=\"misconceptions\">\n"
            for m in c.misconceptions {
                out += "<li><strong>\(HTMLText.escape(m.id))</strong> (−\(ScoreFormat.text(m.points))): you wrote <q>\(HTMLText.escape(DisplayText.clipInline(m.quote, limit: DisplayText.quoteLimit)))</q></li>\n"
            }
            out += "</ul>\n"
        }
        return out
    }

    private func checks(_ checks: [CheckResult]) -> String {
        var out = "<h3>Checks</h3>\n<ul class=\"checks\">\n"
        for (index, check) in checks.enumerated() {
            let cls = check.passed ? "pass" : "fail"
            let mark = check.passed ? "✔" : "✘"
            let score = ScoreFormat.fraction(check.earned, of: check.points)
            if check.hidden {
                out += "<li class=\"\(cls)\">\(mark) Hidden check \(index + 1) (\(score)): \(check.passed ? "passed" : "failed")</li>\n"
                continue
            }
            out += "<li class=\"\(cls)\">\(mark) \(HTMLText.escape(check.name)) (\(score))"
            if let f = check.feedback, !f.isEmpty { out += ": \(HTMLText.escape(f))" }
            if !check.passed, check.expected != nil || check.actual != nil {
                out += "\n<dl class=\"compare\">"
                if let e = check.expected { out += "<dt>Expected</dt><dd><pre>\(HTMLText.escape(DisplayText.clip(e, limit: DisplayText.valueLimit)))</pre></dd>" }
                if let a = check.actual { out += "<dt>Got</dt><dd><pre>\(HTMLText.escape(DisplayText.clip(a, limit: DisplayText.valueLimit)))</pre></dd>" }
                out += "</dl>"
            }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }

    private func cell(_ cell: CellResult, heading: String) -> String {
        var out = "<div class=\"cell\">\n<h3>\(heading)</h3>\n<pre class=\"code\"><code>\(HTMLText.escape(DisplayText.clip(cell.code, limit: DisplayText.codeLimit)))</code></pre>\n"
        if let r = cell.repair {
            out += "<p class=\"repair\"><strong>Repaired before running</strong> (\(HTMLText.escape(r.kind))): \(HTMLText.escape(r.description)). "
            out += "The repaired copy ran with status <strong>\(r.statusAfter.rawValue)</strong>.</p>\n"
        }
        out += "<h4>Output when the grader ran it</h4>\n<pre class=\"output\">\(cell.stdout.isEmpty ? "<em>(no output)</em>" : HTMLText.escape(DisplayText.clip(cell.stdout, limit: DisplayText.outputLimit)))</pre>\n"
        if !cell.stderr.isEmpty {
            out += "<h4>Errors</h4>\n<pre class=\"stderr\">\(HTMLText.escape(DisplayText.clip(cell.stderr, limit: DisplayText.outputLimit)))</pre>\n"
        }
        if let recorded = cell.recordedOutput {
            if cell.recordedMatches == false {
                out += "<h4>Your recorded output <span class=\"differs\">differs</span> from the run</h4>\n"
                out += "<pre class=\"recorded\">\(recorded.isEmpty ? "<em>(empty)</em>" : HTMLText.escape(DisplayText.clip(recorded, limit: DisplayText.outputLimit)))</pre>\n"
            } else if cell.recordedMatches == true {
                out += "<p class=\"matches\">Your recorded output matches the run.</p>\n"
            }
        }
        return out + "</div>\n"
    }

    /// Kept small and readable; the print block drops colour fills and keeps each section whole.
    static let css = """

    body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;margin:0}
    main{max-width:52rem;margin:0 auto;padding:1.5rem}
    h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
    h3{font-size:1.05rem;margin:1.2rem 0 .4rem}h4{font-size:.95rem;margin:.8rem 0 .3rem}
    .meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.meta dt{font-weight:600}.meta dd{margin:0}
    .total{font-weight:700}.score{float:right;font-weight:600}
    table.scores{border-collapse:collapse;margin:1rem 0}table.scores caption{text-align:left;font-weight:600}
    table.scores th,table.scores td{border:1px solid #bbb;padding:.25rem .7rem;text-align:right}table.scores th[scope=row]{text-align:left}
    tr.full td{background:#e8f5e9}tr.partial td{background:#fff8e1}tr.zero td{background:#fdecea}
    .error{border:2px solid #b71c1c;background:#fdecea;padding:.6rem}
    pre{background:#f5f5f5;border:1px solid #ddd;padding:.5rem;white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}
    q{font-style:italic}.how{color:#555}.pass{color:#1b5e20}.fail{color:#b71c1c}.fail pre,.pass pre{color:#1b1b1b}
    .repair{border-left:4px solid #f9a825;padding-left:.6rem}.differs{color:#b71c1c}
    .compare dt{font-weight:600}.compare dd{margin-left:1rem}
    @media print{body{font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}
    tr.full td,tr.partial td,tr.zero td,pre{background:none}section.question,.cell{break-inside:avoid-page}
    pre{white-space:pre-wrap;border-color:#999}}

    """
}
