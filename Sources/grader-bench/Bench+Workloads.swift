/// The groups that run Python files from `Benchmarks/`: CPU-bound loops and the
/// multiprocessing primitives.
extension Bench {
    static let cpuLoops: [(file: String, name: String)] = [
        ("fib.py", "fib(25), recursive"),
        ("sort_ints.py", "sort 200k ints"),
        ("sort_keys.py", "sort 200k tuples, key=lambda / key=len"),
        ("strings.py", "string building, join, split"),
        ("wordcount.py", "dict word count, 200k words"),
        ("listcomp.py", "list comprehensions"),
    ]

    static let primitives: [(file: String, name: String)] = [
        ("empty.py", "empty script (start-up baseline)"),
        ("import_mp.py", "import multiprocessing"),
        ("process_start_join.py", "Process start + join"),
        ("pool4_map10.py", "Pool(4) + map(range(10)) + close/join"),
        ("pool_map_10k.py", "Pool(4).map over 10,000 items"),
        ("queue_roundtrips.py", "Queue: 1,000 round trips"),
    ]

    mutating func benchCPULoops() throws {
        try benchFiles(group: "cpu", directory: "cpu", Self.cpuLoops)
    }

    mutating func benchPrimitives() throws {
        try benchFiles(group: "primitives", directory: "primitives", Self.primitives)
    }

    private mutating func benchFiles(group: String, directory: String, _ list: [(file: String, name: String)]) throws {
        try TextFile.makeDirectory(scratch + "/" + directory)
        for item in list {
            let path = "\(root)/Benchmarks/\(directory)/\(item.file)"
            guard let source = TextFile.read(path) else {
                add(BenchRow(group: group, name: item.name, note: "missing workload \(path)"))
                continue
            }
            // Run from a scratch copy so both sides see the same file name and no __pycache__
            // lands in the repository.
            try compareScript(group: group, name: item.name, source: source, file: "\(scratch)/\(directory)/\(item.file)")
        }
    }
}
