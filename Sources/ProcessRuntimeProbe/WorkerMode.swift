#if canImport(Glibc)
import Glibc
#endif
import ProcessRuntime

/// The probe as a `SpawnedWorker`: requests are text commands.
/// `echo:TEXT` answers TEXT; `reverse:TEXT` answers it reversed; `pid` answers the pid;
/// `sleep:SECONDS` sleeps then answers `slept`; `die` kills itself with SIGKILL mid-request;
/// `fail:MESSAGE` makes the handler throw; `big:N` answers N bytes; `print:TEXT` prints TEXT to
/// stdout (which must not reach the protocol channel) and answers `printed`.
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
                MonotonicClock.sleep(seconds: Double(argument) ?? 0)
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
            default: throw HandlerFailure(description: "unknown command \(command)")
            }
        }
    }

    private static func split(_ text: String) -> (String, String) {
        guard let colon = text.firstIndex(of: ":") else { return (text, "") }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
