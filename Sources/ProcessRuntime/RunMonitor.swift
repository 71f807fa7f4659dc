#if canImport(Glibc)
import Glibc
#endif

/// The sandbox parent's view of a running run: drains stdout, stderr and the record channel
/// together (draining one at a time deadlocks once the child fills another pipe), reaps ended
/// members of the run's group, and stops at the first of: main process ended, wall-clock limit,
/// output cap.
struct RunMonitor {
    enum StopReason: Equatable {
        case mainExited
        case timedOut
        case outputExceeded
        /// A `SIGTERM` is pending for the sandbox's process (see `TerminationRequest`).
        case cancelled
    }

    let mainPID: pid_t
    let limits: SandboxLimits
    let deadline: Deadline
    var collector: OutputCollector
    var records: [[UInt8]] = []
    var recordBytes = 0
    var mainStatus: ExitStatus?
    var mainCPUSeconds = 0.0

    private let output: FileDescriptor
    private let errors: FileDescriptor
    private let recordReader: FramedReader
    /// Descriptors not yet at end of file.
    private var open: Set<FileDescriptor>
    /// Polls readable once the main process has ended (a pidfd), so the watch wakes at that
    /// moment instead of at its next pause; nil where pidfds are unavailable. Owned by the
    /// caller, who closes it after the run.
    let mainExitWatch: FileDescriptor?

    init(mainPID: pid_t, limits: SandboxLimits, output: FileDescriptor, errors: FileDescriptor, records: FileDescriptor,
         mainExitWatch: FileDescriptor? = nil) {
        self.mainExitWatch = mainExitWatch
        self.mainPID = mainPID
        self.limits = limits
        deadline = Deadline(secondsFromNow: limits.wallClockSeconds)
        collector = OutputCollector(cap: limits.maxOutputBytes)
        self.output = output
        self.errors = errors
        recordReader = FramedReader(descriptor: records, maxFrameLength: max(1, limits.maxRecordBytes))
        open = [output, errors, records]
    }

    /// Watches until the run must stop, and says why.
    mutating func watch() -> StopReason {
        // Pause between status checks once every pipe is closed: short at first (the main
        // process closes its pipes a moment before it can be reaped), growing to the 10 ms
        // slice. A fixed 10 ms here added 0-10 ms to every run that printed (BENCHMARKS.md).
        var idlePause = 0.000_05
        while true {
            reapGroup()
            if mainStatus != nil { return .mainExited }
            if deadline.hasExpired { return .timedOut }
            if TerminationRequest.isPending { return .cancelled }
            // Wake at least every 10 ms to notice the main process ending: its grandchildren may
            // keep the pipes open, so end of file is no signal, and SIGCHLD handling would be
            // process-wide state.
            let slice = Deadline(secondsFromNow: min(deadline.remainingSeconds ?? 0.01, 0.01))
            if open.isEmpty {
                if let mainExitWatch {
                    _ = try? Poller.wait(for: [PollRequest(mainExitWatch)], deadline: slice)
                } else {
                    MonotonicClock.sleep(seconds: min(slice.remainingSeconds ?? 0.01, idlePause))
                    idlePause = min(idlePause * 2, 0.01)
                }
                continue
            }
            if !drainReady(until: slice, wakingForMainExit: true) { return .outputExceeded }
        }
    }

    /// After everything is killed: reads what is left in the pipes until end of file or
    /// `deadline`, still under the caps.
    mutating func drainRemaining(until deadline: Deadline) {
        while !open.isEmpty && !deadline.hasExpired {
            if !drainReady(until: deadline, wakingForMainExit: false) { return }
        }
    }

    /// Reaps every ended member of the run's group that is our child (the main process and
    /// re-parented orphans), keeping the main process's status and CPU time. The main process
    /// is also reaped by pid, in case it left its group (the group wait cannot see it then).
    mutating func reapGroup() {
        var status: Int32 = 0
        var usage = rusage()
        while true {
            let pid = wait4(-mainPID, &status, WNOHANG, &usage)
            if pid == -1 && errno == EINTR { continue }
            guard pid > 0 else { break }
            if pid == mainPID { noteMainEnded(status: status, usage: usage) }
        }
        while mainStatus == nil {
            let pid = wait4(mainPID, &status, WNOHANG, &usage)
            if pid == -1 && errno == EINTR { continue }
            if pid == mainPID { noteMainEnded(status: status, usage: usage) }
            return
        }
    }

    private mutating func noteMainEnded(status: Int32, usage: rusage) {
        mainStatus = ExitStatus(waitStatus: status)
        mainCPUSeconds = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Waits until `slice` for data (or, `wakingForMainExit`, the main process's end) and reads
    /// what is ready. Returns false once a cap is exceeded. (After the main process ended its
    /// exit watch stays readable: waiting on it then would spin.)
    private mutating func drainReady(until slice: Deadline, wakingForMainExit: Bool) -> Bool {
        let ready: [PollResult]
        var requests = open.map { PollRequest($0) }
        if wakingForMainExit, let mainExitWatch { requests.append(PollRequest(mainExitWatch)) }
        do {
            ready = try Poller.wait(for: requests, deadline: slice)
        } catch {
            return true
        }
        for result in ready {
            if result.descriptor == mainExitWatch {
                // Nothing to read: the watch loop reaps the main process next.
                continue
            } else if result.descriptor == recordReader.descriptor {
                if !readRecords() { return false }
            } else {
                guard let chunk = try? result.descriptor.readSome(maxCount: 1 << 16), !chunk.isEmpty else {
                    open.remove(result.descriptor)
                    continue
                }
                collector.append(chunk, toStandardError: result.descriptor == errors)
                if collector.truncated { return false }
            }
        }
        return true
    }

    /// Reads every complete record available now. False once the record cap is exceeded.
    private mutating func readRecords() -> Bool {
        while true {
            let result: FramedReadResult
            do {
                result = try recordReader.readAvailable()
            } catch FramingError.frameTooLarge {
                return false
            } catch {
                // A writer died mid-record: the stream is unusable from here on.
                open.remove(recordReader.descriptor)
                return true
            }
            switch result {
            case let .message(bytes):
                recordBytes += bytes.count
                if recordBytes > limits.maxRecordBytes { return false }
                records.append(bytes)
            case .timedOut:
                return true
            case .endOfStream:
                open.remove(recordReader.descriptor)
                return true
            }
        }
    }
}
