/// File names for per-student reports.
///
/// Names are ASCII (they travel through CI artifacts, zip files and Windows machines), never
/// start with a dot (no hidden files), and never contain a path separator, whatever the
/// student's file was called.
public enum ReportNaming {
    static let maxLength = 80

    /// `Jöhn Smith_12/../x.ipynb` → `J-hn-Smith_12-..-x` (then trimmed of leading dots/dashes).
    public static func slug(_ text: String) -> String {
        var out = ""
        var lastWasDash = false
        for scalar in text.unicodeScalars {
            let keep = scalar.isASCII
                && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || scalar == "_" || scalar == "." || scalar == "-")
            if keep {
                out.unicodeScalars.append(scalar)
                lastWasDash = scalar == "-"
            } else if !lastWasDash {
                out += "-"
                lastWasDash = true
            }
        }
        while let first = out.first, first == "." || first == "-" { out.removeFirst() }
        while let last = out.last, last == "." || last == "-" { out.removeLast() }
        if out.count > maxLength { out = String(out.prefix(maxLength)) }
        return out.isEmpty ? "submission" : out
    }

    /// The base name (no extension) for a submission's student reports: the slug of its file
    /// name without extension.
    public static func baseName(for file: String) -> String {
        let fileName = file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? file
        return slug(StudentIdentity.stem(of: fileName))
    }

    /// Base names for a whole batch, unique within it: a name that several submissions share
    /// gets `-2`, `-3`, ... in the order of their file paths, so the result does not depend on
    /// the order grading finished in.
    public static func uniqueBaseNames(for submissions: [SubmissionResult]) -> [String] {
        let order = submissions.indices.sorted { submissions[$0].file < submissions[$1].file }
        var taken = Set<String>()
        var counts: [String: Int] = [:]
        var names = Array(repeating: "", count: submissions.count)
        let bases = submissions.map { baseName(for: $0.file) }
        for index in order {
            var candidate = bases[index]
            // Case-insensitive file systems (macOS, Windows) must not see two names collide.
            while taken.contains(candidate.lowercased()) {
                let n = (counts[bases[index].lowercased()] ?? 1) + 1
                counts[bases[index].lowercased()] = n
                candidate = "\(bases[index])-\(n)"
            }
            taken.insert(candidate.lowercased())
            names[index] = candidate
        }
        return names
    }

    /// The name of a submission's own result file (`reports/results/<name>.json`): the slug plus
    /// a short hash of the full path, so that two shards grading `a/sheet.txt` and `b/sheet.txt`
    /// on different machines never write the same file, and a rerun overwrites the right one.
    public static func resultFileName(for file: String) -> String {
        "\(baseName(for: file))-\(hexHash(file)).json"
    }

    /// FNV-1a, 64 bits, in hex: stable across runs and platforms (unlike `Hasher`).
    static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
