/// The wire format between a `SpawnedWorker` and the `WorkerServer` inside it: framed messages
/// (`FramedWriter`) on the worker's stdin (requests) and a private copy of its stdout
/// (responses). A request frame is the caller's bytes as they are; a response frame starts with
/// one tag byte.
enum WorkerProtocol {
    static let successTag: UInt8 = 0
    static let failureTag: UInt8 = 1

    static func encodeSuccess(_ payload: [UInt8]) -> [UInt8] {
        [successTag] + payload
    }

    static func encodeFailure(_ message: String) -> [UInt8] {
        [failureTag] + Array(message.utf8)
    }

    static func decode(_ frame: [UInt8]) -> Result<[UInt8], WorkerError> {
        guard let tag = frame.first else {
            return .failure(.protocolError("empty response frame"))
        }
        let payload = Array(frame.dropFirst())
        switch tag {
        case successTag: return .success(payload)
        case failureTag: return .failure(.handlerFailed(String(decoding: payload, as: UTF8.self)))
        default: return .failure(.protocolError("unknown response tag \(tag)"))
        }
    }
}
