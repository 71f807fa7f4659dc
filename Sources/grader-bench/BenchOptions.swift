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
    /// `grader-bench run FILE.py`: run one file in the engine like `grader run` (used as the
    /// subprocess engine when no release `grader` is built).
    var runFile: String?

    static let usage = """
    usage: grader-bench [--quick] [--only GROUP[,GROUP...]] [--json FILE] [--markdown]
                        [--root PACKAGE_DIR] [--no-subprocess] [--batch-size N]
           grader-bench run FILE.py
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
        while i < arguments.count {
            let a = arguments[i]
            switch a {
            case "--quick": o.quick = true
            case "--markdown": o.markdown = true
            case "--no-subprocess": o.subprocessEngine = false
            case "--json": o.jsonPath = try value(a)
            case "--root": o.root = try value(a)
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
