/// Running one Python source three ways (engine in a sandbox, engine as a subprocess, CPython)
/// and turning that into a row.
extension Bench {
    /// Measures `source` (saved at `file`) on every available runner. The first engine run
    /// decides: when the engine reports the construct "not available yet" (multiprocessing
    /// before the bridge lands), only CPython is timed and the row says so.
    mutating func compareScript(group: String, name: String, source: String, file: String) throws {
        try TextFile.write(source, to: file)
        // Copies for the closures below (self is mutating here).
        let (inProcess, engineScript, cpython) = (self.inProcess, self.engineScript, self.cpython)
        var notes: [String] = []
        let probe = try inProcess.run(source: source, fileName: file)
        let reference = try cpython?.run(file: file)

        var engine: Measurement?
        var engineSub: Measurement?
        var cpythonTime: Measurement?
        // The runners that apply, measured in interleaved rounds.
        var bodies: [() throws -> (seconds: Double, memory: MemoryNow?)] = []
        if probe.isUnsupportedYet {
            notes.append("engine: unsupported yet (\(Self.unsupportedModule(in: probe.stderr)))")
        } else {
            bodies.append {
                let r = try inProcess.run(source: source, fileName: file)
                return (r.seconds, r.memory)
            }
            if let engineScript { bodies.append { (try engineScript.run(file: file).seconds, nil) } }
            if let reference {
                notes.append(Self.compare(engine: probe, cpython: reference))
            } else {
                notes.append("exit \(probe.exitStatus)")
            }
        }
        if let cpython {
            bodies.append { (try cpython.run(file: file).seconds, nil) }
        } else {
            notes.append("python3 absent")
        }
        var results = try plan.measureInterleaved(bodies)[...]
        if !probe.isUnsupportedYet {
            engine = results.popFirst()
            if let engineScript {
                engineSub = results.popFirst()
                engineSub?.peakRSS = engineScript.peakRSS(file: file)
            }
        }
        if let cpython {
            cpythonTime = results.popFirst()
            cpythonTime?.peakRSS = cpython.peakRSS(file: file)
        }
        add(BenchRow(group: group, name: name, engine: engine, engineSubprocess: engineSub, cpython: cpythonTime,
                     note: notes.joined(separator: "; ")))
    }

    /// A short verdict on whether both sides did the same thing (the figures compare like with
    /// like only then): same exit status, same stdout (up to pids and line order, which
    /// differ between any two runs of process code).
    static func compare(engine: RunResult, cpython: RunResult) -> String {
        var parts: [String] = []
        if engine.exitStatus != cpython.exitStatus {
            parts.append("exit engine \(engine.exitStatus) vs CPython \(cpython.exitStatus)")
        } else if engine.exitStatus != 0 {
            let e = lastLine(engine.stderr), c = lastLine(cpython.stderr)
            parts.append(e == c ? "both fail: \(c)" : "both fail (engine: \(e); CPython: \(c))")
        }
        if engine.stdout == cpython.stdout {
            parts.append("same output")
        } else if normalized(engine.stdout) == normalized(cpython.stdout) {
            parts.append("same output up to pids/order")
        } else {
            parts.append("output differs")
        }
        return parts.joined(separator: ", ")
    }

    static func normalized(_ text: String) -> [String] {
        text.split(separator: "\n").map { line in
            String(line.map { $0.isNumber ? "#" : $0 })
        }.sorted()
    }

    static func lastLine(_ text: String) -> String {
        let line = text.split(separator: "\n").last.map(String.init) ?? ""
        return line.count > 80 ? String(line.prefix(77)) + "..." : line
    }

    /// "No module named 'multiprocessing'" from the engine's "not available yet" message.
    static func unsupportedModule(in stderr: String) -> String {
        guard let line = stderr.split(separator: "\n").first(where: { $0.contains("not available") }),
              let start = line.range(of: "No module named") else { return "not available yet" }
        let rest = line[start.lowerBound...]
        return String(rest.split(separator: "(").first ?? rest).trimmingSpaces()
    }
}
