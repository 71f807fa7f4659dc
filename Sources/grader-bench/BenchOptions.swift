/// Command line of `grader-bench` (hand-parsed: the benchmark needs no other dependency).
struct BenchOptions {
    static let groups = ["cells", "primitives", "cpu", "process", "prose", "batch"]

    var quick = false
    var only: Set<String> = []
    var jsonPath: String?
    var markdown = false
    var root: String?
    var subprocessEngine = true
    var batchSize = 1000
    /// Where the batch group writes its generated sheets, kept afterwards (to profile
    /// `grader grade` on the same sheets); a scratch folder, removed at the end, otherwise.
    var batchDirectory: String?
    /// `grader-bench run FILE.py`: run one file in the engine like `grader run` (used as the
    /// subprocess engine when no release `grader` is built).
    var runFile: String?
    /// `grader-bench sandbox FILE.py [N]`: run one file N times (default 20) in the engine inside
    /// `Sandbox.run`, as the in-process column does, and print each time and the median: a
    /// quick probe of the per-cell floor, and a target for `valgrind --trace-children=yes`.
    var sandboxFile: String?
    var sandboxRepeats = 20
    /// Lifts the two sandbox limits `valgrind --trace-children=yes` cannot live with: the ban
    /// on writing files (it writes the sandboxed child's profile from inside that process) and
    /// the open-files cap (it keeps descriptors of its own, so lowering the cap fails).
    var sandboxForValgrind = false

    static let usage = """
    usage: grader-bench [--quick] [--only GROUP[,GROUP...]] [--json FILE] [--markdown]
                        [--root PACKAGE_DIR] [--no-subprocess] [--batch-size N]
                        [--batch-dir DIR]
           grader-bench run FILE.py
           grader-bench sandbox FILE.py [N] [--for-valgrind]
    groups: \(groups.joined(separator: ", "))
    """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var o = BenchOptions()
        var i = 0
        func value(_ flag: String) throws -> String {
            i += 1
            guard i < arguments.count else { throw BenchError("\(flag) needs a value\n\(usage)") }
            return arguments[i]
        }
        if arguments.first == "run" {
            guard arguments.count == 2 else { throw BenchError(usage) }
            o.runFile = arguments[1]
            return o
        }
        if arguments.first == "sandbox" {
            var rest = Array(arguments.dropFirst())
            if let flag = rest.firstIndex(of: "--for-valgrind") {
                o.sandboxForValgrind = true
                rest.remove(at: flag)
            }
            guard rest.count == 1 || rest.count == 2 else { throw BenchError(usage) }
            o.sandboxFile = rest[0]
            if rest.count == 2 {
                guard let n = Int(rest[1]), n > 0 else { throw BenchError("sandbox: N must be a positive number") }
                o.sandboxRepeats = n
            }
            return o
        }
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--quick": o.quick = true
            case "--markdown": o.markdown = true
            case "--no-subprocess": o.subprocessEngine = false
            case "--json": o.jsonPath = try value(a)
            case "--root": o.root = try value(a)
            case "--batch-dir": o.batchDirectory = try value(a)
            case "--batch-size":
                guard let n = Int(try value(a)), n > 0 else { throw BenchError("--batch-size needs a positive number") }
                o.batchSize = n
            case "--only":
                for g in try value(a).split(separator: ",").map(String.init) {
                    guard groups.contains(g) else { throw BenchError("unknown group '\(g)'\n\(usage)") }
                    o.only.insert(g)
                }
            case "-h", "--help": throw BenchError(usage)
            default: throw BenchError("unknown argument '\(a)'\n\(usage)")
            }
            i += 1
        }
        return o
    }

    func wants(_ group: String) -> Bool { only.isEmpty || only.contains(group) }
}
