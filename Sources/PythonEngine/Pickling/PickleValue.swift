import BigInt

/// A Python value as it crosses between processes: what `pickle` would carry, with no
/// interpreter types in it. The multiprocessing bridge converts interpreter objects to this
/// (refusing what CPython refuses, see `PicklingRules`), sends `encode()`'s bytes through a
/// pool, queue or pipe, and rebuilds objects from `PickleValue(decoding:)` on the other side.
///
/// Functions and classes travel by name (module + qualified name), as in CPython: the receiver
/// looks them up in its own copy of the program (which, under `fork`, is the sender's copy).
public indirect enum PickleValue: Sendable, Equatable, Hashable {
    case none
    case bool(Bool)
    case int(BigInt)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case list([PickleValue])
    case tuple([PickleValue])
    /// Insertion-ordered pairs, as a Python `dict` iterates.
    case dict([Pair])
    /// Elements in the sender's iteration order.
    case set([PickleValue])
    case frozenset([PickleValue])
    /// An exception: its class (as `module.Name` or a builtin name such as `ValueError`), its
    /// `args`, and its `str()` (kept so the parent can print it even for classes it cannot
    /// rebuild).
    case exception(typeName: String, args: [PickleValue], message: String)
    /// An instance of a module-level class, with its attribute dict (`__dict__` / `__reduce__`
    /// state) as pairs.
    case instance(module: String, qualname: String, state: [Pair])
    case function(module: String, qualname: String)
    case `class`(module: String, qualname: String)

    public struct Pair: Sendable, Equatable, Hashable {
        public var key: PickleValue
        public var value: PickleValue

        public init(_ key: PickleValue, _ value: PickleValue) {
            self.key = key
            self.value = value
        }
    }

    /// Deepest nesting encoded or decoded, like CPython's recursion limit for pickling (1000):
    /// deeper values fail with `PickleError.tooDeep` instead of overflowing the Swift stack.
    public static let maximumDepth = 1000
}
