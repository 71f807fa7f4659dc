/// CPython 3.11's "Did you mean: 'x'?" hints (Python/suggestions.c). They are not part of the
/// exception's message: the traceback printer computes them, so `str(e)` stays plain while the
/// uncaught report gets the hint. Ported step by step so the same candidate wins.
enum SuggestionContext {
    /// A NameError: the name and the frame it was looked up from (its locals, globals, builtins).
    case name(String, Frame)
    /// An AttributeError: the object and the missing attribute (candidates: `dir(obj)`).
    case attribute(PyObject, String)
}

enum Suggestions {
    static let maxCandidateItems = 750
    static let maxStringSize = 40
    static let moveCost = 2
    static let caseCost = 1

    /// The closest candidate to `name`, or nil when none is close enough (at most about a third
    /// of the characters changed) or there are too many candidates.
    static func closest(to name: String, in candidates: [String]) -> String? {
        if candidates.count >= maxCandidateItems { return nil }
        let nameBytes = Array(name.utf8)
        var best: String?
        var bestDistance = Int.max
        for item in candidates where item != name {
            let itemBytes = Array(item.utf8)
            var maxDistance = (nameBytes.count + itemBytes.count + 3) * moveCost / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let distance = levenshtein(nameBytes, itemBytes, maxCost: maxDistance)
            if distance > maxDistance { continue }
            if best == nil || distance < bestDistance {
                best = item
                bestDistance = distance
            }
        }
        return best
    }

    private static func substitutionCost(_ a: UInt8, _ b: UInt8) -> Int {
        if a == b { return 0 }
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        return lower(a) == lower(b) ? caseCost : moveCost
    }

    /// Weighted edit distance over UTF-8 bytes, giving up (returning `maxCost + 1`) as soon as
    /// every entry of a row exceeds `maxCost`.
    static func levenshtein(_ aIn: [UInt8], _ bIn: [UInt8], maxCost: Int) -> Int {
        var a = aIn[...]
        var b = bIn[...]
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > maxStringSize || b.count > maxStringSize { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aBytes = Array(a), bBytes = Array(b)
        var buffer = (0..<aBytes.count).map { ($0 + 1) * moveCost }
        var result = 0
        for (bIndex, code) in bBytes.enumerated() {
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in 0..<aBytes.count {
                let substitute = distance + substitutionCost(code, aBytes[index])
                distance = buffer[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                buffer[index] = result
                minimum = min(minimum, result)
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }
}

extension Interpreter {
    /// `NameError` for `name` looked up from frame `f`, remembering where for the hint.
    func nameError(_ name: String, _ f: Frame) -> PyError {
        let e = error(ExceptionTypes.nameError, Messages.nameNotDefined(name))
        e.exception.suggestionContext = .name(name, f)
        return e
    }

    /// The hint CPython appends to the last traceback line, e.g. ". Did you mean: 'counter'?".
    func suggestionSuffix(_ exc: PyExceptionObject) -> String {
        guard let context = exc.suggestionContext else { return "" }
        switch context {
        case .name(let name, let frame) where exc.cls.isSubclass(of: ExceptionTypes.nameError):
            // Locals (the code's variable names in order), then globals, then builtins.
            var locals: [String] = []
            if let index = frame.env.slotIndex {
                locals = index.sorted { $0.value < $1.value }.map(\.key)
            } else if frame.scope == nil, frame.env !== frame.globals {
                locals = frame.env.values.keys.sorted()
            }
            for candidates in [locals, frame.globals.values.keys.sorted(), builtins.keys.sorted()] {
                if let s = Suggestions.closest(to: name, in: candidates) { return ". Did you mean: '\(s)'?" }
            }
            return ""
        case .attribute(let obj, let name) where exc.cls.isSubclass(of: ExceptionTypes.attributeError):
            guard let names = try? directoryNames(obj) else { return "" }
            return Suggestions.closest(to: name, in: names).map { ". Did you mean: '\($0)'?" } ?? ""
        default:
            return ""
        }
    }
}
