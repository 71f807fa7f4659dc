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
        guard let directory = opendir("/proc") else { return [] }
        defer { closedir(directory) }
        var result: [ProcessTableEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let pid = Int32(name), let info = info(pid: pid) else { continue }
            result.append(info)
        }
        return result
    }

    /// The stat line of one process, or nil if it does not exist.
    public static func info(pid: pid_t) -> ProcessTableEntry? {
        guard let text = readSmallFile("/proc/\(pid)/stat") else { return nil }
        // Format: pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses, so
        // split at the last ')'.
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return nil }
        let command = String(text[text.index(after: open)..<close])
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count >= 3, let parent = Int32(fields[1]), let group = Int32(fields[2]) else { return nil }
        return ProcessTableEntry(pid: pid, parentPID: parent, processGroup: group, state: String(fields[0]), command: command)
    }

    /// Processes in `group` or whose parent is `parent` (both optional filters, OR-ed).
    public static func members(ofGroup group: pid_t?, orChildrenOf parent: pid_t?) -> [ProcessTableEntry] {
        snapshot().filter { info in
            (group != nil && info.processGroup == group) || (parent != nil && info.parentPID == parent)
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

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: buffer[0..<count])
            } else if count == -1 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }
}
