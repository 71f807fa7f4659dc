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

    @Option(name: .long, help: "How multiprocessing starts processes: fork (Linux's default) or spawn (macOS, Windows).")
    var startMethod: String = "fork"

    @Option(name: .long, help: "Most processes the program may start; Process.start() beyond it raises.")
    var maxProcesses: Int = 32

    @Option(name: .long, help: "After the run, print its record (processes, pool tasks, output by process) as JSON: `json`.")
    var trace: String?

    @Option(name: .long, help: "Write the --trace record to this file instead of stderr.")
    var traceFile: String?

    @Argument(help: "The Python file to run.")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments passed to the program as sys.argv[1:].")
    var arguments: [String] = []

    func run() throws {
        guard let source = readSource(file) else {
            FileHandleWriter.stderr("grader run: can't open file '\(file)': [Errno 2] No such file or directory\n")
            throw ExitCode(2)
        }
        guard ["fork", "spawn"].contains(startMethod) else {
            FileHandleWriter.stderr("grader run: --start-method must be fork or spawn, not '\(startMethod)'\n")
            throw ExitCode(64)
        }
        if let trace, trace != "json" {
            FileHandleWriter.stderr("grader run: --trace supports only 'json', not '\(trace)'\n")
            throw ExitCode(64)
        }
        guard maxProcesses >= 0 else {
            FileHandleWriter.stderr("grader run: --max-processes must be at least 0\n")
            throw ExitCode(64)
        }
        let supervisor = try RunSupervisor(startMethod: startMethod, maxProcesses: maxProcesses, tracing: trace != nil)
        let runtime = PythonRuntime(stdout: supervisor.stdout, stderr: supervisor.stderr,
                                    limits: ExecutionLimits(maxSteps: maxSteps, timeout: timeout, maxOutputBytes: maxOutput),
                                    registry: supervisor.registry)
        // CPython shows the script's absolute path in tracebacks.
        let path = realpath(file, nil).map { p -> String in defer { free(p) }; return String(cString: p) } ?? file
        let outcome = runtime.run(source: source, fileName: path, arguments: arguments, scriptArgument: file)
        runtime.flush()
        let leftBehind = supervisor.cleanUp()
        if let document = supervisor.traceDocument(exitStatus: outcome.exitStatus, leftBehind: leftBehind) {
            writeTrace(document)
        }
        if outcome.exitStatus != 0 { throw ExitCode(outcome.exitStatus) }
    }

    func writeTrace(_ document: String) {
        guard let traceFile else {
            FileHandleWriter.stderr(document)
            return
        }
        guard let fp = fopen(traceFile, "wb") else {
            FileHandleWriter.stderr("grader run: cannot write the trace to '\(traceFile)'\n")
            return
        }
        defer { fclose(fp) }
        let bytes = Array(document.utf8)
        _ = fwrite(bytes, 1, bytes.count, fp)
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
        // Bytes become source text as CPython's tokenizer decides (PEP 263 coding lines, BOM,
        // otherwise strict UTF-8); a file that is not text stops before anything runs.
        let absolute = realpath(path, nil).map { p -> String in defer { free(p) }; return String(cString: p) } ?? path
        switch SourceDecoding.decode(bytes, fileName: absolute) {
        case .success(let text):
            return text
        case .failure(let error):
            FileHandleWriter.stderr("SyntaxError: \(error.message)\n")
            Glibc.exit(1)
        }
    }
}

enum FileHandleWriter {
    static func stderr(_ s: String) {
        var bytes = Array(s.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
