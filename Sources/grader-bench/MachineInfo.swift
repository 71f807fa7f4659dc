#if canImport(Glibc)
import Glibc
#endif

/// What the figures were measured on.
struct MachineInfo: Codable {
    var cpuModel: String
    var processors: Int
    var memoryTotal: String
    var python: String?
    var date: String
    /// /proc/loadavg at the end of the run: on a shared machine, the figures' context.
    var loadAverage: String

    static func current(python: String?, scratch: String) -> MachineInfo {
        let cpu = TextFile.read("/proc/cpuinfo")?.split(separator: "\n")
            .first { $0.hasPrefix("model name") }
            .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingSpaces() } ?? "unknown"
        let mem = TextFile.read("/proc/meminfo")?.split(separator: "\n")
            .first { $0.hasPrefix("MemTotal") }
            .map { String($0.dropFirst("MemTotal:".count)).trimmingSpaces() } ?? "unknown"
        var version: String?
        if let python, let r = try? Subprocess(scratchDirectory: scratch).run(python, ["--version"]) {
            version = (r.stdout + r.stderr).trimmingSpaces()
        }
        var now = time(nil)
        var tm = tm()
        gmtime_r(&now, &tm)
        let date = "\(1900 + Int(tm.tm_year))-\(pad(Int(tm.tm_mon) + 1))-\(pad(Int(tm.tm_mday))) \(pad(Int(tm.tm_hour))):\(pad(Int(tm.tm_min))) UTC"
        let load = TextFile.read("/proc/loadavg")?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
        return MachineInfo(cpuModel: cpu, processors: Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), memoryTotal: mem,
                           python: version, date: date, loadAverage: load)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed())
    }
}
