import Foundation
import Testing

/// Runs the `ProcessRuntimeProbe` executable, which sits next to the test bundle in the build
/// directory. The test runner is multithreaded, so it must never fork: everything that forks
/// happens in the (single-threaded) probe, and tests assert on the JSON it prints.
enum ProbeRunner {
    struct ProbeFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The probe's path: the directory of `/proc/self/exe` (the test runner) + the probe's name.
    static var probePath: String {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("ProcessRuntimeProbe").path
    }

    /// Runs the probe with `arguments` and returns its JSON report. A probe that runs longer than
    /// `timeout` is killed (so a regression shows as a failure, not a hung suite).
    static func run(_ arguments: [String], timeout: Double = 30) throws -> [String: Any] {
        let output = try runRaw(arguments, timeout: timeout)
        guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            throw ProbeFailure(description: "probe printed no JSON object: \(String(decoding: output, as: UTF8.self))")
        }
        if let error = object["error"] as? String {
            throw ProbeFailure(description: "probe \(arguments) failed: \(error)")
        }
        return object
    }

    static func runRaw(_ arguments: [String], timeout: Double) throws -> Data {
        let path = probePath
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ProbeFailure(description: "probe not found at \(path); build it with `swift build --build-tests`")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Foundation.Pipe()
        process.standardOutput = pipe
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationReason == .exit else {
            throw ProbeFailure(description: "probe \(arguments) was killed by signal \(process.terminationStatus)")
        }
        return data
    }
}

extension Dictionary where Key == String, Value == Any {
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func double(_ key: String) -> Double? { (self[key] as? NSNumber)?.doubleValue }
    func bool(_ key: String) -> Bool? { (self[key] as? NSNumber)?.boolValue }
    func string(_ key: String) -> String? { self[key] as? String }
    func ints(_ key: String) -> [Int]? { (self[key] as? [NSNumber])?.map(\.intValue) }
    func strings(_ key: String) -> [String]? { self[key] as? [String] }
}
