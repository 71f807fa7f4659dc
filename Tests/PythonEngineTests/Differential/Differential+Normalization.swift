extension Differential {
    /// What legitimately varies between runs and machines, and how it is made comparable.
    /// Mirrors `normalise()` and `last_stderr_line()` in record.py; keep them in sync.
    enum Normalization {
        /// - object addresses in reprs, `<function <lambda> at 0x7f3a...>` -> `at 0x…`
        ///   (only after " at ", so `hex(255)` output stays as it is);
        /// - file paths, `File "/home/u/x/snippet.py"` -> `File "snippet.py"`.
        static func normalize(_ text: String) -> String {
            var out = text.replacing(#/\bat 0x[0-9a-fA-F]+/#) { _ in "at 0x\u{2026}" }
            out = out.replacing(#/(?:[A-Za-z]:)?(?:[^\s"'<>()\/]*\/)+([^\s"'<>()\/]+\.py)\b/#) { match in
                match.output.1
            }
            return out
        }

        /// The last non-blank line of stderr, trailing whitespace removed, normalised.
        static func lastStderrLine(_ stderr: String) -> String {
            let lines = stderr.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            guard let last = lines.last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return "" }
            var line = Substring(last)
            while let c = line.last, c.isWhitespace { line = line.dropLast() }
            return normalize(String(line))
        }

        /// Stdout split into lines as Python's `str.splitlines()` would, for multiset comparison.
        static func lines(_ text: String) -> [Substring] {
            var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            if lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
    }
}
