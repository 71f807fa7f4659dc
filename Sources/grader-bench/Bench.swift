#if canImport(Glibc)
import Glibc
#endif
import Foundation
import PythonEngine

/// The benchmark run: where things are, how to run each side, and the rows measured so far.
struct Bench {
    let options: BenchOptions
    let plan: SamplingPlan
    /// The package root (holds `submissions/`, `assignments/`, `Benchmarks/`).
    let root: String
    /// Scratch files (cell scripts, generated sheets, subprocess output) under /tmp.
    let scratch: String
    let inProcess = InProcessEngine()
    let engineScript: ScriptRunner?
    let cpython: ScriptRunner?
    var rows: [BenchRow] = []

    init(options: BenchOptions) throws {
        self.options = options
        plan = options.quick ? .quick : .standard
        root = try options.root ?? Self.findPackageRoot()
        scratch = "/tmp/grader-bench-\(getpid())"
        try TextFile.makeDirectory(scratch)
        let subprocess = Subprocess(scratchDirectory: scratch)
        cpython = Self.resolvePython(subprocess).map {
            ScriptRunner(label: "python3 -I", executable: $0, prefixArguments: ["-I"], subprocess: subprocess)
        }
        if options.subprocessEngine {
            let me = Self.executablePath()
            let grader = (me as NSString).deletingLastPathComponent + "/grader"
            engineScript = TextFile.exists(grader)
                ? ScriptRunner(label: "grader run", executable: grader, prefixArguments: ["run"], subprocess: subprocess)
                : ScriptRunner(label: "grader-bench run", executable: me, prefixArguments: ["run"], subprocess: subprocess)
        } else {
            engineScript = nil
        }
        // Build the engine's module registry once here, as a fork server would before serving
        // cells, so every forked run does not pay for it again.
        _ = PythonRuntime(stdout: OutputSink(.capture), stderr: OutputSink(.capture))
    }

    mutating func runAll() throws {
        log("grader-bench: root \(root); engine subprocess: \(engineScript?.executable ?? "off"); "
            + "CPython: \(cpython?.executable ?? "absent (CPython columns skipped)"); plan: \(options.quick ? "quick" : "standard")")
        // Everything that forks in-process comes first; nothing here starts a thread anyway.
        if options.wants("process") { try benchProcessLayer() }
        if options.wants("cpu") { try benchCPULoops() }
        if options.wants("primitives") { try benchPrimitives() }
        if options.wants("cells") { try benchCells() }
        if options.wants("prose") { try benchProse() }
        if options.wants("batch") { try benchBatch() }
    }

    func emit() throws {
        let table = ReportTable(rows: rows)
        let machine = MachineInfo.current(python: cpython?.executable, scratch: scratch)
        print("Machine: \(machine.cpuModel), \(machine.processors) processors, \(machine.memoryTotal) memory; "
              + "\(machine.python ?? "no python3"); \(machine.date); load average \(machine.loadAverage); "
              + "plan: \(options.quick ? "quick" : "standard")\n")
        print(options.markdown ? table.markdown() : table.text(), terminator: "")
        if let path = options.jsonPath {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let document = BenchDocument(machine: machine, quick: options.quick,
                                         rows: rows)
            let data = try encoder.encode(document)
            try TextFile.writeBytes(Array(data), to: path)
            log("wrote \(path)")
        }
    }

    /// Removes the scratch directory (cell scripts, generated sheets).
    func removeScratch() {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    mutating func add(_ row: BenchRow) {
        rows.append(row)
        log(ReportTable(rows: [row]).cells(row).joined(separator: " | "))
    }

    func log(_ text: String) { FileOutput.stderr(text + "\n") }

    /// The real `python3` binary: `PATH` may hold a shim (pyenv's is a shell script that costs
    /// tens of milliseconds per start), which would make CPython look slower than it is.
    static func resolvePython(_ subprocess: Subprocess) -> String? {
        guard let onPath = Subprocess.which("python3") else { return nil }
        guard let r = try? subprocess.run(onPath, ["-I", "-c", "import sys; print(sys.executable)"]), r.exitStatus == 0 else {
            return onPath
        }
        let real = r.stdout.trimmingSpaces()
        return real.isEmpty || !TextFile.exists(real) ? onPath : real
    }

    static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    /// The current directory or one above it holding Package.swift and submissions/, else the
    /// package that built this executable (`.build/<config>/grader-bench`).
    static func findPackageRoot() throws -> String {
        var candidates: [String] = []
        var dir = FileManager.default.currentDirectoryPath
        for _ in 0..<4 {
            candidates.append(dir)
            dir = (dir as NSString).deletingLastPathComponent
        }
        var exeDir = (executablePath() as NSString).deletingLastPathComponent
        for _ in 0..<4 {
            exeDir = (exeDir as NSString).deletingLastPathComponent
            candidates.append(exeDir)
        }
        for c in candidates where TextFile.exists(c + "/Package.swift") && TextFile.exists(c + "/submissions") {
            return c
        }
        throw BenchError("cannot find the package root (a directory with Package.swift and submissions/); pass --root")
    }
}

struct BenchDocument: Codable {
    var machine: MachineInfo
    var quick: Bool
    var rows: [BenchRow]
}

enum FileOutput {
    static func stderr(_ s: String) {
        var bytes = Array(s.utf8)
        _ = write(2, &bytes, bytes.count)
    }
}
