import Foundation

extension Differential {
    /// Something that can run a snippet: the `grader` executable, or CPython.
    struct Engine: Sendable, CustomStringConvertible {
        enum Kind: Sendable { case grader, cpython }

        let kind: Kind
        let executable: String

        var description: String { kind == .grader ? "grader run (\(executable))" : "python3 (\(executable))" }

        func command(for snippet: Snippet) -> [String] {
            switch kind {
            case .grader: [executable, "run", snippet.fileURL.path]
            case .cpython: [executable, snippet.fileURL.path]
            }
        }

        func run(_ snippet: Snippet) async throws -> RunOutcome {
            try await Subprocess.run(command(for: snippet),
                                     environment: ProcessInfoEnvironment.snippetEnvironment(),
                                     timeout: snippet.directives.timeout)
        }

        /// CPython from PATH, when there is one.
        static let cpython: Engine? = cpythonInstallation.map { Engine(kind: .cpython, executable: $0.executable) }

        /// The CPython version the recordings come from; other versions word errors differently.
        static let referenceVersion = "3.11"

        /// Whether python3 on PATH is the reference version (the cross-check needs it).
        static var cpythonIsReference: Bool { cpythonInstallation?.version == referenceVersion }

        /// python3 on PATH, its `major.minor`, and the interpreter binary behind it.
        static let cpythonInstallation: (executable: String, version: String)? = {
            guard let launcher = ProcessInfoEnvironment.which("python3") else { return nil }
            return resolveInterpreter(behind: launcher)
        }()

        /// Asks `launcher` for its `sys.executable` and version. The binary matters because a
        /// launcher such as a pyenv shim is a shell script that costs more than the snippet
        /// itself, hundreds of times over; the launcher is kept when the answer is unusable.
        static func resolveInterpreter(behind launcher: String) -> (executable: String, version: String)? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: launcher)
            process.arguments = ["-c", "import sys; print(sys.executable); print('%d.%d' % sys.version_info[:2])"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
            guard process.terminationStatus == 0, lines.count >= 2 else { return nil }
            let executable = FileManager.default.isExecutableFile(atPath: lines[0]) ? lines[0] : launcher
            return (executable, lines[1])
        }

        /// The engine the differential test runs: `grader` next to the test bundle, unless
        /// `GRADER_DIFF_ENGINE=python3` asks for CPython (to check the harness itself).
        static let underTest: Result<Engine, LocateError> = {
            let settings = Settings.current
            switch settings.engineOverride {
            case nil, "grader":
                return locateGrader(settings.graderPath).map { Engine(kind: .grader, executable: $0) }
            case "python3", "cpython":
                guard let cpython else { return .failure(LocateError(description: "GRADER_DIFF_ENGINE=python3 but no python3 on PATH")) }
                return .success(cpython)
            case let other?:
                return .failure(LocateError(description: "GRADER_DIFF_ENGINE=\(other): expected 'grader' or 'python3'"))
            }
        }()

        /// Whether the differential test runs CPython as its engine (gaps and sandbox do not apply).
        static var underTestIsCPython: Bool { (try? underTest.get())?.kind == .cpython }

        struct LocateError: Error, CustomStringConvertible {
            let description: String
        }

        /// `grader` sits in the build products directory, next to the test runner: on Linux
        /// `/proc/self/exe` is `<build>/debug/NotebookGraderPackageTests.xctest`. Elsewhere
        /// the resource bundle of this target is also in that directory.
        static func locateGrader(_ override: String?) -> Result<String, LocateError> {
            if let override {
                return FileManager.default.isExecutableFile(atPath: override)
                    ? .success(override)
                    : .failure(LocateError(description: "GRADER_DIFF_GRADER=\(override) is not an executable"))
            }
            var directories: [URL] = []
            if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
            }
            directories.append(Bundle.module.bundleURL.deletingLastPathComponent())
            for dir in directories {
                let candidate = dir.appendingPathComponent("grader").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return .success(candidate) }
            }
            let looked = directories.map(\.path).joined(separator: ", ")
            return .failure(LocateError(description: "no grader executable in \(looked); build it first (swift build)"))
        }
    }
}
