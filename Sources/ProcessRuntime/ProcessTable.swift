#if canImport(Glibc)
import Glibc
#endif

/// One line of `/proc/<pid>/stat`, reduced to what reaping decisions need.
public struct ProcessTableEntry: Equatable, Hashable, Sendable, Codable {
    public let pid: Int32
    public let parentPID: Int32
    public let processGroup: Int32
    /// The one-letter state (`R`, `S`, `Z` for a zombie, ...).
    public let state: String
    public let command: String
}

/// Reads the system's process list from `/proc`: how the sandbox finds processes that are still
/// around (in its group, or re-parented to it) and how tests prove none were left behind.
public enum ProcessTable {
    /// All processes visible in `/proc` right now. Processes that vanish while being read are
    /// skipped.
    public static func snapshot() -> [ProcessTableEntry] {
        var result: [ProcessTableEntry] = []
        forEachPID { pid, buffer in
            if let info = info(pid: pid, buffer: &buffer) { result.append(info) }
        }
        return result
    }

    /// The stat line of one process, or nil if it does not exist.
    public static func info(pid: pid_t) -> ProcessTableEntry? {
        var buffer = [UInt8](repeating: 0, count: statBufferSize)
        return info(pid: pid, buffer: &buffer)
    }

    /// Processes in `group` or whose parent is `parent` (both optional filters, OR-ed).
    ///
    /// Reads only the few leading fields of each stat line and builds an entry only for a
    /// match: the sandbox's fallback cleanup scans the whole machine, so this stays cheap
    /// (a `String` per field of every process cost ≈ 20 M instructions per scan).
    public static func members(ofGroup group: pid_t?, orChildrenOf parent: pid_t?) -> [ProcessTableEntry] {
        var result: [ProcessTableEntry] = []
        forEachPID { pid, buffer in
            guard let count = readStat(pid: pid, into: &buffer),
                  let fields = StatFields(buffer[0..<count]) else { return }
            let matches = (group != nil && fields.processGroup == group) || (parent != nil && fields.parentPID == parent)
            if matches { result.append(fields.entry(pid: pid)) }
        }
        return result
    }

    /// Big enough for any stat line's leading fields; the command is at most 64 bytes.
    private static let statBufferSize = 512

    /// Calls `body` with every numeric entry of `/proc` and a scratch buffer for its stat line.
    private static func forEachPID(_ body: (pid_t, inout [UInt8]) -> Void) {
        guard let directory = opendir("/proc") else { return }
        defer { closedir(directory) }
        var buffer = [UInt8](repeating: 0, count: statBufferSize)
        while let entry = readdir(directory) {
            let pid: pid_t? = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                var value: pid_t = 0
                var digits = 0
                for byte in raw {
                    if byte == 0 { break }
                    guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 else { return nil }
                    value = value * 10 + pid_t(byte - UInt8(ascii: "0"))
                    digits += 1
                }
                return digits > 0 ? value : nil
            }
            if let pid { body(pid, &buffer) }
        }
    }

    private static func info(pid: pid_t, buffer: inout [UInt8]) -> ProcessTableEntry? {
        guard let count = readStat(pid: pid, into: &buffer) else { return nil }
        return StatFields(buffer[0..<count])?.entry(pid: pid)
    }

    /// Reads the start of `/proc/<pid>/stat` into `buffer`; the byte count, or nil if the
    /// process is gone.
    private static func readStat(pid: pid_t, into buffer: inout [UInt8]) -> Int? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var total = 0
        while total < buffer.count {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if count > 0 {
                total += count
            } else if count == -1 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return total > 0 ? total : nil
    }

    /// The fields of a stat line that reaping needs: `pid (comm) state ppid pgrp ...`. The
    /// command may contain spaces and parentheses, so the fields start after the last `)`.
    struct StatFields {
        let command: ArraySlice<UInt8>
        let state: UInt8
        let parentPID: pid_t
        let processGroup: pid_t

        init?(_ line: ArraySlice<UInt8>) {
            guard let open = line.firstIndex(of: UInt8(ascii: "(")),
                  let close = line.lastIndex(of: UInt8(ascii: ")")), open < close else { return nil }
            var fields: [ArraySlice<UInt8>] = []
            var rest = line[(close + 1)...]
            while fields.count < 3 {
                rest = rest.drop { $0 == UInt8(ascii: " ") }
                guard !rest.isEmpty else { return nil }
                let end = rest.firstIndex(of: UInt8(ascii: " ")) ?? rest.endIndex
                fields.append(rest[..<end])
                rest = rest[end...]
            }
            guard fields[0].count == 1, let parent = Self.number(fields[1]), let group = Self.number(fields[2]) else { return nil }
            command = line[(open + 1)..<close]
            state = fields[0][fields[0].startIndex]
            parentPID = parent
            processGroup = group
        }

        func entry(pid: pid_t) -> ProcessTableEntry {
            ProcessTableEntry(pid: pid, parentPID: parentPID, processGroup: processGroup,
                              state: String(UnicodeScalar(state)), command: String(decoding: command, as: UTF8.self))
        }

        /// A decimal field; negative values occur (`-1`) for some kernel threads' groups.
        static func number(_ digits: ArraySlice<UInt8>) -> pid_t? {
            var value: Int64 = 0
            var sign: Int64 = 1
            var body = digits
            if body.first == UInt8(ascii: "-") {
                sign = -1
                body = body.dropFirst()
            }
            guard !body.isEmpty, body.count <= 10 else { return nil }
            for byte in body {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            return pid_t(exactly: sign * value)
        }
    }

    /// Number of descriptors the calling process has open (entries of `/proc/self/fd`, minus
    /// the one used to list them).
    public static func openDescriptorCount() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 != UInt8(ascii: ".") { count += 1 }
        }
        return count - 1
    }
}
