/// JUnit XML for CI (GitHub Actions test reporters, GitLab, Jenkins): a `<testsuite>` per
/// student, a `<testcase>` per question.
///
/// - A question below its max gets a `<failure>` whose message is `score/max` and whose body is
///   the feedback, so a CI test report shows where points were lost.
/// - A sheet that could not be graded gets one extra `<testcase name="grading">` carrying an
///   `<error>` with the reason (its questions, if any were scored, are listed as usual).
/// - Scores go in `<properties>` (`score`, `max`, `percent`, per question `Q1.score` ...), which
///   JUnit consumers keep but do not interpret.
///
/// Everything is escaped for XML 1.0, and characters XML 1.0 cannot carry are dropped. `time`
/// is always `0` (grading time is not a test duration, but some reporters need the attribute).
public struct JUnitXMLWriter: Sendable {
    /// The root `<testsuites>` element is named after the batch's rubric.
    public init() {}

    public func render(_ batch: BatchResult) -> String {
        var suites = ""
        var totals = (tests: 0, failures: 0, errors: 0)
        // Suite names must be unique or CI reporters fold two students together.
        let nameCounts = Dictionary(batch.submissions.map { ($0.studentName, 1) }, uniquingKeysWith: +)
        for s in batch.submissions {
            let name = nameCounts[s.studentName, default: 0] > 1 ? "\(s.studentName) (\(s.file))" : s.studentName
            let suite = self.suite(s, name: name, timestamp: batch.generatedAt)
            suites += suite.xml
            totals.tests += suite.tests
            totals.failures += suite.failures
            totals.errors += suite.errors
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(XMLText.attribute(batch.rubric))\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\">\n"
        out += suites
        out += "</testsuites>\n"
        return out
    }

    private func suite(_ s: SubmissionResult, name: String, timestamp: String?) -> (xml: String, tests: Int, failures: Int, errors: Int) {
        let suiteName = XMLText.attribute(name)
        let failures = s.questions.filter { !$0.isFullMarks }.count
        let errors = s.succeeded ? 0 : 1
        let tests = s.questions.count + errors
        var out = "  <testsuite name=\"\(suiteName)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"0\" time=\"0\""
        if let timestamp { out += " timestamp=\"\(XMLText.attribute(timestamp))\"" }
        out += ">\n"
        out += "    <properties>\n"
        var properties: [(String, String)] = [
            ("file", s.file),
            ("score", ScoreFormat.text(s.score)),
            ("max", ScoreFormat.text(s.max)),
            ("percent", ScoreFormat.text(s.percent)),
        ]
        if let id = s.studentID { properties.append(("student_id", id)) }
        for q in s.questions {
            properties.append(("\(q.id).score", ScoreFormat.text(q.score)))
            properties.append(("\(q.id).max", ScoreFormat.text(q.max)))
        }
        for (name, value) in properties {
            out += "      <property name=\"\(XMLText.attribute(name))\" value=\"\(XMLText.attribute(value))\"/>\n"
        }
        out += "    </properties>\n"
        if let error = s.error {
            out += "    <testcase classname=\"\(suiteName)\" name=\"grading\" time=\"0\">\n"
            out += "      <error message=\"\(XMLText.attribute(error))\" type=\"GradingError\">\(XMLText.text(error))</error>\n"
            out += "    </testcase>\n"
        }
        for q in s.questions {
            out += testCase(q, classname: suiteName)
        }
        out += "  </testsuite>\n"
        return (out, tests, failures, errors)
    }

    private func testCase(_ q: QuestionResult, classname: String) -> String {
        var name = q.id
        if let title = q.title, !title.isEmpty { name += ": \(title)" }
        var out = "    <testcase classname=\"\(classname)\" name=\"\(XMLText.attribute(name))\" time=\"0\""
        if q.isFullMarks { return out + "/>\n" }
        out += ">\n"
        let message = "\(q.id) scored \(ScoreFormat.fraction(q.score, of: q.max))"
        out += "      <failure message=\"\(XMLText.attribute(message))\" type=\"PartialCredit\">"
        out += XMLText.text(failureBody(q, message: message))
        out += "</failure>\n    </testcase>\n"
        return out
    }

    /// The feedback, then failed visible checks and the run's status, one item per line.
    private func failureBody(_ q: QuestionResult, message: String) -> String {
        var lines = [message]
        lines += q.feedback
        if let c = q.concepts {
            lines += c.missing.map { "missing \($0.id) (\(ScoreFormat.text($0.points))): \($0.hint)" }
            lines += c.misconceptions.map { "misconception \($0.id) (-\(ScoreFormat.text($0.points))): \($0.quote)" }
        }
        for (index, check) in q.checks.enumerated() where !check.passed {
            // CI logs are often visible to students (GitHub Classroom): hidden checks stay anonymous.
            let label = check.hidden ? "hidden check \(index + 1)" : check.name
            lines.append("check failed: \(label) (\(ScoreFormat.fraction(check.earned, of: check.points)))"
                + (check.hidden ? "" : check.feedback.map { ": \($0)" } ?? ""))
        }
        if let e = q.execution, e.status != .ok {
            lines.append("run: \(e.status.rawValue)" + (e.exception.map { " (\($0))" } ?? ""))
        }
        return lines.joined(separator: "\n")
    }
}
