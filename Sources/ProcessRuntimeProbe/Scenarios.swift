#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

/// The probe's scenarios by name.
enum Scenarios {
    struct UnknownScenario: Error, CustomStringConvertible {
        let name: String
        var description: String { "unknown scenario '\(name)'; known: \(Scenarios.names.joined(separator: ", "))" }
    }

    static let table: [(String, @Sendable ([String]) throws -> Report)] = [
        ("threads", { _ in try threads() }),
        ("exit-codes", { _ in try exitCodes() }),
        ("framing", { _ in try framing() }),
        ("shared-queue", { _ in try sharedQueue() }),
        ("counter", { try counter(locked: $0.first != "unlocked") }),
        ("semaphore", { _ in try semaphore() }),
        ("locks", { _ in try locks() }),
        ("event", { _ in try event() }),
        ("barrier", { _ in try barrier() }),
        ("condition", { _ in try condition() }),
        ("concurrency", { _ in try concurrency() }),
        ("sandbox", { try sandbox($0.first ?? "") }),
        ("sandbox-repeat", { _ in try sandboxRepeat() }),
        ("sandbox-beside-children", { _ in try sandboxBesideChildren() }),
        ("pool", { try pool($0.first ?? "") }),
        ("pool-sandbox", { _ in try poolInSandbox() }),
        ("queue-producers", { _ in try queueProducersConsumers() }),
        ("queue-flood", { _ in try queueFlood() }),
        ("connection", { _ in try connection() }),
        ("shared-containers", { _ in try sharedContainers() }),
    ]

    static var names: [String] { table.map(\.0) + ["worker"] }

    static func run(_ name: String, _ arguments: [String]) throws -> Report {
        guard let scenario = table.first(where: { $0.0 == name })?.1 else { throw UnknownScenario(name: name) }
        return try scenario(arguments)
    }

    /// Forks `count` children running `body(index)` and waits for all; returns their statuses.
    static func forkAll(_ count: Int, _ body: (Int) -> Int32) throws -> [ExitStatus] {
        var children: [ChildProcess] = []
        for index in 0..<count {
            children.append(try ChildProcess.fork { body(index) })
        }
        return try children.map { try $0.wait() ?? .exited(-1) }
    }

    static func threads() throws -> Report {
        var report = Report()
        report.set("threads", try ThreadCheck.threadCount())
        // The probe is single-threaded, so the guarded fork must be allowed here.
        let child = try ChildProcess.fork { 0 }
        report.set("forkAllowed", try child.wait() == .exited(0))
        return report
    }

    static func exitCodes() throws -> Report {
        var report = Report()
        let clean = try ChildProcess.fork { 0 }
        let three = try ChildProcess.fork { 3 }
        let selfKilled = try ChildProcess.fork {
            raise(SIGKILL)
            return 0
        }
        let sleeper = try ChildProcess.fork {
            MonotonicClock.sleep(seconds: 30)
            return 0
        }
        let killed = try ChildProcess.fork {
            MonotonicClock.sleep(seconds: 30)
            return 0
        }
        // A running child: waiting with a timeout returns nothing, and it is alive.
        let early = try sleeper.wait(timeout: 0.05)
        report.set("waitTimeoutReturnedNil", early == nil)
        report.set("aliveBeforeTerminate", sleeper.isRunning)
        try sleeper.terminate()
        try killed.kill()
        let statuses = try [clean, three, selfKilled, sleeper, killed].map { try $0.wait()?.pythonExitCode ?? 999 }
        report.set("exitCodes", statuses.map(Int.init))
        report.set("aliveAfterTerminate", sleeper.isRunning)
        // Waiting again returns the remembered status rather than failing.
        report.set("secondWait", Int(try three.wait()?.pythonExitCode ?? 999))
        report.set("description", try selfKilled.wait()?.description ?? "")
        return report
    }

    static func concurrency() throws -> Report {
        var report = Report()
        let start = MonotonicClock.nowSeconds()
        let statuses = try forkAll(4) { _ in
            MonotonicClock.sleep(seconds: 0.3)
            return 0
        }
        report.set("elapsed", MonotonicClock.nowSeconds() - start)
        report.set("allOk", statuses.allSatisfy(\.isSuccess))
        return report
    }
}
