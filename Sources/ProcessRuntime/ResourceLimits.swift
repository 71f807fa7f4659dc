#if canImport(Glibc)
import Glibc
#endif

/// The rlimits a sandboxed child sets on itself before running untrusted work. Inherited by
/// every process it forks.
public enum ResourceLimits {
    /// Which limit.
    public enum Resource: Sendable, Equatable {
        /// CPU seconds: `SIGXCPU` at the soft limit, `SIGKILL` at the hard one.
        case cpuSeconds
        /// Virtual address space in bytes: allocations beyond it fail.
        case addressSpace
        /// Largest file size in bytes: 0 forbids writing any byte to a regular file.
        case fileSize
        /// Core dump size: 0 so a crashing child does not write a core file.
        case coreSize
        /// Number of open file descriptors.
        case openFiles

        var raw: __rlimit_resource_t {
            switch self {
            case .cpuSeconds: __rlimit_resource_t(RLIMIT_CPU.rawValue)
            case .addressSpace: __rlimit_resource_t(RLIMIT_AS.rawValue)
            case .fileSize: __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
            case .coreSize: __rlimit_resource_t(RLIMIT_CORE.rawValue)
            case .openFiles: __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
            }
        }
    }

    /// Sets soft and hard limits (hard defaults to soft). Lowering is always allowed; raising a
    /// hard limit needs privilege.
    public static func set(_ resource: Resource, soft: UInt64, hard: UInt64? = nil) throws {
        var limit = rlimit(rlim_cur: rlim_t(soft), rlim_max: rlim_t(hard ?? soft))
        if setrlimit(resource.raw, &limit) == -1 {
            throw SystemCallError.lastError("setrlimit(\(resource))")
        }
    }

    /// The current (soft, hard) limits; `UInt64.max` means unlimited.
    public static func get(_ resource: Resource) throws -> (soft: UInt64, hard: UInt64) {
        var limit = rlimit()
        if getrlimit(resource.raw, &limit) == -1 {
            throw SystemCallError.lastError("getrlimit(\(resource))")
        }
        return (UInt64(limit.rlim_cur), UInt64(limit.rlim_max))
    }

    /// Lowers a limit to at most `soft`/`hard`, never trying to raise one above the current hard
    /// limit (which would fail without privilege): a sandbox inside a stricter sandbox keeps the
    /// stricter limit.
    public static func lower(_ resource: Resource, soft: UInt64, hard: UInt64? = nil) throws {
        let current = try get(resource)
        let newHard = min(hard ?? soft, current.hard)
        try set(resource, soft: min(soft, newHard), hard: newHard)
    }
}
