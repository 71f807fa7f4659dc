#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

/// ProcessRuntime alone, no Python: the floor under every engine figure that starts processes.
extension Bench {
    mutating func benchProcessLayer() throws {
        let forkWait = try plan.measure {
            let t = Clock.now()
            let child = try ChildProcess.fork { 0 }
            _ = try child.wait()
            return Clock.now() - t
        }
        add(BenchRow(group: "process", name: "ChildProcess.fork + wait", engine: forkWait, note: "Swift only"))

        let sandbox = Sandbox(limits: SandboxLimits(wallClockSeconds: 10))
        let emptyRun = try plan.measureWithMemory {
            let t = Clock.now()
            let outcome = try sandbox.run { context in
                if let memory = MemoryNow.read() { try? context.send(record: memory.record) }
                return 0
            }
            let memory = outcome.records.last.flatMap { MemoryNow(record: $0) }
            // The child's reading of its own memory is the benchmark's cost, not the sandbox's.
            return (Clock.now() - t - (memory?.readSeconds ?? 0), memory)
        }
        add(BenchRow(group: "process", name: "Sandbox.run { 0 } (empty closure)", engine: emptyRun,
                     note: "Swift only; memory: the sandboxed child"))

        // What Sandbox.run does besides the fork, part by part (public pieces only), to show
        // where its floor comes from.
        let scan = plan.measure {
            let t = Clock.now()
            let members = ProcessTable.members(ofGroup: nil, orChildrenOf: getpid())
            _ = members.count
            return Clock.now() - t
        }
        let processCount = ProcessTable.snapshot().count
        add(BenchRow(group: "process", name: "ProcessTable scan of /proc (\(processCount) processes now)", engine: scan,
                     note: "Swift only; Sandbox.run scans only when the kernel cannot prove the run left nothing (an escaped process, or the caller has children of its own)"))
        let region = try plan.measure {
            let t = Clock.now()
            let r = try SharedMemoryRegion(size: SandboxLimits().sharedMemoryBytes + 64 * 1024 + 32 * 16)
            _ = r.size
            return Clock.now() - t
        }
        add(BenchRow(group: "process", name: "SharedMemoryRegion(16 MB) create + unmap", engine: region,
                     note: "Swift only; once per Sandbox.run"))

        let items = (0..<10).map { [UInt8(truncatingIfNeeded: $0)] }
        let poolSmall = try plan.measure {
            let t = Clock.now()
            var counter = 0
            let pool = try ForkedWorkerPool(processes: 4, nameWorker: { counter += 1; return "ForkPoolWorker-\(counter)" },
                                            body: { .success($0) })
            let job = try pool.map(items)
            guard case .success = try pool.result(of: job) else { throw BenchError("pool map failed") }
            try pool.close()
            try pool.join()
            return Clock.now() - t
        }
        add(BenchRow(group: "process", name: "ForkedWorkerPool(4) + map 10 + close/join", engine: poolSmall, note: "Swift only"))

        let many = (0..<10_000).map { i in withUnsafeBytes(of: UInt32(i)) { Array($0) } }
        var counter = 0
        let pool = try ForkedWorkerPool(processes: 4, nameWorker: { counter += 1; return "ForkPoolWorker-\(counter)" },
                                        body: { .success($0) })
        let bigMap = try plan.measure {
            let t = Clock.now()
            let job = try pool.map(many)
            guard case .success(let out) = try pool.result(of: job), out.count == many.count else {
                throw BenchError("pool map of 10,000 failed")
            }
            return Clock.now() - t
        }
        try pool.close()
        try pool.join()
        add(BenchRow(group: "process", name: "ForkedWorkerPool(4).map over 10,000 items", engine: bigMap,
                     note: "Swift only; pool already running"))
    }
}
