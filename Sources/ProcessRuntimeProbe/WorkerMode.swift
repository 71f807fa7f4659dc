#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

/// The probe as a `SpawnedWorker`: requests are text commands.
/// `echo:TEXT` answers TEXT; `reverse:TEXT` answers it reversed; `pid` answers the pid;
/// `sleep:SECONDS` sleeps then answers `slept`; `die` kills itself with SIGKILL mid-request;
/// `fail:MESSAGE` makes the handler throw; `big:N` answers N bytes; `print:TEXT` prints TEXT to
/// stdout (which must not reach the protocol channel) and answers `printed`;
/// `sandbox:TEXT` runs a sandbox that prints TEXT and answers `STATUS|STDOUT` (the batch grader's
/// shape: a fork server); `hang-sandbox:PATH` runs a sandbox whose processes sleep for a minute,
/// after writing the run's process group to PATH, so a test can terminate the worker and check
/// that the run's processes went with it.
enum WorkerMode {
    struct HandlerFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func serve() -> Int32 {
        WorkerServer.serve { request in
            let text = String(decoding: request, as: UTF8.self)
            let (command, argument) = split(text)
            switch command {
            case "echo": return Array(argument.utf8)
            case "reverse": return Array(String(argument.reversed()).utf8)
            case "pid": return Array(String(getpid()).utf8)
            case "sleep":
                // Cooperative, like a sandbox run: a deferred SIGTERM ends the job early.
                let deadline = Deadline(secondsFromNow: Double(argument) ?? 0)
                while !deadline.hasExpired {
                    if TerminationRequest.isPending { throw HandlerFailure(description: "terminated") }
                    MonotonicClock.sleep(seconds: 0.01)
                }
                return Array("slept".utf8)
            case "die":
                raise(SIGKILL)
                return []
            case "fail": throw HandlerFailure(description: argument)
            case "big": return [UInt8](repeating: 0x61, count: Int(argument) ?? 0)
            case "print":
                print(argument)
                fflush(nil)
                return Array("printed".utf8)
            case "sandbox":
                let outcome = try Sandbox(limits: SandboxLimits(wallClockSeconds: 5)).run { _ in
                    print(argument)
                    return 0
                }
                return Array("\(outcome.status.name)|\(outcome.stdoutText)".utf8)
            case "hang-sandbox":
                let limits = SandboxLimits(wallClockSeconds: 60, allowFileWrites: true)
                let outcome = try Sandbox(limits: limits).run { context in
                    _ = try? context.fork {
                        MonotonicClock.sleep(seconds: 60)
                        return 0
                    }
                    let fd = open(argument, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                    _ = try? FileDescriptor(rawValue: fd).writeAll(Array(String(getpgrp()).utf8))
                    close(fd)
                    MonotonicClock.sleep(seconds: 60)
                    return 0
                }
                return Array(outcome.status.name.utf8)
            default: throw HandlerFailure(description: "unknown command \(command)")
            }
        }
    }

    private static func split(_ text: String) -> (String, String) {
        guard let colon = text.firstIndex(of: ":") else { return (text, "") }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
