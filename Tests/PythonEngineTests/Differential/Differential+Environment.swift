import Foundation

extension Differential {
    /// The process environment, read through one place so tests can reason about it.
    enum ProcessInfoEnvironment {
        static var values: [String: String] { ProcessInfo.processInfo.environment }
        static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

        /// The environment a snippet runs in: `python3 FILE.py` as a student would start it.
        /// PYTHON* settings of the developer's shell are dropped (PYTHONUNBUFFERED, for one,
        /// makes print() write piecewise, so lines of concurrent processes interleave mid-line);
        /// output is UTF-8 whatever the locale. Mirrors `clean_environment()` in record.py.
        static func snippetEnvironment() -> [String: String] {
            var env = values.filter { !$0.key.hasPrefix("PYTHON") }
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env["PYTHONIOENCODING"] = "utf-8"
            return env
        }

        /// First executable named `name` on PATH.
        static func which(_ name: String) -> String? {
            let path = values["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
            for dir in path.split(separator: ":") where !dir.isEmpty {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
            return nil
        }
    }
}
