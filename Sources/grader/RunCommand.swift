import ArgumentParser
import PythonEngine
#if canImport(Glibc)
import Glibc
#endif

/// `grader run FILE.py [args...]`: runs a program in the engine as `python3 FILE.py` would
/// (stdout, traceback on stderr, exit status 1 on an uncaught exception, `sys.exit(n)`).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Python file in the grader's engine, like `python3 FILE.py`."
    )

    @Option(name: .long, help: "Stop after this many executed statements/loop iterations.")
    var maxSteps: Int?

    @Option(name: .long, help: "Stop after this many seconds of wall-clock time.")
    var timeout: Double?

    @Option(name: .long, help: "Stop once the program wrote this many bytes of output.")
    var maxOutput: Int?

    @Argument(help: "The Python file to run.")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the program as sys.argv[1:].")
    var arguments: [String] = []

    func run() throws {
        guard let source = readSource(file) else {
            FileHandleWriter.stderr("grader run: can't open file '\(file)': [Errno 2] No such file or directory\n")
            throw ExitCode(2)
        }
        let runtime = PythonRuntime(limits: ExecutionLimits(maxSteps: maxSteps, timeout: timeout, maxOutputBytes: maxOutput))
        // CPython shows the script's absolute path in tracebacks.
        let path = realpath(file, nil).map { p -> String in defer { free(p) }; return String(cString: p) } ?? file
        let outcome = runtime.run(source: source, fileName: path, arguments: arguments, scriptArgument: file)
        runtime.flush()
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }

    func readSource(_ path: String) -> String? {
        guard let fp = fopen(path, "rb") else { return nil }
        defer { fclose(fp) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, fp)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum FileHandleWriter {
    static func stderr(_ s: String) {
        var bytes = Array(s.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
