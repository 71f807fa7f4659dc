/// CPython's refusals when pickling functions and classes, which travel by name: the receiver
/// must find them again as `module.qualname`. The engine asks these helpers before converting a
/// function or class (or an instance of a class) to `PickleValue`, and raises the failure as
/// `pythonExceptionType: message`. Messages match CPython 3.11 exactly.
public enum PicklingRules {
    /// What looking up `module.qualname` in the sender's own module found.
    public enum Lookup: Sendable, Equatable {
        /// The same object: it can travel by name.
        case sameObject
        /// Nothing by that name (a lambda, or a function whose name was deleted).
        case notFound
        /// Something else by that name (the function was redefined after this one was made).
        case differentObject
    }

    /// The refusal for a function, or nil if it pickles.
    ///
    /// - `qualname`: e.g. `double`, `main.<locals>.double`, `<lambda>`, `C.<lambda>`.
    /// - `isLambda`: lambdas are never found by name, whatever `lookup` says.
    /// - `address`: the object's id, printed as in its repr (`<function f at 0x7f...>`).
    public static func functionFailure(
        qualname: String, module: String, isLambda: Bool, address: UInt, lookup: Lookup = .sameObject
    ) -> PicklingFailure? {
        if let local = localObjectFailure(qualname: qualname) { return local }
        let repr = "<function \(qualname) at \(hexAddress(address))>"
        return lookupFailure(repr: repr, qualname: qualname, module: module, lookup: isLambda ? .notFound : lookup)
    }

    /// The refusal for a class (or for an instance of it), or nil if it pickles.
    public static func classFailure(qualname: String, module: String, lookup: Lookup = .sameObject) -> PicklingFailure? {
        if let local = localObjectFailure(qualname: qualname) { return local }
        return lookupFailure(repr: "<class '\(module).\(qualname)'>", qualname: qualname, module: module, lookup: lookup)
    }

    /// `0x7f...` as Python prints an id in a repr.
    public static func hexAddress(_ address: UInt) -> String {
        "0x" + String(address, radix: 16)
    }

    private static func localObjectFailure(qualname: String) -> PicklingFailure? {
        guard qualname.contains("<locals>") else { return nil }
        return PicklingFailure(pythonExceptionType: "AttributeError", message: "Can't pickle local object '\(qualname)'")
    }

    private static func lookupFailure(repr: String, qualname: String, module: String, lookup: Lookup) -> PicklingFailure? {
        switch lookup {
        case .sameObject:
            return nil
        case .notFound:
            return PicklingFailure(
                pythonExceptionType: "_pickle.PicklingError",
                message: "Can't pickle \(repr): attribute lookup \(qualname) on \(module) failed"
            )
        case .differentObject:
            return PicklingFailure(
                pythonExceptionType: "_pickle.PicklingError",
                message: "Can't pickle \(repr): it's not the same object as \(module).\(qualname)"
            )
        }
    }
}

/// A refusal to pickle, as the exception CPython raises.
public struct PicklingFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// `AttributeError` or `_pickle.PicklingError` (as a traceback's last line names it).
    public let pythonExceptionType: String
    public let message: String

    public var description: String { "\(pythonExceptionType): \(message)" }
}
