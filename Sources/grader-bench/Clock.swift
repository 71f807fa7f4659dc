#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC in seconds: wall time that never jumps with NTP or the date.
enum Clock {
    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Peak resident set size of this process, in bytes (`getrusage`; Linux reports KiB).
enum PeakMemory {
    static func ofSelf() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}
