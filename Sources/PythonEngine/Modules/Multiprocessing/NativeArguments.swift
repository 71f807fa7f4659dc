/// Binds a native call's arguments to named parameters, with CPython's messages for the common
/// mistakes (unexpected keyword, too many positional arguments). Native methods get `self` as
/// the first positional argument; `dropSelf` strips it.
///
/// Values sit in an array parallel to `parameters` (at most a handful), found by a linear scan:
/// a dictionary cost an allocation and a string hash per argument on every `Queue.put`/`get`.
struct NativeArguments {
    private let names: [String]
    private var slots: [PyObject?]
    let selfObject: PyObject?

    init(_ interp: Interpreter, _ args: CallArgs, function: String, parameters: [String], dropSelf: Bool = false) throws {
        names = parameters
        slots = []
        var positional = args.positional[...]
        if dropSelf {
            guard let first = positional.first else { throw interp.typeError("\(function)() needs an instance") }
            selfObject = first
            positional = positional.dropFirst()
        } else {
            selfObject = nil
        }
        if positional.count > parameters.count {
            throw interp.typeError("\(function)() takes \(parameters.count + (dropSelf ? 1 : 0)) positional arguments but \(positional.count + (dropSelf ? 1 : 0)) were given")
        }
        if positional.isEmpty && args.keywords.isEmpty { return }
        slots = Array(repeating: nil, count: parameters.count)
        for (i, v) in positional.enumerated() { slots[i] = v }
        for (k, v) in args.keywords {
            guard let index = parameters.firstIndex(of: k) else {
                throw interp.typeError("\(function)() got an unexpected keyword argument '\(k)'")
            }
            if slots[index] != nil { throw interp.typeError("\(function)() got multiple values for argument '\(k)'") }
            slots[index] = v
        }
    }

    subscript(_ name: String) -> PyObject? {
        guard let v = raw(name), !(v is PyNone) else { return nil }
        return v
    }

    /// The value even when it is None.
    func raw(_ name: String) -> PyObject? {
        guard !slots.isEmpty, let index = names.firstIndex(of: name) else { return nil }
        return slots[index]
    }
}

extension Interpreter {
    /// A timeout argument: None means wait forever; negative counts as zero, as in CPython.
    func timeoutValue(_ o: PyObject?) throws -> Double? {
        guard let o, !(o is PyNone) else { return nil }
        if let f = o as? PyFloat { return max(0, f.value) }
        if let i = o as? PyInt { return max(0, Double(i.small)) }
        throw typeError("'\(typeName(o))' object cannot be interpreted as a timeout")
    }

    func boolValue(_ o: PyObject?, default value: Bool) throws -> Bool {
        guard let o, !(o is PyNone) else { return value }
        return try truthy(o)
    }
}

extension Interpreter {
    /// Runs a blocking wait of the bridge within the run's wall-clock limit (`--timeout`): a wait
    /// that would outlast the limit waits only until it, then stops the program with the same
    /// `EngineLimitError` a busy loop gets, instead of blocking past it. `body` gets the timeout
    /// to use (nil: none) and returns whether the wait succeeded.
    func waitWithinLimit(_ requested: Double?, what: String, _ body: (Double?) throws -> Bool) throws {
        guard let deadline else {
            _ = try body(requested)
            return
        }
        let now = monotonicNanos()
        let remaining = deadline > now ? Double(deadline - now) / 1e9 : 0
        if let requested, requested <= remaining {
            _ = try body(requested)
            return
        }
        if try !body(remaining) {
            throw EngineLimitError(message: "time limit of \(limits.timeout ?? 0) seconds exceeded (in \(what))")
        }
    }
}
