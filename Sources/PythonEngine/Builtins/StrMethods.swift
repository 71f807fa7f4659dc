import Foundation

extension BuiltinMethodTables {
    static func installStrMethods() {
        let t = BuiltinTypes.str
        func s(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> String { try receiver(i, a, PyString.self, n).value }
        func strArg(_ i: Interpreter, _ a: CallArgs, _ k: Int, _ fn: String) throws -> String {
            guard k < a.positional.count else { throw i.typeError("\(fn)() takes at least 1 argument (0 given)") }
            guard let v = a.positional[k] as? PyString else {
                throw i.typeError("must be str, not \(i.typeName(a.positional[k]))")
            }
            return v.value
        }
        func optChars(_ a: CallArgs) -> Set<Unicode.Scalar>? {
            guard a.positional.count > 1, let c = a.positional[1] as? PyString else { return nil }
            return Set(c.value.unicodeScalars)
        }
        func isWS(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace || (c.value >= 0x1C && c.value <= 0x1F) }
        func strip(_ v: String, _ chars: Set<Unicode.Scalar>?, left: Bool, right: Bool) -> String {
            var sc = Array(v.unicodeScalars)[...]
            let test: (Unicode.Scalar) -> Bool = { chars?.contains($0) ?? isWS($0) }
            if left { while let f = sc.first, test(f) { sc = sc.dropFirst() } }
            if right { while let l = sc.last, test(l) { sc = sc.dropLast() } }
            return String(String.UnicodeScalarView(sc))
        }
        method(t, "strip") { i, a in PyString(strip(try s(i, a, "strip"), optChars(a), left: true, right: true)) }
        method(t, "lstrip") { i, a in PyString(strip(try s(i, a, "lstrip"), optChars(a), left: true, right: false)) }
        method(t, "rstrip") { i, a in PyString(strip(try s(i, a, "rstrip"), optChars(a), left: false, right: true)) }
        method(t, "upper") { i, a in PyString(try s(i, a, "upper").uppercased()) }
        method(t, "lower") { i, a in PyString(try s(i, a, "lower").lowercased()) }
        method(t, "casefold") { i, a in PyString(try s(i, a, "casefold").lowercased()) }
        method(t, "swapcase") { i, a in
            PyString(String(try s(i, a, "swapcase").map { c -> String in c.isUppercase ? c.lowercased() : c.uppercased() }.joined()))
        }
        method(t, "title") { i, a in
            var out = ""
            var prevCased = false
            for c in try s(i, a, "title") {
                out += prevCased ? c.lowercased() : c.uppercased()
                prevCased = c.isLetter
            }
            return PyString(out)
        }
        method(t, "capitalize") { i, a in
            let v = try s(i, a, "capitalize")
            guard let f = v.first else { return PyString("") }
            return PyString(f.uppercased() + v.dropFirst().lowercased())
        }
        method(t, "split") { i, a in
            let v = try s(i, a, "split")
            let sepObj = i.optArg(a, 1, "sep")
            let maxsplit = try i.optArg(a, 2, "maxsplit").map { try i.intArg($0) } ?? -1
            if let sepObj, !(sepObj is PyNone) {
                guard let sep = (sepObj as? PyString)?.value else { throw i.typeError("must be str or None, not \(i.typeName(sepObj))") }
                if sep.isEmpty { throw i.valueError("empty separator") }
                var parts: [String] = []
                var rest = Substring(v)
                while maxsplit < 0 || parts.count < maxsplit, let r = rest.range(of: sep) {
                    parts.append(String(rest[..<r.lowerBound]))
                    rest = rest[r.upperBound...]
                }
                parts.append(String(rest))
                return PyList(parts.map { PyString($0) })
            }
            var parts: [PyObject] = []
            var sc = Array(v.unicodeScalars)[...]
            while true {
                while let f = sc.first, isWS(f) { sc = sc.dropFirst() }
                if sc.isEmpty { break }
                if maxsplit >= 0 && parts.count >= maxsplit {
                    while let l = sc.last, isWS(l) { sc = sc.dropLast() }
                    parts.append(PyString(String(String.UnicodeScalarView(sc))))
                    break
                }
                let end = sc.firstIndex(where: isWS) ?? sc.endIndex
                parts.append(PyString(String(String.UnicodeScalarView(sc[..<end]))))
                sc = sc[end...]
            }
            return PyList(parts)
        }
        method(t, "rsplit") { i, a in
            let v = try s(i, a, "rsplit")
            let maxsplit = try i.optArg(a, 2, "maxsplit").map { try i.intArg($0) } ?? -1
            guard let sep = (i.optArg(a, 1, "sep") as? PyString)?.value, maxsplit >= 0 else {
                return try i.call(t.dict["split"]!, a)
            }
            var parts: [String] = []
            var rest = Substring(v)
            while parts.count < maxsplit, let r = rest.range(of: sep, options: .backwards) {
                parts.insert(String(rest[r.upperBound...]), at: 0)
                rest = rest[..<r.lowerBound]
            }
            parts.insert(String(rest), at: 0)
            return PyList(parts.map { PyString($0) })
        }
        method(t, "splitlines") { i, a in
            let v = try s(i, a, "splitlines")
            let keep = try i.optArg(a, 1, "keepends").map { try i.truthy($0) } ?? false
            var out: [PyObject] = []
            var cur = ""
            var it = Array(v.unicodeScalars)
            var k = 0
            while k < it.count {
                let c = it[k]
                if c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{1C}" || c == "\u{1D}" || c == "\u{1E}" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" {
                    var end = String(Character(c))
                    if c == "\r" && k + 1 < it.count && it[k + 1] == "\n" { end = "\r\n"; k += 1 }
                    out.append(PyString(keep ? cur + end : cur))
                    cur = ""
                } else {
                    cur.unicodeScalars.append(c)
                }
                k += 1
            }
            if !cur.isEmpty { out.append(PyString(cur)) }
            it = []
            return PyList(out)
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
            let count = try i.optArg(a, 3, "count").map { try i.intArg($0) } ?? -1
            if old.isEmpty {
                var out = ""
                var n = 0
                for c in v.unicodeScalars {
                    if count < 0 || n < count { out += new; n += 1 }
                    out.unicodeScalars.append(c)
                }
                if count < 0 || n < count { out += new }
                return PyString(out)
            }
            var out = ""
            var rest = Substring(v)
            var n = 0
            while count < 0 || n < count, let r = rest.range(of: old) {
                out += rest[..<r.lowerBound] + new
                rest = rest[r.upperBound...]
                n += 1
            }
            return PyString(out + rest)
        }
        func affix(_ name: String, _ test: @escaping (String, String) -> Bool) {
            method(t, name) { i, a in
                let v = try s(i, a, name)
                let p = try i.arg(a, 1, name)
                if let tup = p as? PyTuple {
                    for x in tup.items {
                        guard let xs = x as? PyString else { throw i.typeError("tuple for \(name) must only contain str, not \(i.typeName(x))") }
                        if test(v, xs.value) { return PyBool.trueValue }
                    }
                    return PyBool.falseValue
                }
                guard let ps = p as? PyString else {
                    throw i.typeError("\(name) first arg must be str or a tuple of str, not \(i.typeName(p))")
                }
                return PyBool.of(test(v, ps.value))
            }
        }
        affix("startswith") { $1.isEmpty || $0.unicodeScalars.starts(with: $1.unicodeScalars) }
        affix("endswith") { $1.isEmpty || $0.unicodeScalars.reversed().starts(with: $1.unicodeScalars.reversed()) }
        func find(_ v: String, _ sub: String, reverse: Bool) -> Int {
            let hay = Array(v.unicodeScalars), needle = Array(sub.unicodeScalars)
            if needle.count > hay.count { return -1 }
            let range = reverse ? Array(stride(from: hay.count - needle.count, through: 0, by: -1)) : Array(0...(hay.count - needle.count))
            for k in range where Array(hay[k..<k + needle.count]) == needle { return k }
            return -1
        }
        method(t, "find") { i, a in PyInt.make(find(try s(i, a, "find"), try strArg(i, a, 1, "find"), reverse: false)) }
        method(t, "rfind") { i, a in PyInt.make(find(try s(i, a, "rfind"), try strArg(i, a, 1, "rfind"), reverse: true)) }
        method(t, "index") { i, a in
            let r = find(try s(i, a, "index"), try strArg(i, a, 1, "index"), reverse: false)
            if r < 0 { throw i.valueError("substring not found") }
            return PyInt.make(r)
        }
        method(t, "rindex") { i, a in
            let r = find(try s(i, a, "rindex"), try strArg(i, a, 1, "rindex"), reverse: true)
            if r < 0 { throw i.valueError("substring not found") }
            return PyInt.make(r)
        }
        method(t, "count") { i, a in
            let v = try s(i, a, "count"), sub = try strArg(i, a, 1, "count")
            if sub.isEmpty { return PyInt.make(v.unicodeScalars.count + 1) }
            var n = 0
            var rest = Substring(v)
            while let r = rest.range(of: sub) { n += 1; rest = rest[r.upperBound...] }
            return PyInt.make(n)
        }
        func predicate(_ name: String, _ test: @escaping (Unicode.Scalar) -> Bool) {
            method(t, name) { i, a in
                let v = try s(i, a, name)
                return PyBool.of(!v.isEmpty && v.unicodeScalars.allSatisfy(test))
            }
        }
        predicate("isdigit") { $0.properties.numericType == .digit || $0.properties.numericType == .decimal }
        predicate("isdecimal") { $0.properties.numericType == .decimal }
        predicate("isnumeric") { $0.properties.numericType != nil }
        predicate("isalpha") { $0.properties.isAlphabetic }
        predicate("isalnum") { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        predicate("isspace") { isWS($0) }
        predicate("isascii") { $0.isASCII }
        method(t, "isupper") { i, a in
            let v = try s(i, a, "isupper")
            return PyBool.of(v.contains { $0.isCased } && !v.contains { $0.isLowercase })
        }
        method(t, "islower") { i, a in
            let v = try s(i, a, "islower")
            return PyBool.of(v.contains { $0.isCased } && !v.contains { $0.isUppercase })
        }
        method(t, "isidentifier") { i, a in
            let v = try s(i, a, "isidentifier")
            guard let f = v.unicodeScalars.first else { return PyBool.falseValue }
            return PyBool.of((f == "_" || f.properties.isXIDStart) && v.unicodeScalars.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        }
        func pad(_ name: String, _ place: @escaping (String, Int, String) -> String) {
            method(t, name) { i, a in
                let v = try s(i, a, name)
                let width = try i.intArg(try i.arg(a, 1, name))
                let fill = (a.positional.count > 2 ? (a.positional[2] as? PyString)?.value : nil) ?? " "
                if fill.unicodeScalars.count != 1 { throw i.typeError("The fill character must be exactly one character long") }
                let n = v.unicodeScalars.count
                if width <= n { return PyString(v) }
                return PyString(place(v, width - n, fill))
            }
        }
        pad("ljust") { v, n, f in v + String(repeating: f, count: n) }
        pad("rjust") { v, n, f in String(repeating: f, count: n) + v }
        pad("center") { v, n, f in
            // CPython: left = n/2 + (n & width & 1)
            let width = v.unicodeScalars.count + n
            let left = n / 2 + (n & width & 1)
            return String(repeating: f, count: left) + v + String(repeating: f, count: n - left)
        }
        method(t, "zfill") { i, a in
            let v = try s(i, a, "zfill")
            let width = try i.intArg(try i.arg(a, 1, "zfill"))
            let n = v.unicodeScalars.count
            if width <= n { return PyString(v) }
            let zeros = String(repeating: "0", count: width - n)
            if let f = v.first, f == "+" || f == "-" { return PyString(String(f) + zeros + v.dropFirst()) }
            return PyString(zeros + v)
        }
        method(t, "partition") { i, a in
            let v = try s(i, a, "partition"), sep = try strArg(i, a, 1, "partition")
            if sep.isEmpty { throw i.valueError("empty separator") }
            guard let r = v.range(of: sep) else { return PyTuple([PyString(v), PyString(""), PyString("")]) }
            return PyTuple([PyString(String(v[..<r.lowerBound])), PyString(sep), PyString(String(v[r.upperBound...]))])
        }
        method(t, "rpartition") { i, a in
            let v = try s(i, a, "rpartition"), sep = try strArg(i, a, 1, "rpartition")
            if sep.isEmpty { throw i.valueError("empty separator") }
            guard let r = v.range(of: sep, options: .backwards) else { return PyTuple([PyString(""), PyString(""), PyString(v)]) }
            return PyTuple([PyString(String(v[..<r.lowerBound])), PyString(sep), PyString(String(v[r.upperBound...]))])
        }
        method(t, "removeprefix") { i, a in
            let v = try s(i, a, "removeprefix"), p = try strArg(i, a, 1, "removeprefix")
            return PyString(v.hasPrefix(p) ? String(v.dropFirst(p.count)) : v)
        }
        method(t, "removesuffix") { i, a in
            let v = try s(i, a, "removesuffix"), p = try strArg(i, a, 1, "removesuffix")
            return PyString(!p.isEmpty && v.hasSuffix(p) ? String(v.dropLast(p.count)) : v)
        }
        method(t, "expandtabs") { i, a in
            let v = try s(i, a, "expandtabs")
            let size = try i.optArg(a, 1, "tabsize").map { try i.intArg($0) } ?? 8
            var out = ""
            var col = 0
            for c in v {
                if c == "\t" {
                    let n = size > 0 ? size - col % size : 0
                    out += String(repeating: " ", count: n)
                    col += n
                } else {
                    out.append(c)
                    col = (c == "\n" || c == "\r") ? 0 : col + 1
                }
            }
            return PyString(out)
        }
        method(t, "encode") { i, a in PyBytes(Array(try s(i, a, "encode").utf8)) }
        method(t, "format") { i, a in
            let v = try s(i, a, "format")
            return PyString(try i.strFormat(v, CallArgs(Array(a.positional.dropFirst()), keywords: a.keywords)))
        }
        method(t, "format_map") { i, a in
            let v = try s(i, a, "format_map")
            guard let d = a.positional.dropFirst().first as? PyDict else { throw i.typeError("format_map() argument must be a dict") }
            var kw: [(String, PyObject)] = []
            for k in i.dictKeys(d) { if let ks = k as? PyString { kw.append((ks.value, try i.dictGet(d, k)!)) } }
            return PyString(try i.strFormat(v, CallArgs([], keywords: kw)))
        }
        method(t, "__len__") { i, a in PyInt.make(try receiver(i, a, PyString.self, "__len__").count) }
        method(BuiltinTypes.bytes, "decode") { i, a in
            let b = try receiver(i, a, PyBytes.self, "decode")
            guard let s = String(validating: b.value, as: UTF8.self) else {
                throw i.error(ExceptionTypes.unicodeDecodeError, "'utf-8' codec can't decode bytes")
            }
            return PyString(s)
        }
        method(BuiltinTypes.bytes, "hex") { i, a in
            PyString(try receiver(i, a, PyBytes.self, "hex").value.map { String($0, radix: 16).leftPadded(to: 2) }.joined())
        }
    }
}
