import Foundation

extension Differential {
    /// `Corpus/KNOWN_GAPS.txt`: snippets the engine is known not to match yet.
    ///
    /// One entry per line: `<corpus path or glob> # <reason>`. `*` matches any run of
    /// characters (slashes included), `?` one character. Blank lines and lines starting with `#`
    /// are comments. A listed snippet is not run against the engine; it is reported as a known
    /// issue with the reason, so gaps are visible in every run (never skipped silently).
    struct KnownGaps: Sendable {
        struct Entry: Sendable, Equatable {
            let pattern: String
            let reason: String
            let line: Int
        }

        let entries: [Entry]
        /// Lines that are not `pattern # reason`; the corpus rules test reports them.
        let malformedLines: [Int]

        init(text: String) {
            var entries: [Entry] = []
            var malformed: [Int] = []
            for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                guard let separator = line.range(of: " # ") else {
                    malformed.append(index + 1)
                    continue
                }
                let pattern = line[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
                let reason = line[separator.upperBound...].trimmingCharacters(in: .whitespaces)
                if pattern.isEmpty || reason.isEmpty {
                    malformed.append(index + 1)
                } else {
                    entries.append(Entry(pattern: pattern, reason: reason, line: index + 1))
                }
            }
            self.entries = entries
            self.malformedLines = malformed
        }

        /// The first entry covering `path`, if any.
        func entry(for path: String) -> Entry? {
            entries.first { Self.glob($0.pattern, matches: path) }
        }

        /// Shell-style matching with `*` (any run, slashes included) and `?` (one character).
        static func glob(_ pattern: String, matches text: String) -> Bool {
            let p = Array(pattern), t = Array(text)
            var pi = 0, ti = 0
            var starP = -1, starT = 0
            while ti < t.count {
                if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                    pi += 1
                    ti += 1
                } else if pi < p.count, p[pi] == "*" {
                    starP = pi
                    starT = ti
                    pi += 1
                } else if starP >= 0 {
                    pi = starP + 1
                    starT += 1
                    ti = starT
                } else {
                    return false
                }
            }
            while pi < p.count, p[pi] == "*" { pi += 1 }
            return pi == p.count
        }
    }
}
