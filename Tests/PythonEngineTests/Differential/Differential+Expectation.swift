import Foundation

extension Differential {
    /// What a snippet must produce: the `.expected` file next to it.
    ///
    /// Format (UTF-8; mirrors `render()`/`parse_expected()` in record.py):
    ///
    ///     # comment lines (ignored)
    ///     exit: <exit status; -N when killed by signal N>
    ///     stderr: <last non-blank line of stderr, normalised; empty when stderr is blank>
    ///     stdout:
    ///     <normalised stdout, verbatim to the end of the file>
    ///
    /// Hand-written files (Corpus/sandbox) may say `stderr-type: <ExceptionType>` instead of
    /// `stderr:`: the last stderr line must then be `<ExceptionType>` or `<ExceptionType>: ...`,
    /// because the engine's exact message for a blocked call is its own to choose.
    struct Expectation: Sendable, Equatable {
        enum StderrRule: Sendable, Equatable {
            /// The normalised last line must equal this ("" when stderr must be blank).
            case lastLine(String)
            /// The last line must be this exception type, with or without a message.
            case exceptionType(String)
        }

        var exitStatus: Int32
        var stderr: StderrRule
        var stdout: String

        struct ParseError: Error, CustomStringConvertible {
            let message: String
            var description: String { message }
        }

        init(exitStatus: Int32, stderr: StderrRule, stdout: String) {
            self.exitStatus = exitStatus
            self.stderr = stderr
            self.stdout = stdout
        }

        init(parsing text: String) throws {
            let marker = "stdout:\n"
            let header: Substring
            if text.hasPrefix(marker) {
                header = ""
                stdout = String(text.dropFirst(marker.count))
            } else if let range = text.range(of: "\n" + marker) {
                header = text[..<range.lowerBound]
                stdout = String(text[range.upperBound...])
            } else if text.hasSuffix("\nstdout:") || text == "stdout:" {
                header = text.dropLast("stdout:".count)
                stdout = ""
            } else {
                throw ParseError(message: "no 'stdout:' line")
            }
            var exit: Int32?
            var rule: StderrRule?
            for line in header.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
                guard let colon = line.firstIndex(of: ":") else {
                    throw ParseError(message: "unexpected header line '\(line)'")
                }
                let key = line[..<colon]
                var value = line[line.index(after: colon)...]
                if value.hasPrefix(" ") { value = value.dropFirst() }
                switch key {
                case "exit":
                    guard let code = Int32(value) else { throw ParseError(message: "bad exit status '\(value)'") }
                    exit = code
                case "stderr":
                    rule = .lastLine(String(value))
                case "stderr-type":
                    guard !value.isEmpty else { throw ParseError(message: "empty stderr-type") }
                    rule = .exceptionType(String(value))
                default:
                    throw ParseError(message: "unexpected header line '\(line)'")
                }
            }
            guard let exit else { throw ParseError(message: "no 'exit:' line") }
            exitStatus = exit
            stderr = rule ?? .lastLine("")
        }

        /// The file text for this expectation (the Swift twin of record.py's `render()`).
        func rendered(comment: String? = nil) -> String {
            var text = comment.map { "# \($0)\n" } ?? ""
            text += "exit: \(exitStatus)\n"
            switch stderr {
            case .lastLine(let line): text += line.isEmpty ? "stderr:\n" : "stderr: \(line)\n"
            case .exceptionType(let type): text += "stderr-type: \(type)\n"
            }
            return text + "stdout:\n" + stdout
        }
    }
}
