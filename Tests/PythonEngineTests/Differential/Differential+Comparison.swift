extension Differential {
    /// Compares what a run produced with the expectation and explains every difference.
    struct Comparison: Sendable {
        let expectation: Expectation
        let order: Directives.Order

        /// Human-readable differences; empty when the run matches.
        func differences(from outcome: RunOutcome, timeout: Double) -> [String] {
            var found: [String] = []
            if outcome.timedOut {
                found.append("timed out after \(timeout) s and was killed (process group)")
            }
            if outcome.outputLimitExceeded {
                found.append("wrote more than \(Subprocess.outputLimit >> 20) MB and was killed (process group)")
            }
            if outcome.exitStatus != expectation.exitStatus {
                found.append("exit status: expected \(expectation.exitStatus), got \(outcome.exitStatus)")
            }
            let lastLine = Normalization.lastStderrLine(outcome.stderr)
            switch expectation.stderr {
            case .lastLine(let expected) where expected != lastLine:
                found.append("last line of stderr:\n  expected: \(quoted(expected))\n  got:      \(quoted(lastLine))"
                             + stderrTail(outcome.stderr))
            case .exceptionType(let type) where !(lastLine == type || lastLine.hasPrefix(type + ":")):
                found.append("last line of stderr: expected a \(type), got \(quoted(lastLine))" + stderrTail(outcome.stderr))
            default:
                break
            }
            let stdout = Normalization.normalize(outcome.stdout)
            if let diff = stdoutDifference(expected: expectation.stdout, actual: stdout) {
                found.append(diff)
            }
            return found
        }

        private func quoted(_ s: String) -> String { s.isEmpty ? "(nothing)" : "\"\(s)\"" }

        private func stderrTail(_ stderr: String) -> String {
            let lines = Normalization.lines(stderr).suffix(8)
            guard !lines.isEmpty else { return "" }
            return "\n  stderr ended with:\n" + lines.map { "    | \($0)" }.joined(separator: "\n")
        }

        func stdoutDifference(expected: String, actual: String) -> String? {
            switch order {
            case .exact:
                guard expected != actual else { return nil }
                let e = Normalization.lines(expected), a = Normalization.lines(actual)
                if e == a {
                    return "stdout: same lines, but the final newline differs (expected \(expected.hasSuffix("\n") ? "one" : "none"))"
                }
                return "stdout differs (- expected, + got):\n" + LineDiff.render(expected: e, actual: a)
            case .any:
                let missing = LineDiff.multisetDifference(Normalization.lines(expected), Normalization.lines(actual))
                let extra = LineDiff.multisetDifference(Normalization.lines(actual), Normalization.lines(expected))
                guard !missing.isEmpty || !extra.isEmpty else { return nil }
                var text = "stdout differs as a multiset of lines (order: any):"
                text += missing.map { "\n  - \($0)" }.joined()
                text += extra.map { "\n  + \($0)" }.joined()
                return text
            }
        }
    }

    /// A small line diff (longest common subsequence) for readable failure messages.
    enum LineDiff {
        static func render(expected: [Substring], actual: [Substring], context: Int = 2) -> String {
            let ops = diff(expected, actual)
            // Show changed lines with a little context; elide long unchanged runs.
            var keep = Array(repeating: false, count: ops.count)
            for (i, op) in ops.enumerated() where op.tag != " " {
                for j in max(0, i - context)...min(ops.count - 1, i + context) { keep[j] = true }
            }
            var out: [String] = []
            var skipped = false
            for (i, op) in ops.enumerated() {
                if keep[i] {
                    out.append("  \(op.tag) \(op.line)")
                    skipped = false
                } else if !skipped {
                    out.append("  ...")
                    skipped = true
                }
            }
            return out.joined(separator: "\n")
        }

        struct Op { let tag: Character; let line: Substring }

        static func diff(_ a: [Substring], _ b: [Substring]) -> [Op] {
            let n = a.count, m = b.count
            var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var ops: [Op] = []
            var i = 0, j = 0
            while i < n || j < m {
                if i < n, j < m, a[i] == b[j] {
                    ops.append(Op(tag: " ", line: a[i])); i += 1; j += 1
                } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                    ops.append(Op(tag: "+", line: b[j])); j += 1
                } else {
                    ops.append(Op(tag: "-", line: a[i])); i += 1
                }
            }
            return ops
        }

        /// Lines of `a` not matched by an equal line of `b` (with multiplicity), in `a`'s order.
        static func multisetDifference(_ a: [Substring], _ b: [Substring]) -> [Substring] {
            var available: [Substring: Int] = [:]
            for line in b { available[line, default: 0] += 1 }
            var result: [Substring] = []
            for line in a {
                if let n = available[line], n > 0 { available[line] = n - 1 } else { result.append(line) }
            }
            return result
        }
    }
}
