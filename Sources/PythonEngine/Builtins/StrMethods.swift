/// `str` (and a few `bytes`) methods: argument handling here, CPython's semantics in the
/// Support layer's `PyStr` namespace (which works on code points, as Python does).
extension BuiltinMethodTables {
    static func installStrMethods() {
        let t = BuiltinTypes.str
        func s(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> String { try receiver(i, a, PyString.self, n).value }
        func strArg(_ i: Interpreter, _ a: CallArgs, _ k: Int, _ fn: String) throws -> String {
            guard k < a.positional.count else { throw i.typeError("\(fn)() takes at least \(k) argument\(k == 1 ? "" : "s") (\(k - 1) given)") }
            guard let v = a.positional[k] as? PyString else {
                throw i.typeError("must be str, not \(i.typeName(a.positional[k]))")
            }
            return v.value
        }
        func optStr(_ i: Interpreter, _ a: CallArgs, _ k: Int, _ name: String) throws -> String? {
            guard let o = i.optArg(a, k, name), !(o is PyNone) else { return nil }
            guard let v = o as? PyString else { throw i.typeError("\(name) arg must be None or str") }
            return v.value
        }
        func optInt(_ i: Interpreter, _ a: CallArgs, _ k: Int, _ name: String? = nil) throws -> Int? {
            guard let o = i.optArg(a, k, name), !(o is PyNone) else { return nil }
            return try i.intArg(o)
        }
        func support<T>(_ i: Interpreter, _ body: () throws(SupportError) -> T) throws -> T {
            do { return try body() } catch { throw i.convert(error) }
        }
        func strList(_ v: [String]) -> PyList { PyList(v.map { PyString($0) }) }

        method(t, "strip") { i, a in PyString(PyStr.strip(try s(i, a, "strip"), try optStr(i, a, 1, "strip"))) }
        method(t, "lstrip") { i, a in PyString(PyStr.lstrip(try s(i, a, "lstrip"), try optStr(i, a, 1, "lstrip"))) }
        method(t, "rstrip") { i, a in PyString(PyStr.rstrip(try s(i, a, "rstrip"), try optStr(i, a, 1, "rstrip"))) }
        method(t, "upper") { i, a in PyString(PyStr.upper(try s(i, a, "upper"))) }
        method(t, "lower") { i, a in PyString(PyStr.lower(try s(i, a, "lower"))) }
        method(t, "casefold") { i, a in PyString(PyStr.casefold(try s(i, a, "casefold"))) }
        method(t, "swapcase") { i, a in PyString(PyStr.swapcase(try s(i, a, "swapcase"))) }
        method(t, "title") { i, a in PyString(PyStr.title(try s(i, a, "title"))) }
        method(t, "capitalize") { i, a in PyString(PyStr.capitalize(try s(i, a, "capitalize"))) }
        method(t, "split") { i, a in
            let v = try s(i, a, "split")
            let sep = try optStr(i, a, 1, "sep"), maxsplit = try optInt(i, a, 2, "maxsplit") ?? -1
            return strList(try support(i) { () throws(SupportError) in try PyStr.split(v, sep: sep, maxsplit: maxsplit) })
        }
        method(t, "rsplit") { i, a in
            let v = try s(i, a, "rsplit")
            let sep = try optStr(i, a, 1, "sep"), maxsplit = try optInt(i, a, 2, "maxsplit") ?? -1
            return strList(try support(i) { () throws(SupportError) in try PyStr.rsplit(v, sep: sep, maxsplit: maxsplit) })
        }
        method(t, "splitlines") { i, a in
            let keep = try i.optArg(a, 1, "keepends").map { try i.truthy($0) } ?? false
            return strList(PyStr.splitlines(try s(i, a, "splitlines"), keepends: keep))
        }
        method(t, "join") { i, a in
            let sep = try s(i, a, "join")
            let items = try i.iterateToArray(try i.arg(a, 1, "join"))
            var parts: [String] = []
            parts.reserveCapacity(items.count)
            for (n, x) in items.enumerated() {
                guard let xs = x as? PyString else {
                    throw i.typeError("sequence item \(n): expected str instance, \(i.typeName(x)) found")
                }
                parts.append(xs.value)
            }
            return PyString(parts.joined(separator: sep))
        }
        method(t, "replace") { i, a in
            let v = try s(i, a, "replace")
            let old = try strArg(i, a, 1, "replace"), new = try strArg(i, a, 2, "replace")
            let count = try optInt(i, a, 3, "count") ?? -1
            return PyString(try support(i) { () throws(SupportError) in try PyStr.replace(v, old, new, count: count) })
        }
        func affixes(_ i: Interpreter, _ o: PyObject, _ name: String) throws -> [String] {
            if let tup = o as? PyTuple {
                return try tup.items.map { x in
                    guard let xs = x as? PyString else { throw i.typeError("tuple for \(name) must only contain str, not \(i.typeName(x))") }
                    return xs.value
                }
            }
            guard let ps = o as? PyString else {
                throw i.typeError("\(name) first arg must be str or a tuple of str, not \(i.typeName(o))")
            }
            return [ps.value]
        }
        method(t, "startswith") { i, a in
            let v = try s(i, a, "startswith")
            return PyBool.of(PyStr.startswith(v, try affixes(i, try i.arg(a, 1, "startswith"), "startswith"), start: try optInt(i, a, 2), end: try optInt(i, a, 3)))
        }
        method(t, "endswith") { i, a in
            let v = try s(i, a, "endswith")
            return PyBool.of(PyStr.endswith(v, try affixes(i, try i.arg(a, 1, "endswith"), "endswith"), start: try optInt(i, a, 2), end: try optInt(i, a, 3)))
        }
        method(t, "find") { i, a in
            PyInt.make(PyStr.find(try s(i, a, "find"), try strArg(i, a, 1, "find"), start: try optInt(i, a, 2), end: try optInt(i, a, 3)))
        }
        method(t, "rfind") { i, a in
            PyInt.make(PyStr.rfind(try s(i, a, "rfind"), try strArg(i, a, 1, "rfind"), start: try optInt(i, a, 2), end: try optInt(i, a, 3)))
        }
        method(t, "index") { i, a in
            let v = try s(i, a, "index"), sub = try strArg(i, a, 1, "index")
            let st = try optInt(i, a, 2), en = try optInt(i, a, 3)
            return PyInt.make(try support(i) { () throws(SupportError) in try PyStr.index(v, sub, start: st, end: en) })
        }
        method(t, "rindex") { i, a in
            let v = try s(i, a, "rindex"), sub = try strArg(i, a, 1, "rindex")
            let st = try optInt(i, a, 2), en = try optInt(i, a, 3)
            return PyInt.make(try support(i) { () throws(SupportError) in try PyStr.rindex(v, sub, start: st, end: en) })
        }
        method(t, "count") { i, a in
            PyInt.make(PyStr.count(try s(i, a, "count"), try strArg(i, a, 1, "count"), start: try optInt(i, a, 2), end: try optInt(i, a, 3)))
        }
        let predicates: [(String, (String) -> Bool)] = [
            ("isdigit", PyStr.isdigit), ("isdecimal", PyStr.isdecimal), ("isnumeric", PyStr.isnumeric),
            ("isalpha", PyStr.isalpha), ("isalnum", PyStr.isalnum), ("isspace", PyStr.isspace),
            ("isupper", PyStr.isupper), ("islower", PyStr.islower), ("istitle", PyStr.istitle),
            ("isidentifier", PyStr.isidentifier), ("isascii", PyStr.isascii), ("isprintable", PyStr.isprintable),
        ]
        for (name, test) in predicates {
            method(t, name) { i, a in PyBool.of(test(try s(i, a, name))) }
        }
        func fill(_ i: Interpreter, _ a: CallArgs) throws -> String {
            guard a.positional.count > 2 else { return " " }
            guard let f = a.positional[2] as? PyString else {
                throw i.typeError("The fill character must be a unicode character, not \(i.typeName(a.positional[2]))")
            }
            if f.count != 1 { throw i.typeError("The fill character must be exactly one character long") }
            return f.value
        }
        method(t, "center") { i, a in
            let v = try s(i, a, "center"), w = try i.intArg(try i.arg(a, 1, "center")), f = try fill(i, a)
            return PyString(try support(i) { () throws(SupportError) in try PyStr.center(v, w, fill: f) })
        }
        method(t, "ljust") { i, a in
            let v = try s(i, a, "ljust"), w = try i.intArg(try i.arg(a, 1, "ljust")), f = try fill(i, a)
            return PyString(try support(i) { () throws(SupportError) in try PyStr.ljust(v, w, fill: f) })
        }
        method(t, "rjust") { i, a in
            let v = try s(i, a, "rjust"), w = try i.intArg(try i.arg(a, 1, "rjust")), f = try fill(i, a)
            return PyString(try support(i) { () throws(SupportError) in try PyStr.rjust(v, w, fill: f) })
        }
        method(t, "zfill") { i, a in
            let v = try s(i, a, "zfill"), w = try i.intArg(try i.arg(a, 1, "zfill"))
            return PyString(try support(i) { () throws(SupportError) in try PyStr.zfill(v, w) })
        }
        method(t, "expandtabs") { i, a in
            let v = try s(i, a, "expandtabs"), n = try optInt(i, a, 1, "tabsize") ?? 8
            return PyString(try support(i) { () throws(SupportError) in try PyStr.expandtabs(v, tabsize: n) })
        }
        method(t, "partition") { i, a in
            let v = try s(i, a, "partition"), sep = try strArg(i, a, 1, "partition")
            let (x, y, z) = try support(i) { () throws(SupportError) in try PyStr.partition(v, sep) }
            return PyTuple([PyString(x), PyString(y), PyString(z)])
        }
        method(t, "rpartition") { i, a in
            let v = try s(i, a, "rpartition"), sep = try strArg(i, a, 1, "rpartition")
            let (x, y, z) = try support(i) { () throws(SupportError) in try PyStr.rpartition(v, sep) }
            return PyTuple([PyString(x), PyString(y), PyString(z)])
        }
        method(t, "removeprefix") { i, a in
            let v = try s(i, a, "removeprefix"), p = try strArg(i, a, 1, "removeprefix")
            return PyString(v.unicodeScalars.starts(with: p.unicodeScalars) ? String(String.UnicodeScalarView(v.unicodeScalars.dropFirst(p.unicodeScalars.count))) : v)
        }
        method(t, "removesuffix") { i, a in
            let v = try s(i, a, "removesuffix"), p = try strArg(i, a, 1, "removesuffix")
            let vs = Array(v.unicodeScalars), ps = Array(p.unicodeScalars)
            if !ps.isEmpty && vs.count >= ps.count && Array(vs.suffix(ps.count)) == ps {
                return PyString(String(String.UnicodeScalarView(vs.dropLast(ps.count))))
            }
            return PyString(v)
        }
        method(t, "encode") { i, a in
            let v = try s(i, a, "encode")
            let enc = try optStr(i, a, 1, "encoding") ?? "utf-8", errors = try optStr(i, a, 2, "errors") ?? "strict"
            return PyBytes(try support(i) { () throws(SupportError) in try pythonEncode(v, encoding: enc, errors: errors) })
        }
        method(t, "format") { i, a in
            let v = try s(i, a, "format")
            return PyString(try i.strFormat(v, CallArgs(Array(a.positional.dropFirst()), keywords: a.keywords)))
        }
        method(t, "format_map") { i, a in
            let v = try s(i, a, "format_map")
            let mapping = try i.arg(a, 1, "format_map")
            return PyString(try i.strFormat(v, CallArgs(), mapping: mapping))
        }
        t.dict["maketrans"] = PyStaticMethod(PyNativeFunction("maketrans") { i, a in
            let d = PyDict()
            if let x = a.positional.first as? PyString, let y = a.positional.dropFirst().first as? PyString {
                for (c, r) in zip(x.value.unicodeScalars, y.value.unicodeScalars) {
                    try i.dictSet(d, PyInt.make(Int(c.value)), PyInt.make(Int(r.value)))
                }
                if a.positional.count > 2, let z = a.positional[2] as? PyString {
                    for c in z.value.unicodeScalars { try i.dictSet(d, PyInt.make(Int(c.value)), PyNone.shared) }
                }
            } else if let m = a.positional.first as? PyDict {
                for k in i.dictKeys(m) {
                    let key: PyObject = (k as? PyString).flatMap { $0.value.unicodeScalars.first }.map { PyInt.make(Int($0.value)) } ?? k
                    try i.dictSet(d, key, try i.dictGet(m, k)!)
                }
            }
            return d
        })
        method(t, "translate") { i, a in
            let v = try s(i, a, "translate")
            let table = try i.arg(a, 1, "translate")
            var out = ""
            for c in v.unicodeScalars {
                let mapped: PyObject
                do { mapped = try i.getItem(table, PyInt.make(Int(c.value))) } catch let e as PyError where e.exception.cls.isSubclass(of: ExceptionTypes.lookupError) {
                    out.unicodeScalars.append(c)
                    continue
                }
                if mapped is PyNone { continue }
                if let n = mapped as? PyInt, let sc = Unicode.Scalar(UInt32(truncatingIfNeeded: n.small)) { out.unicodeScalars.append(sc) }
                else if let st = mapped as? PyString { out += st.value }
            }
            return PyString(out)
        }
        // bytes methods reuse the str implementations through latin-1 (one byte, one code point).
        func latin1(_ b: [UInt8]) -> String { String(String.UnicodeScalarView(b.map { Unicode.Scalar($0) })) }
        func unlatin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } }
        func bytesArg(_ o: PyObject) -> PyObject {
            if let b = o as? PyBytes { return PyString(latin1(b.value)) }
            if let t = o as? PyTuple { return PyTuple(t.items.map(bytesArg)) }
            if let l = o as? PyList { return PyList(l.items.map(bytesArg)) }
            return o
        }
        func bytesResult(_ o: PyObject) -> PyObject {
            if let s = o as? PyString { return PyBytes(unlatin1(s.value)) }
            if let l = o as? PyList { return PyList(l.items.map(bytesResult)) }
            if let t = o as? PyTuple { return PyTuple(t.items.map(bytesResult)) }
            return o
        }
        // Case changes, predicates and whitespace splitting are ASCII-only for bytes, so they
        // live in BytesMethods.swift; these behave identically through latin-1.
        for name in ["startswith", "endswith", "find", "rfind", "index", "rindex", "count", "replace", "join",
                     "center", "ljust", "rjust", "zfill", "partition", "rpartition"] {
            guard let strMethod = t.dict[name] else { continue }
            method(BuiltinTypes.bytes, name) { i, a in
                let recv = try receiver(i, a, PyBytes.self, name)
                var args = a
                args.positional = [PyString(latin1(recv.value))] + a.positional.dropFirst().map(bytesArg)
                return bytesResult(try i.call(strMethod, args))
            }
        }
        method(BuiltinTypes.bytes, "decode") { i, a in
            let b = try receiver(i, a, PyBytes.self, "decode")
            let enc = try optStr(i, a, 1, "encoding") ?? "utf-8", errors = try optStr(i, a, 2, "errors") ?? "strict"
            return PyString(try support(i) { () throws(SupportError) in try pythonDecode(b.value, encoding: enc, errors: errors) })
        }
    }
}
