#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

extension Scenarios {
    /// A child that leaves an orphan behind, and one that escapes the process group with
    /// `setsid`; each sends its pid as a record and sleeps until it is killed.
    static func forkOrphanAndEscapee(_ context: SandboxContext) {
        _ = try? context.fork {
            _ = try? context.fork {
                try? context.send(record: "\(getpid())")
                MonotonicClock.sleep(seconds: 30)
                return 0
            }
            return 0
        }
        _ = try? context.fork {
            _ = setsid()
            try? context.send(record: "\(getpid())")
            MonotonicClock.sleep(seconds: 30)
            return 0
        }
    }

    /// Writes straight to fd 1 with `write(2)`, bypassing stdio buffering, so each line reaches
    /// the sandbox's pipe at once.
    static func emit(_ text: String, to fd: Int32 = 1) {
        _ = try? FileDescriptor(rawValue: fd).writeAll(Array(text.utf8))
    }

    static func sandbox(_ kind: String) throws -> Report {
        var limits = SandboxLimits(wallClockSeconds: 5)
        let body: (SandboxContext) -> Int32
        var temporaryFile: String?
        switch kind {
        case "ok":
            body = { context in
                emit("main says hi\n")
                emit("main warns\n", to: 2)
                try? context.send(record: "{\"pid\":\(getpid()),\"role\":\"main\"}")
                var children: [ChildProcess] = []
                for index in 0..<2 {
                    guard let child = try? context.fork({
                        emit("child \(index)\n")
                        try? context.send(record: "{\"pid\":\(getpid()),\"role\":\"child\"}")
                        // A grandchild inherits the same stdout pipe.
                        if let grandchild = try? context.fork({
                            emit("grandchild of \(index)\n")
                            return 0
                        }) {
                            _ = try? grandchild.wait()
                        }
                        return 0
                    }) else { return 5 }
                    children.append(child)
                }
                for child in children { _ = try? child.wait() }
                return 0
            }
        case "error":
            body = { _ in
                emit("Traceback (most recent call last):\n", to: 2)
                return 3
            }
        case "timeout":
            limits.wallClockSeconds = 0.5
            body = { context in
                _ = try? context.fork {
                    while true {}
                }
                while true {}
            }
        case "output":
            limits.maxOutputBytes = 64 * 1024
            body = { _ in
                let line = Array("flooding the output with a long line of text, again and again\n".utf8)
                while true { _ = try? FileDescriptor.standardOutput.writeAll(line) }
            }
        case "forkbomb":
            body = { context in
                func bomb() -> Int32 {
                    while true {
                        do {
                            _ = try context.fork { bomb() }
                        } catch {
                            emit("\(error)\n", to: 2)
                            return 1
                        }
                    }
                }
                return bomb()
            }
        case "cpu":
            limits.cpuSeconds = 1
            // Generous wall time: on a loaded machine one CPU second can take several.
            limits.wallClockSeconds = 30
            body = { _ in
                var x: UInt64 = 1
                while x != 0 { x = x &* 6364136223846793005 &+ 1442695040888963407 }
                return 0
            }
        case "fsize":
            let path = "/tmp/process-runtime-probe-\(getpid()).txt"
            temporaryFile = path
            body = { _ in
                let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                guard fd >= 0 else {
                    emit("open failed \(errno)\n")
                    return 2
                }
                let bytes = Array("student data\n".utf8)
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                let code = errno
                close(fd)
                emit(written == -1 ? "write failed: \(String(cString: strerror(code)))\n" : "wrote \(written)\n")
                return written == -1 ? 1 : 0
            }
        case "memory":
            limits.addressSpaceBytes = 1 << 30
            body = { _ in
                // 2 GiB cannot fit under a 1 GiB address-space limit, touched or not.
                let size = 2 << 30
                let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                if address == MAP_FAILED {
                    emit("allocation refused: \(String(cString: strerror(errno)))\n")
                    return 1
                }
                munmap(address, size)
                emit("allocation allowed\n")
                return 0
            }
        case "orphans":
            body = { context in
                forkOrphanAndEscapee(context)
                MonotonicClock.sleep(seconds: 0.2)
                return 0
            }
        default:
            throw UnknownScenario(name: "sandbox \(kind)")
        }

        let outcome = try Sandbox(limits: limits).run(body)
        var report = Report()
        report.set("status", outcome.status.name)
        report.set("statusDescription", outcome.status.description)
        if case let .limit(which) = outcome.status { report.set("limit", which.rawValue) }
        if case let .error(code) = outcome.status { report.set("exitCode", code) }
        report.set("mainPID", outcome.mainPID)
        report.set("stdout", String(outcome.stdoutText.prefix(2_000)))
        report.set("stderr", String(outcome.stderrText.prefix(2_000)))
        report.set("outputBytes", outcome.stdout.count + outcome.stderr.count)
        report.set("truncated", outcome.outputTruncated)
        report.set("wallTime", outcome.wallTimeSeconds)
        report.set("cpuTime", outcome.cpuTimeSeconds)
        report.set("processes", outcome.processes.count)
        report.set("processesStarted", outcome.processesStarted)
        report.set("processesRefused", outcome.processesRefused)
        report.set("records", .array(outcome.records.map { .string(String(decoding: $0, as: UTF8.self)) }))
        report.set("survivors", outcome.survivors.count)

        // Independent check: nothing of the run is left, whether in its group, re-parented to us,
        // or among the pids it reported.
        let leftovers = ProcessTable.members(ofGroup: outcome.mainPID, orChildrenOf: getpid())
        let recordedPIDs = outcome.processes.map(\.pid) + outcome.records.compactMap {
            Int32(String(decoding: $0, as: UTF8.self))
        }
        let stillThere = recordedPIDs.filter { ProcessTable.info(pid: $0) != nil }
        report.set("leftovers", leftovers.map { Int($0.pid) } + stillThere.map(Int.init))

        if let temporaryFile {
            var info = stat()
            report.set("fileSize", stat(temporaryFile, &info) == 0 ? Int(info.st_size) : -1)
            unlink(temporaryFile)
        }
        return report
    }

    /// A fork server runs thousands of cells: many runs in a row must not leak descriptors,
    /// children or zombies.
    static func sandboxRepeat() throws -> Report {
        func openDescriptors() -> Int {
            ProcessTable.openDescriptorCount()
        }
        var report = Report()
        // The first run sets up what stays (the subreaper mark, lazily loaded symbols).
        _ = try Sandbox().run { _ in 0 }
        let before = openDescriptors()
        var statuses: Set<String> = []
        for index in 0..<30 {
            let outcome = try Sandbox(limits: SandboxLimits(wallClockSeconds: 5)).run { context in
                emit("run \(index)\n")
                if index % 3 == 0 { _ = try? context.fork { 0 } }
                return index % 2 == 0 ? 0 : 1
            }
            statuses.insert(outcome.status.name)
            if outcome.stdoutText != "run \(index)\n" { report.set("badOutput", index) }
        }
        report.set("statuses", .array(statuses.sorted().map { .string($0) }))
        report.set("descriptorsBefore", before)
        report.set("descriptorsAfter", openDescriptors())
        report.set("children", ProcessTable.members(ofGroup: nil, orChildrenOf: getpid()).count)
        return report
    }
}
