#if canImport(Glibc)
import Glibc
#endif

/// The record of what ran (issue 4, item 3): one JSON object per line, appended by every process
/// of the run to one shared file descriptor. Each line is written with a single `write(2)` on an
/// `O_APPEND` descriptor, so lines from different processes never interleave, and records
/// survive a process that is killed right after writing them.
///
/// Events: `process` (start and end of every `Process` and pool worker: pid, parent, name, start
/// method, exit code), `task` (every pool task), `output` (which process wrote which bytes).
public final class MultiprocessingTrace: @unchecked Sendable {
    private let descriptor: Int32
    /// When set, records go here instead of the file (e.g. a sandbox's side channel,
    /// `SandboxContext.send(record:)`, which is safe from every process of the run).
    private let handler: (@Sendable (String) -> Void)?

    /// Sends each record (one JSON object, no newline) to `handler`, in the writing process.
    public init(recordHandler handler: @escaping @Sendable (String) -> Void) {
        descriptor = -1
        self.handler = handler
    }

    /// Opens an anonymous file (unlinked at once) to collect the records.
    public init() throws {
        var template = Array("/tmp/grader-trace-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw TraceError(message: "cannot create the trace file (errno \(errno))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_APPEND)
        descriptor = fd
        handler = nil
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    struct TraceError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// Appends one record. `fields` are written in the given order.
    public func record(_ fields: [(String, TraceValue)]) {
        var line = "{"
        for (i, (key, value)) in fields.enumerated() {
            if i > 0 { line += "," }
            line += TraceValue.string(key).json + ":" + value.json
        }
        line += "}"
        if let handler {
            handler(line)
            return
        }
        line += "\n"
        var bytes = Array(line.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
    }

    /// Records every line `sink` writes as an `output` event tagged with the writing process
    /// (the sink's observer runs in whichever process flushes it, parent or child).
    public func observeOutput(of sink: OutputSink, stream: String) {
        sink.flushObserver = { [self] bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            if lines.last == "" { lines.removeLast() }
            for line in lines {
                record([("event", .string("output")), ("pid", .int(Int(getpid()))), ("stream", .string(stream)),
                        ("text", .string(String(line)))])
            }
        }
    }

    /// Every record written so far by any process of the run, one JSON object per element
    /// (empty when records go to a handler).
    public func lines() -> [String] {
        guard descriptor >= 0 else { return [] }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, $0.count, offset) }
            if n <= 0 { break }
            bytes += buffer[0..<n]
            offset += off_t(n)
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}

/// A JSON value in a trace record.
public enum TraceValue: Sendable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null

    var json: String {
        switch self {
        case .string(let s): return Interpreter.jsonString(s, ascii: false)
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        }
    }
}
