/// `functools.lru_cache` / `functools.cache`: CPython's `_lru_cache_wrapper`, with its hit and
/// miss counts, `maxsize` eviction (least recently used first), `typed`, `cache_info()` and
/// `cache_clear()`. Counts matter: programs print `cache_info()` and count calls.
final class PyLruCacheWrapper: PyObject, @unchecked Sendable {
    let function: PyObject
    /// nil: unbounded (`maxsize=None`); 0: nothing is cached, every call is a miss.
    let maxsize: Int?
    let typed: Bool
    /// Keys in recency order (least recent first), as a `dict` so lookups hash like Python.
    let cache = PyDict()
    var hits = 0
    var misses = 0

    init(function: PyObject, maxsize: Int?, typed: Bool) {
        self.function = function
        self.maxsize = maxsize
        self.typed = typed
    }

    override var pyClass: PyClass { FunctoolsTypes.lruCacheWrapper }

    /// Separates positional from keyword arguments in keys (CPython's `kwd_mark`).
    static let keywordMark = PyObject()

    func key(_ args: CallArgs) -> PyObject {
        var items = args.positional
        if !args.keywords.isEmpty {
            items.append(Self.keywordMark)
            for (k, v) in args.keywords { items += [PyString(k), v] }
        }
        if typed {
            items += args.positional.map(\.pyClass)
            items += args.keywords.map(\.1.pyClass)
        }
        return PyTuple(items)
    }

    func call(_ interp: Interpreter, _ args: CallArgs) throws -> PyObject {
        if maxsize == 0 {
            misses += 1
            return try interp.call(function, args)
        }
        let k = key(args)
        if let hit = try interp.dictGet(cache, k) {
            hits += 1
            if maxsize != nil {
                // Most recently used moves to the end.
                _ = try interp.dictRemove(cache, k)
                try interp.dictSet(cache, k, hit)
            }
            return hit
        }
        misses += 1
        let value = try interp.call(function, args)
        if try interp.dictGet(cache, k) == nil, let limit = maxsize, cache.table.count >= limit,
           let oldest = cache.table.liveIndices.first {
            cache.table.removeEntry(oldest)
        }
        try interp.dictSet(cache, k, value)
        return value
    }
}

enum FunctoolsTypes {
    /// Built with its methods on first use: the class is one per process, shared by every
    /// interpreter, and a static's initializer runs once however many threads ask.
    static let lruCacheWrapper: PyClass = {
        let cls = PyClass(name: "_lru_cache_wrapper", bases: [BuiltinTypes.object], module: "functools")
        installCacheMethods(on: cls)
        return cls
    }()
    static let cacheInfo: PyClass = {
        let cls = PyClass(name: "CacheInfo", bases: [BuiltinTypes.tuple], module: "functools")
        let fields = ["hits", "misses", "maxsize", "currsize"]
        cls.dict["_fields"] = PyTuple(fields.map { PyString($0) })
        for (k, f) in fields.enumerated() {
            cls.dict[f] = PyProperty(getter: PyNativeFunction(f) { _, b in (b.positional.first as? PyTuple)?.items[k] ?? PyNone.shared }, setter: nil, deleter: nil)
        }
        return cls
    }()

    private static func installCacheMethods(on cls: PyClass) {
        func wrapper(_ i: Interpreter, _ a: CallArgs, _ name: String) throws -> PyLruCacheWrapper {
            guard let w = a.positional.first as? PyLruCacheWrapper else {
                throw i.typeError("descriptor '\(name)' requires a 'functools._lru_cache_wrapper' object")
            }
            return w
        }
        BuiltinMethodTables.method(cls, "cache_info") { i, a in
            let w = try wrapper(i, a, "cache_info")
            return PyNamedTuple(cls: cacheInfo, items: [PyInt.make(w.hits), PyInt.make(w.misses),
                                                        w.maxsize.map { PyInt.make($0) } ?? PyNone.shared,
                                                        PyInt.make(w.cache.table.count)])
        }
        BuiltinMethodTables.method(cls, "cache_clear") { i, a in
            let w = try wrapper(i, a, "cache_clear")
            w.cache.table.removeAll()
            w.hits = 0
            w.misses = 0
            return PyNone.shared
        }
    }
}

extension Interpreter {
    /// `lru_cache(maxsize=128, typed=False)` used bare (`@lru_cache`) or with arguments.
    func makeLruCache(_ a: CallArgs, unbounded: Bool) throws -> PyObject {
        if unbounded {
            return PyLruCacheWrapper(function: try arg(a, 0, "cache", "user_function"), maxsize: nil, typed: false)
        }
        let first = a.positional.first ?? a.keyword("maxsize")
        if let f = first, !(f is PyInt), !(f is PyNone) {
            if isCallable(f) { return PyLruCacheWrapper(function: f, maxsize: 128, typed: false) }
            throw typeError("Expected first argument to be an integer, a callable, or None")
        }
        let maxsize: Int? = try (first as? PyInt).map { max(0, try intArg($0)) }
        let typed = try (a.positional.count > 1 ? a.positional[1] : a.keyword("typed")).map { try truthy($0) } ?? false
        return PyNativeFunction("decorating_function") { interp, b in
            PyLruCacheWrapper(function: try interp.arg(b, 0, "decorating_function", "user_function"), maxsize: maxsize, typed: typed)
        }
    }
}
