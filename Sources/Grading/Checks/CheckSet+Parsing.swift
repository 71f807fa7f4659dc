import Rubrics

/// Reading a question's `checks:` into a `CheckSet`, with every mistake reported at its place.
extension CheckSet {
    /// The kinds of check, with the parameters each accepts beyond the common ones.
    static let kindParameters: [String: Set<String>] = [
        "runs": [],
        "output_contains": ["literal", "text"],
        "distinct_lines": ["min"],
        "processes": ["min", "printing", "distinct"],
        "pool": ["min_tasks"],
        "uses": ["api", "all"],
        "recorded_matches": ["order"],
    ]
    static let commonParameters: Set<String> = ["points", "feedback", "hidden", "partial", "name", "requires"]
    static let repairCreditKey = "repair_credit"

    /// Parses the entries of one question's `checks:`. Throws `CheckSchemaError` listing every
    /// problem found.
    public static func parse(_ entries: [CheckNode]) throws(CheckSchemaError) -> CheckSet {
        var diagnostics: [CheckDiagnostic] = []
        var checks: [CodeCheck] = []
        var repairCredit = CheckSet.defaultRepairCredit
        var sawRepairCredit = false
        for entry in entries {
            guard case let .mapping(pairs, location) = entry, pairs.count == 1, let (kind, body) = pairs.first.map({ ($0.key, $0.value) }) else {
                if case let .scalar(name, location) = entry, kindParameters[name] != nil {
                    diagnostics.append(CheckDiagnostic("check \"\(name)\" needs its points: write `- \(name): {points: 1}`", at: location))
                } else {
                    diagnostics.append(CheckDiagnostic("a check is a mapping with one key naming its kind (\(kindList)), e.g. `- runs: {points: 1}`", at: entry.location))
                }
                continue
            }
            if kind == repairCreditKey {
                if sawRepairCredit { diagnostics.append(CheckDiagnostic("repair_credit is given twice", at: location)) }
                sawRepairCredit = true
                if let value = body.scalar.flatMap(Double.init), (0...1).contains(value) {
                    repairCredit = value
                } else {
                    diagnostics.append(CheckDiagnostic("repair_credit must be a number from 0 to 1 (the share of points a run earns on repaired code)", at: body.location))
                }
                continue
            }
            guard let allowed = kindParameters[kind] else {
                let hint = nearest(kind, in: Array(kindParameters.keys) + [repairCreditKey]).map { "; did you mean \"\($0)\"?" } ?? ""
                diagnostics.append(CheckDiagnostic("unknown check \"\(kind)\"\(hint) (known: \(kindList))", at: location))
                continue
            }
            var reader = ParameterReader(kind: kind, body: body, allowed: allowed.union(commonParameters))
            if let check = reader.check() {
                checks.append(check)
            }
            diagnostics += reader.diagnostics
        }
        guard diagnostics.isEmpty else { throw CheckSchemaError(diagnostics) }
        return CheckSet(checks: checks, repairCredit: repairCredit)
    }

    static var kindList: String { kindParameters.keys.sorted().joined(separator: ", ") }

    /// The closest known word within a small edit distance, for "did you mean".
    static func nearest(_ word: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.optimalStringAlignment(word.lowercased(), $0)) }.filter { $0.1 <= max(2, word.count / 3) }
        return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }
}

/// Reads one check's parameters, collecting problems rather than stopping at the first.
struct ParameterReader {
    let kind: String
    let body: CheckNode
    let allowed: Set<String>
    var diagnostics: [CheckDiagnostic] = []

    init(kind: String, body: CheckNode, allowed: Set<String>) {
        self.kind = kind
        self.body = body
        self.allowed = allowed
    }

    mutating func check() -> CodeCheck? {
        guard case let .mapping(pairs, _) = body else {
            diagnostics.append(CheckDiagnostic("check \"\(kind)\" takes a mapping of parameters, e.g. `\(kind): {points: 1}`", at: body.location))
            return nil
        }
        var seen = Set<String>()
        for (key, value) in pairs {
            if !seen.insert(key).inserted {
                diagnostics.append(CheckDiagnostic("\"\(key)\" is given twice", at: value.location))
            }
            if !allowed.contains(key) {
                let hint = CheckSet.nearest(key, in: Array(allowed)).map { "; did you mean \"\($0)\"?" } ?? ""
                diagnostics.append(CheckDiagnostic("unknown parameter \"\(key)\" for check \"\(kind)\"\(hint) (allowed: \(allowed.sorted().joined(separator: ", ")))", at: value.location))
            }
        }
        let points: Double?
        if let node = body["points"] {
            points = number(node, "points")
            if let p = points, p < 0 {
                diagnostics.append(CheckDiagnostic("points must not be negative", at: node.location))
            }
        } else {
            diagnostics.append(CheckDiagnostic("check \"\(kind)\" needs points", at: body.location))
            points = nil
        }
        let feedback = body["feedback"].flatMap { string($0, "feedback") }
        let hidden = body["hidden"].flatMap { bool($0, "hidden") } ?? false
        let partial = body["partial"].flatMap { bool($0, "partial") } ?? true
        let name = body["name"].flatMap { string($0, "name") }
        var requiresUses = false
        if let node = body["requires"] {
            if node.scalar == "uses", kind != "uses" {
                requiresUses = true
            } else {
                diagnostics.append(CheckDiagnostic("requires takes `uses` (the check counts only when the question's uses checks pass), on a check that is not itself a uses check", at: node.location))
            }
        }
        guard let kind = checkKind(), let points, diagnostics.isEmpty else { return nil }
        return CodeCheck(kind: kind, points: points, feedback: feedback, hidden: hidden, partialCredit: partial, name: name, requiresUses: requiresUses, location: body.location)
    }

    private mutating func checkKind() -> CheckKind? {
        switch kind {
        case "runs":
            return .runs
        case "output_contains":
            let literal = body["literal"], text = body["text"]
            if literal != nil && text != nil || literal == nil && text == nil {
                diagnostics.append(CheckDiagnostic("output_contains takes exactly one of `literal:` (a Python value) or `text:`", at: body.location))
                return nil
            }
            if let text {
                guard let value = string(text, "text"), !value.isEmpty else { return nil }
                return .outputContains(.text(value))
            }
            guard let node = literal else { return nil }
            guard let written = node.scalar else {
                diagnostics.append(CheckDiagnostic("write the literal as a quoted string, e.g. literal: \"[0, 1, 4]\" (YAML would read it as its own value)", at: node.location))
                return nil
            }
            guard let value = LiteralReader().parse(written) else {
                diagnostics.append(CheckDiagnostic("\"\(written)\" is not a Python literal (numbers, strings, True/False/None, lists, tuples, sets, dicts)", at: node.location))
                return nil
            }
            return .outputContains(.literal(value, written: written))
        case "distinct_lines":
            guard let min = count("min", required: true) else { return nil }
            return .distinctLines(min: min)
        case "processes":
            guard let min = count("min", required: true) else { return nil }
            let printing = count("printing", required: false)
            let distinct = body["distinct"].flatMap { bool($0, "distinct") } ?? false
            if let printing, printing > min, let node = body["printing"] {
                diagnostics.append(CheckDiagnostic("printing (\(printing)) cannot exceed min (\(min))", at: node.location))
            }
            return .processes(min: min, printing: printing, distinct: distinct)
        case "pool":
            return .pool(minTasks: count("min_tasks", required: false) ?? 1)
        case "uses":
            guard let node = body["api"] else {
                diagnostics.append(CheckDiagnostic("uses needs `api:`, a name like multiprocessing.Process or a method like .start (or a list of them)", at: body.location))
                return nil
            }
            var apis: [String] = []
            switch node {
            case let .scalar(text, _): apis = [text]
            case let .sequence(items, _):
                for item in items {
                    guard let text = string(item, "api") else { continue }
                    apis.append(text)
                }
            case .mapping:
                diagnostics.append(CheckDiagnostic("api must be a name or a list of names", at: node.location))
            }
            for api in apis where !APIName.isValid(api) {
                diagnostics.append(CheckDiagnostic("\"\(api)\" is not an API name: write a qualified name (multiprocessing.Pool) or a method (.start)", at: node.location))
            }
            guard !apis.isEmpty else {
                diagnostics.append(CheckDiagnostic("api lists no names", at: node.location))
                return nil
            }
            let all = body["all"].flatMap { bool($0, "all") } ?? false
            return .uses(APIRequirement(apis: apis, all: all))
        case "recorded_matches":
            guard let node = body["order"] else { return .recordedMatches(order: .auto) }
            guard let text = node.scalar, let order = OutputOrder(rawValue: text) else {
                diagnostics.append(CheckDiagnostic("order must be auto, strict or any", at: node.location))
                return nil
            }
            return .recordedMatches(order: order)
        default:
            return nil
        }
    }

    private mutating func count(_ key: String, required: Bool) -> Int? {
        guard let node = body[key] else {
            if required { diagnostics.append(CheckDiagnostic("check \"\(kind)\" needs `\(key):`", at: body.location)) }
            return nil
        }
        guard let text = node.scalar, let value = Int(text), value >= 1 else {
            diagnostics.append(CheckDiagnostic("\(key) must be a whole number of at least 1", at: node.location))
            return nil
        }
        return value
    }

    private mutating func number(_ node: CheckNode, _ key: String) -> Double? {
        guard let text = node.scalar, let value = Double(text), value.isFinite else {
            diagnostics.append(CheckDiagnostic("\(key) must be a number", at: node.location))
            return nil
        }
        return value
    }

    private mutating func bool(_ node: CheckNode, _ key: String) -> Bool? {
        switch node.scalar?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            diagnostics.append(CheckDiagnostic("\(key) must be true or false", at: node.location))
            return nil
        }
    }

    private mutating func string(_ node: CheckNode, _ key: String) -> String? {
        guard let text = node.scalar else {
            diagnostics.append(CheckDiagnostic("\(key) must be text", at: node.location))
            return nil
        }
        return text
    }
}
