/// The builtin type objects. Global constants (initialised once, lazily and thread-safely by
/// Swift); their method tables are installed by `installBuiltinMethods()` on first use.
enum BuiltinTypes {
    static let object = PyClass(name: "object", bases: [])
    static let type = PyClass(name: "type", bases: [object])
    static let noneType = PyClass(name: "NoneType", bases: [object])
    static let notImplementedType = PyClass(name: "NotImplementedType", bases: [object])
    static let ellipsisType = PyClass(name: "ellipsis", bases: [object])
    static let int = PyClass(name: "int", bases: [object])
    static let bool = PyClass(name: "bool", bases: [int])
    static let float = PyClass(name: "float", bases: [object])
    static let complex = PyClass(name: "complex", bases: [object])
    static let str = PyClass(name: "str", bases: [object])
    static let bytes = PyClass(name: "bytes", bases: [object])
    static let bytearray = PyClass(name: "bytearray", bases: [object])
    static let list = PyClass(name: "list", bases: [object])
    static let tuple = PyClass(name: "tuple", bases: [object])
    static let dict = PyClass(name: "dict", bases: [object])
    static let set = PyClass(name: "set", bases: [object])
    static let frozenset = PyClass(name: "frozenset", bases: [object])
    static let range = PyClass(name: "range", bases: [object])
    static let slice = PyClass(name: "slice", bases: [object])
    static let module = PyClass(name: "module", bases: [object])
    static let function = PyClass(name: "function", bases: [object])
    static let builtinFunction = PyClass(name: "builtin_function_or_method", bases: [object])
    static let methodDescriptor = PyClass(name: "method_descriptor", bases: [object])
    static let method = PyClass(name: "method", bases: [object])
    static let staticmethod = PyClass(name: "staticmethod", bases: [object])
    static let classmethod = PyClass(name: "classmethod", bases: [object])
    static let property = PyClass(name: "property", bases: [object])
    static let superType = PyClass(name: "super", bases: [object])
    static let generator = PyClass(name: "generator", bases: [object])
    static let cell = PyClass(name: "cell", bases: [object])

    /// Iterator types by name (`list_iterator`, `map`, `zip`, `enumerate`...), created on demand.
    static let iteratorTypes: [String: PyClass] = {
        var out: [String: PyClass] = [:]
        for n in ["list_iterator", "tuple_iterator", "range_iterator", "str_ascii_iterator", "str_iterator",
                  "dict_keyiterator", "dict_valueiterator", "dict_itemiterator", "set_iterator", "bytes_iterator",
                  "map", "filter", "zip", "enumerate", "reversed", "list_reverseiterator", "iterator",
                  "callable_iterator", "itertools.count", "itertools.cycle", "itertools.repeat",
                  "itertools.chain", "itertools.islice", "itertools.product", "itertools.permutations",
                  "itertools.combinations", "itertools.groupby", "itertools.accumulate", "itertools.starmap",
                  "itertools.takewhile", "itertools.dropwhile", "itertools.zip_longest",
                  "itertools.combinations_with_replacement", "dict_keys", "dict_values", "dict_items"] {
            out[n] = PyClass(name: n, bases: [object])
        }
        return out
    }()

    static let genericIterator = PyClass(name: "iterator", bases: [object])

    static func iteratorType(_ name: String) -> PyClass {
        if name == "generator" { return generator }
        return iteratorTypes[name] ?? genericIterator
    }

    /// Names visible in `builtins` for the types themselves.
    static var namedTypes: [(String, PyClass)] {
        [("object", object), ("type", type), ("int", int), ("bool", bool), ("float", float), ("complex", complex),
         ("str", str), ("bytes", bytes), ("bytearray", bytearray), ("list", list), ("tuple", tuple), ("dict", dict), ("set", set),
         ("frozenset", frozenset), ("range", range), ("slice", slice), ("staticmethod", staticmethod),
         ("classmethod", classmethod), ("property", property), ("super", superType)]
    }
}
