#if canImport(Glibc)
import Glibc
#endif

/// A long-lived helper process started with `posix_spawn` (typically the grader itself in a
/// hidden worker mode, serving with `WorkerServer.serve`), spoken to with framed bytes:
/// one request in, one response out.
///
/// Safe to create from a multithreaded process. Starting one sets `SIGPIPE` to ignored in the
/// calling process: a worker that dies must surface as `WorkerError.died`, not kill the caller
/// when it next writes to the worker.
public final class SpawnedWorker {
    public let executable: String
    public let process: ChildProcess
    let requestWriter: FramedWriter
    let responseReader: FramedReader
    private var channelClosed = false

    public var pid: pid_t { process.pid }

    public init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String]? = nil,
        standardError: ProcessSpawner.StandardError = .inherit
    ) throws {
        signal(SIGPIPE, SIG_IGN)
        self.executable = executable
        let requests = try ProcessPipe()
        let responses: ProcessPipe
        do {
            responses = try ProcessPipe()
        } catch {
            requests.closeQuietly()
            throw error
        }
        let pid: pid_t
        do {
            pid = try ProcessSpawner.spawn(
                executable: executable, arguments: arguments, environment: environment,
                standardInput: requests.readEnd, standardOutput: responses.writeEnd,
                standardError: standardError
            )
        } catch {
            requests.closeQuietly()
            responses.closeQuietly()
            throw WorkerError.spawnFailed(executable: executable, reason: String(describing: error))
        }
        requests.readEnd.closeQuietly()
        responses.writeEnd.closeQuietly()
        // Non-blocking so that a worker that stops reading cannot block us past a deadline.
        try? requests.writeEnd.setNonBlocking(true)
        process = ChildProcess(pid: pid)
        requestWriter = FramedWriter(descriptor: requests.writeEnd)
        responseReader = FramedReader(descriptor: responses.readEnd)
    }

    deinit {
        shutdown(grace: 0)
    }

    /// The descriptor responses arrive on, for waiting on several workers with `Poller`.
    public var responseDescriptor: FileDescriptor { responseReader.descriptor }

    /// Sends one request; a worker that is gone gives `WorkerError.died`, a worker that does not
    /// take the bytes before `deadline` is killed and gives `WorkerError.timedOut`.
    public func send(_ request: [UInt8], deadline: Deadline = .never) throws {
        guard !channelClosed else { throw WorkerError.died(process.exitStatus) }
        do {
            try requestWriter.write(request, deadline: deadline)
        } catch FramingError.peerClosed {
            throw WorkerError.died(reap(within: 1))
        } catch FramingError.writeTimedOut {
            terminate()
            throw WorkerError.timedOut(seconds: 0)
        } catch let error as SystemCallError {
            throw WorkerError.protocolError(error.description)
        }
    }

    /// Waits for the next response until `deadline`; nil if none arrived by then (a partial
    /// response is kept for the next call). Throws `WorkerError` if the worker died, or its
    /// handler failed.
    public func receive(deadline: Deadline = .never) throws -> [UInt8]? {
        let result: FramedReadResult
        do {
            result = try responseReader.read(deadline: deadline)
        } catch FramingError.truncatedFrame {
            throw WorkerError.died(reap(within: 1))
        } catch {
            kill()
            throw WorkerError.protocolError(String(describing: error))
        }
        switch result {
        case let .message(frame):
            return try WorkerProtocol.decode(frame).get()
        case .timedOut:
            return nil
        case .endOfStream:
            throw WorkerError.died(reap(within: 1))
        }
    }

    /// One request, one response, within `timeout` seconds (nil: no limit). On timeout the worker
    /// is killed and the error is `WorkerError.timedOut`; the worker is then unusable.
    public func call(_ request: [UInt8], timeout: Double? = nil) -> Result<[UInt8], WorkerError> {
        let deadline = Deadline(secondsFromNow: timeout)
        do {
            try send(request, deadline: deadline)
            guard let response = try receive(deadline: deadline) else {
                terminate()
                return .failure(.timedOut(seconds: timeout ?? 0))
            }
            return .success(response)
        } catch let error as WorkerError {
            if case .timedOut = error { return .failure(.timedOut(seconds: timeout ?? 0)) }
            return .failure(error)
        } catch {
            return .failure(.protocolError(String(describing: error)))
        }
    }

    /// True until the worker has ended and been reaped.
    public var isAlive: Bool { !channelClosed && process.isRunning }

    /// Asks the worker to stop (`SIGTERM`: a `WorkerServer` cleans up its current sandbox run
    /// first), waits up to `grace` seconds, then kills it. Reaps it either way.
    public func terminate(grace: Double = 2) {
        try? process.terminate()
        if (try? process.wait(timeout: grace)) == nil {
            kill()
        } else {
            _ = reap(within: 0)
        }
    }

    /// `SIGKILL`s the worker and reaps it. Prefer `terminate(grace:)` while it may be running a
    /// sandbox: a killed worker cannot clean up its run's processes.
    public func kill() {
        try? process.kill()
        _ = reap(within: nil)
    }

    /// Closes the worker's stdin and asks it to stop (an idle `WorkerServer` ends at once; a busy
    /// one cleans up its sandbox run first), waits up to `grace` seconds, then kills it.
    public func shutdown(grace: Double = 1) {
        if !channelClosed {
            requestWriter.descriptor.closeQuietly()
            responseReader.descriptor.closeQuietly()
            channelClosed = true
        }
        guard process.exitStatus == nil else { return }
        try? process.terminate()
        if (try? process.wait(timeout: grace)) == nil {
            kill()
        }
    }

    /// Closes the channel and reaps the worker, waiting `within` seconds (nil: until it ends) for
    /// it to exit on its own before killing it.
    private func reap(within seconds: Double?) -> ExitStatus? {
        if !channelClosed {
            requestWriter.descriptor.closeQuietly()
            responseReader.descriptor.closeQuietly()
            channelClosed = true
        }
        if let status = try? process.wait(timeout: seconds) { return status }
        try? process.kill()
        return try? process.wait(timeout: nil)
    }
}
