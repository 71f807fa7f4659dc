#if canImport(Glibc)
import Glibc
#endif

/// The worker side of `SpawnedWorker`: what the grader's hidden worker mode calls to serve
/// requests until the orchestrator closes its stdin.
public enum WorkerServer {
    /// Serves framed requests from stdin, answering each with `handler`'s bytes (or its error's
    /// description) on the original stdout. Returns the exit code to end with: 0 when stdin
    /// closes cleanly, 1 on a broken channel.
    ///
    /// Before serving, the protocol descriptors are moved aside and fd 1 is pointed at stderr,
    /// so a stray `print` in the worker or in code it runs cannot corrupt the channel.
    ///
    /// While a request is handled, `SIGTERM` is deferred (`TerminationRequest`): a `Sandbox`
    /// running in the handler sees it, kills and reaps its run, and returns; the worker then
    /// answers and ends. An idle worker ends at once on `SIGTERM`.
    public static func serve(_ handler: ([UInt8]) throws -> [UInt8]) -> Int32 {
        let requests: FileDescriptor
        let responses: FileDescriptor
        do {
            requests = try FileDescriptor.standardInput.duplicate()
            responses = try FileDescriptor.standardOutput.duplicate()
            try FileDescriptor.standardError.duplicate(onto: .standardOutput)
            try ChildSide.redirectStandardInputToDevNull()
        } catch {
            return 1
        }
        ChildSide.ignore(SIGPIPE)
        let reader = FramedReader(descriptor: requests)
        let writer = FramedWriter(descriptor: responses)
        while true {
            let request: [UInt8]
            do {
                guard let next = try reader.read() else { return 0 }
                request = next
            } catch {
                return 1
            }
            TerminationRequest.block()
            let response: [UInt8]
            do {
                response = WorkerProtocol.encodeSuccess(try handler(request))
            } catch {
                response = WorkerProtocol.encodeFailure(String(describing: error))
            }
            fflush(nil)
            do {
                try writer.write(response)
            } catch {
                return 1
            }
            TerminationRequest.unblock()
        }
    }
}
