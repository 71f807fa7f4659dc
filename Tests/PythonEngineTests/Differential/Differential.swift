/// The differential test harness: every snippet in `Corpus/` is run through the engine (the
/// `grader run FILE.py` executable) and compared with what CPython 3.11 printed for it, as
/// recorded next to the snippet by `record.py`.
///
/// Why a namespace: the harness shares the `PythonEngineTests` target with the engine's own
/// unit tests, so its types live under `Differential` to stay out of their way.
///
/// Environment variables (all optional):
/// - `GRADER_DIFF_ENGINE=python3`  run the engine side with `python3` instead of `grader run`
///   (checks the harness itself end to end; the sandbox folder and known gaps are then not used);
/// - `GRADER_DIFF_GRADER=/path/to/grader`  use this grader binary instead of the one next to the
///   test bundle;
/// - `GRADER_DIFF_IGNORE_GAPS=1`  also run snippets listed in `Corpus/KNOWN_GAPS.txt`, as
///   ordinary (failing when different) test cases; a gap that now matches is reported as a
///   non-failing known issue reading "<path> NOW PASSES", so the list can be pruned;
/// - `GRADER_DIFF_ONLY=<glob>[,<glob>...]`  only snippets whose corpus path matches one of the
///   globs, e.g. `core/fstring_*,multiprocessing/pool_*`;
/// - `GRADER_DIFF_SKIP_CPYTHON=1`  skip the CPython cross-check of the recordings;
/// - `GRADER_DIFF_JOBS=N`  at most N snippet subprocesses at once (default: 4 x cores;
///   most snippets spend their time waiting on their own processes, not computing).
enum Differential {
    /// Settings read once from the environment; see the type's documentation.
    struct Settings: Sendable {
        var engineOverride: String?
        var graderPath: String?
        var ignoreGaps: Bool
        var only: String?
        var skipCPython: Bool
        var jobs: Int

        static let current = Settings(environment: ProcessInfoEnvironment.values)

        init(environment: [String: String]) {
            func flag(_ name: String) -> Bool {
                guard let v = environment[name]?.lowercased() else { return false }
                return ["1", "true", "yes", "on"].contains(v)
            }
            engineOverride = environment["GRADER_DIFF_ENGINE"].flatMap { $0.isEmpty ? nil : $0 }
            graderPath = environment["GRADER_DIFF_GRADER"].flatMap { $0.isEmpty ? nil : $0 }
            ignoreGaps = flag("GRADER_DIFF_IGNORE_GAPS")
            only = environment["GRADER_DIFF_ONLY"].flatMap { $0.isEmpty ? nil : $0 }
            skipCPython = flag("GRADER_DIFF_SKIP_CPYTHON")
            let cores = max(1, ProcessInfoEnvironment.processorCount)
            jobs = environment["GRADER_DIFF_JOBS"].flatMap { Int($0) }.map { max(1, $0) } ?? 4 * cores
        }
    }
}
