#if canImport(Glibc)
import Glibc
#endif

/// The write ends the sandbox's main process gets.
struct ChildStreams {
    let output: FileDescriptor
    let errors: FileDescriptor
    let records: FileDescriptor
}

extension Sandbox {
    /// Runs in the forked main process before the work: own process group, death with the parent,
    /// standard streams on the pipes, nothing else inherited, default signals, rlimits. A failure
    /// here ends the child with code 121 and a message on its stderr: running untrusted code
    /// without its limits is never an option.
    static func prepareChild(streams: ChildStreams, limits: SandboxLimits, parent: pid_t) {
        do {
            try ProcessGroup.setGroup()
            ChildSide.dieWithParent(signal: SIGKILL, expectedParent: parent)
            try streams.output.duplicate(onto: .standardOutput)
            try streams.errors.duplicate(onto: .standardError)
            try ChildSide.redirectStandardInputToDevNull()
            ChildSide.closeInheritedDescriptors(keepingList: [streams.records.rawValue])
            ChildSide.resetSignalDispositions()
            // A write past RLIMIT_FSIZE should fail with EFBIG ("File too large"), which the
            // engine reports, rather than kill the process without a word.
            ChildSide.ignore(SIGXFSZ)
            try applyLimits(limits)
        } catch {
            let message = "sandbox setup failed: \(error)\n"
            _ = message.utf8CString.withUnsafeBytes { write(2, $0.baseAddress, $0.count - 1) }
            _exit(121)
        }
    }

    static func applyLimits(_ limits: SandboxLimits) throws {
        try ResourceLimits.lower(.coreSize, soft: 0)
        if !limits.allowFileWrites {
            try ResourceLimits.lower(.fileSize, soft: 0)
        }
        if let seconds = limits.cpuSeconds {
            // SIGXCPU at the soft limit; the hard limit one second later is the kernel's SIGKILL
            // for a process that ignores SIGXCPU.
            try ResourceLimits.lower(.cpuSeconds, soft: UInt64(max(1, seconds)), hard: UInt64(max(1, seconds)) + 1)
        }
        if let bytes = limits.addressSpaceBytes {
            try ResourceLimits.lower(.addressSpace, soft: bytes)
        }
        if let files = limits.maxOpenFiles {
            try ResourceLimits.lower(.openFiles, soft: UInt64(max(16, files)))
        }
    }
}
