/// The limits one sandboxed run is held to. Defaults follow the assignment's policy: 10 s of
/// wall-clock time, 32 processes, 1 MB of output, no file writes.
public struct SandboxLimits: Sendable, Equatable, Codable {
    /// Wall-clock time for the whole run, in seconds; the run's process group is killed after it.
    public var wallClockSeconds: Double
    /// CPU seconds per process (`RLIMIT_CPU`), or nil for none.
    public var cpuSeconds: Int?
    /// Address space per process in bytes (`RLIMIT_AS`), or nil for none.
    public var addressSpaceBytes: UInt64?
    /// Processes the run may start besides its main process (counted by `ProcessBudget`).
    public var maxProcesses: Int
    /// Bytes of stdout plus stderr kept; one byte more stops the run.
    public var maxOutputBytes: Int
    /// Bytes of side-channel records kept; more stops the run like an output flood.
    public var maxRecordBytes: Int
    /// Open descriptors per process (`RLIMIT_NOFILE`), or nil to inherit.
    public var maxOpenFiles: Int?
    /// False sets `RLIMIT_FSIZE` to 0: no byte can be written to any regular file, whatever the
    /// code does. Writes fail with `EFBIG` ("File too large"); `SIGXFSZ` is ignored so they fail
    /// rather than kill.
    public var allowFileWrites: Bool
    /// Size of the shared memory region handed to the run (`SandboxContext.region`), for the
    /// engine's shared values and locks. Pages cost memory only once touched.
    public var sharedMemoryBytes: Int

    public init(
        wallClockSeconds: Double = 10,
        cpuSeconds: Int? = 10,
        addressSpaceBytes: UInt64? = 4 << 30,
        maxProcesses: Int = 32,
        maxOutputBytes: Int = 1_000_000,
        maxRecordBytes: Int = 8 << 20,
        maxOpenFiles: Int? = 256,
        allowFileWrites: Bool = false,
        sharedMemoryBytes: Int = 16 << 20
    ) {
        self.wallClockSeconds = wallClockSeconds
        self.cpuSeconds = cpuSeconds
        self.addressSpaceBytes = addressSpaceBytes
        self.maxProcesses = maxProcesses
        self.maxOutputBytes = maxOutputBytes
        self.maxRecordBytes = maxRecordBytes
        self.maxOpenFiles = maxOpenFiles
        self.allowFileWrites = allowFileWrites
        self.sharedMemoryBytes = sharedMemoryBytes
    }
}
