#if canImport(Glibc)
import Glibc
#endif

/// A point on the monotonic clock by which something must be done, or "never".
///
/// Timeouts in this layer are `Double?` seconds (nil waits forever), the way Python passes them;
/// internally every wait converts its timeout to a `Deadline` once, so retrying after `EINTR` or
/// a spurious wake-up never stretches the total wait.
public struct Deadline: Sendable, Equatable {
    /// Monotonic nanoseconds, or nil for "no deadline".
    public let nanoseconds: UInt64?

    /// A deadline `seconds` from now; nil or infinite seconds means no deadline. Negative
    /// timeouts are treated as zero (expire at once), as Python does for locks and waits.
    public init(secondsFromNow seconds: Double?) {
        guard let seconds, seconds.isFinite else {
            nanoseconds = nil
            return
        }
        let clamped = max(0, min(seconds, 1e9))
        nanoseconds = MonotonicClock.nowNanoseconds() &+ UInt64(clamped * 1e9)
    }

    public static let never = Deadline(secondsFromNow: nil)

    /// Seconds left (0 once passed), or nil for no deadline.
    public var remainingSeconds: Double? {
        guard let nanoseconds else { return nil }
        let now = MonotonicClock.nowNanoseconds()
        return nanoseconds > now ? Double(nanoseconds - now) / 1e9 : 0
    }

    public var hasExpired: Bool {
        guard let nanoseconds else { return false }
        return MonotonicClock.nowNanoseconds() >= nanoseconds
    }

    /// The remaining time as a `poll(2)` timeout: -1 for none, rounded up so that a wait never
    /// wakes a hair early and spins.
    public var pollTimeoutMilliseconds: Int32 {
        guard let nanoseconds else { return -1 }
        let now = MonotonicClock.nowNanoseconds()
        guard nanoseconds > now else { return 0 }
        let milliseconds = (nanoseconds - now + 999_999) / 1_000_000
        return Int32(min(milliseconds, UInt64(Int32.max)))
    }

    /// The deadline as an absolute `timespec` on `CLOCK_MONOTONIC`, for `*_clockwait` and
    /// condition variables created with a monotonic clock attribute.
    var monotonicTimespec: timespec? {
        guard let nanoseconds else { return nil }
        return timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    }
}

/// Reads `CLOCK_MONOTONIC`, the clock that does not jump when someone sets the date.
public enum MonotonicClock {
    public static func nowNanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    public static func nowSeconds() -> Double {
        Double(nowNanoseconds()) / 1e9
    }

    /// Sleeps for `seconds`, resuming after signals until the full time has passed.
    public static func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR {
            request = remaining
        }
    }
}
