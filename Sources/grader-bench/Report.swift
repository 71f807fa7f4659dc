/// One line of the results table.
struct BenchRow: Codable, Sendable {
    var group: String
    var name: String
    /// The engine in a forked sandbox (what the batch grader does), seconds per run.
    var engine: Measurement?
    /// The engine as a subprocess on the file (`grader run FILE.py`), like for like with python3.
    var engineSubprocess: Measurement?
    /// `python3 -I FILE.py`.
    var cpython: Measurement?
    /// A throughput figure where time per run is not the point (sheets/s, answers/s).
    var throughput: Throughput?
    /// Status and caveats: output differences, "engine: unsupported yet", skips.
    var note: String

    /// CPython's median over the engine's: above 1 the engine is faster.
    var speedup: Double? { ratio(cpython, engine) }
    var speedupSubprocess: Double? { ratio(cpython, engineSubprocess) }

    private func ratio(_ a: Measurement?, _ b: Measurement?) -> Double? {
        guard let a, let b, !a.samples.isEmpty, !b.samples.isEmpty, b.median > 0 else { return nil }
        return a.median / b.median
    }

    enum CodingKeys: String, CodingKey {
        case group, name, engine, engineSubprocess, cpython, throughput, note, speedup, speedupSubprocess
    }

    init(group: String, name: String, engine: Measurement? = nil, engineSubprocess: Measurement? = nil,
         cpython: Measurement? = nil, throughput: Throughput? = nil, note: String = "") {
        self.group = group
        self.name = name
        self.engine = engine
        self.engineSubprocess = engineSubprocess
        self.cpython = cpython
        self.throughput = throughput
        self.note = note
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        group = try c.decode(String.self, forKey: .group)
        name = try c.decode(String.self, forKey: .name)
        engine = try c.decodeIfPresent(Measurement.self, forKey: .engine)
        engineSubprocess = try c.decodeIfPresent(Measurement.self, forKey: .engineSubprocess)
        cpython = try c.decodeIfPresent(Measurement.self, forKey: .cpython)
        throughput = try c.decodeIfPresent(Throughput.self, forKey: .throughput)
        note = try c.decode(String.self, forKey: .note)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group, forKey: .group)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(engine, forKey: .engine)
        try c.encodeIfPresent(engineSubprocess, forKey: .engineSubprocess)
        try c.encodeIfPresent(cpython, forKey: .cpython)
        try c.encodeIfPresent(throughput, forKey: .throughput)
        try c.encode(note, forKey: .note)
        try c.encodeIfPresent(speedup, forKey: .speedup)
        try c.encodeIfPresent(speedupSubprocess, forKey: .speedupSubprocess)
    }
}

struct Throughput: Codable, Sendable {
    var value: Double
    var unit: String
    var peakRSS: Int?
}

/// Formatting of figures for the terminal and for BENCHMARKS.md.
enum Format {
    static func seconds(_ s: Double) -> String {
        if s.isNaN { return "–" }
        if s < 1e-3 { return fixed(s * 1e6, 1) + " µs" }
        if s < 1 { return fixed(s * 1e3, 1) + " ms" }
        return fixed(s, 2) + " s"
    }

    static func measurement(_ m: Measurement?) -> String {
        guard let m, !m.samples.isEmpty else { return "–" }
        return "\(seconds(m.median)) (\(seconds(m.min))–\(seconds(m.max)), n=\(m.samples.count))"
    }

    static func ratio(_ r: Double?) -> String {
        guard let r else { return "–" }
        return fixed(r, r < 10 ? 2 : 1) + "×"
    }

    static func bytes(_ b: Int?) -> String {
        guard let b else { return "–" }
        return fixed(Double(b) / 1_048_576, 1) + " MB"
    }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (x * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: ".") {
            let decimals = text.distance(from: dot, to: text.endIndex) - 1
            if digits == 0 { text = String(text[..<dot]) } else if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            text += "." + String(repeating: "0", count: digits)
        }
        return text
    }
}

/// The results table, as Markdown (for BENCHMARKS.md) or as aligned text for the terminal.
struct ReportTable {
    let rows: [BenchRow]

    static let header = ["Group", "Case", "Engine (sandbox, in-process)", "Engine (subprocess)", "CPython (`python3 -I`)",
                         "CPython ÷ engine (sandbox)", "CPython ÷ engine (subprocess)",
                         "Sandbox child: private / RSS", "Peak RSS: engine subprocess / CPython", "Note"]

    func cells(_ row: BenchRow) -> [String] {
        if let t = row.throughput {
            return [row.group, row.name, Format.fixed(t.value, 1) + " " + t.unit, "", "", "", "", "",
                    t.peakRSS.map { Format.bytes($0) } ?? "", row.note]
        }
        let child = row.engine?.peakRSS == nil ? "–"
            : "\(Format.bytes(row.engine?.privateBytes)) / \(Format.bytes(row.engine?.peakRSS))"
        let peaks = (row.engineSubprocess?.peakRSS == nil && row.cpython?.peakRSS == nil) ? "–"
            : "\(Format.bytes(row.engineSubprocess?.peakRSS)) / \(Format.bytes(row.cpython?.peakRSS))"
        return [row.group, row.name, Format.measurement(row.engine), Format.measurement(row.engineSubprocess),
                Format.measurement(row.cpython), Format.ratio(row.speedup), Format.ratio(row.speedupSubprocess),
                child, peaks, row.note]
    }

    func markdown() -> String {
        var out = "| " + Self.header.joined(separator: " | ") + " |\n"
        out += "|" + Self.header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows {
            out += "| " + cells(row).map { $0.replacingPipes() }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    func text() -> String {
        let all = [Self.header] + rows.map(cells)
        var widths = [Int](repeating: 0, count: Self.header.count)
        for line in all { for (i, c) in line.enumerated() { widths[i] = max(widths[i], c.count) } }
        return all.map { line in
            line.enumerated().map { i, c in c + String(repeating: " ", count: widths[i] - c.count) }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        var out = ""
        for ch in self { out += ch == "|" ? "\\|" : (ch == "\n" ? " " : String(ch)) }
        return out
    }
}
