import ArgumentParser
import Foundation
import Grading
import ProcessRuntime
#if canImport(Glibc)
import Glibc
#endif

/// The hidden worker mode of `grader grade`: a sandbox worker started by the orchestrator with
/// `posix_spawn`, grading one sheet per request (framed JSON on stdin/stdout, see
/// `WorkerServer`) and forking a fresh sandboxed child for each question's code. It stays
/// single-threaded, which is what makes those forks safe.
struct GradeWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade-worker",
        abstract: "Internal: a sandbox worker for `grader grade`.",
        shouldDisplay: false
    )

    @Option(name: .long)
    var rubric: String

    @Option(name: .long)
    var assignment: String?

    @Option(name: .long)
    var timeout: Double = 10

    static func arguments(rubric: String, assignment: String?, timeout: Double) -> [String] {
        ["grade-worker", "--rubric", rubric, "--timeout", String(timeout)] + (assignment.map { ["--assignment", $0] } ?? [])
    }

    /// This executable, for spawning workers (`/proc/self/exe` on Linux).
    static var executablePath: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    func run() throws {
        // Ctrl-C reaches the orchestrator's process group, not ours; if the orchestrator dies
        // anyway, SIGTERM us so the sandbox kills and reaps the run in progress.
        signal(SIGINT, SIG_IGN)
        ParentDeath.requestSignal(SIGTERM)
        var limits = SandboxLimits()
        limits.wallClockSeconds = timeout
        let setup: GradingSetup
        do {
            setup = try GradingSetup.load(rubricPath: rubric, assignment: assignment, limits: limits)
        } catch {
            FileHandle.standardError.write(Data("grader grade-worker: \(error)\n".utf8))
            throw ExitCode(65)
        }
        let grader = setup.sheetGrader
        let status = WorkerServer.serve { request in
            try WorkerJobHandler.handle(request) { grader.grade($0) }
        }
        throw ExitCode(status)
    }
}

/// `prctl(PR_SET_PDEATHSIG, signal)`: Swift does not import the variadic `prctl`, so it is
/// looked up once and called through a C function pointer.
enum ParentDeath {
    typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32

    static func requestSignal(_ signal: Int32) {
        guard let pointer = dlsym(dlopen(nil, RTLD_NOW), "prctl") else { return }
        let prctl = unsafeBitCast(pointer, to: Prctl.self)
        _ = prctl(1 /* PR_SET_PDEATHSIG */, UInt(signal), 0, 0, 0)
    }
}
