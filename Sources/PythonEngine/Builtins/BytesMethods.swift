/// The `bytes` methods whose meaning differs from `str`'s: case changes, character classes and
/// whitespace are ASCII-only for bytes (`b'\xe9'.upper()` is unchanged, `b'\xa0'` is not
/// whitespace), plus `hex`/`fromhex`. The rest reuse the str implementations (StrMethods.swift).
extension BuiltinMethodTables {
    static func installBytesMethods() {
        let t = BuiltinTypes.bytes
        func bytes(_ i: Interpreter, _ a: CallArgs, _ n: String) throws -> [UInt8] { try receiver(i, a, PyBytes.self, n).value }
        func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
        func isAlpha(_ c: UInt8) -> Bool { isUpper(c) || isLower(c) }
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        func isSpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
        func upper(_ c: UInt8) -> UInt8 { isLower(c) ? c - 32 : c }
        func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c + 32 : c }

        method(t, "upper") { i, a in PyBytes(try bytes(i, a, "upper").map(upper)) }
        method(t, "lower") { i, a in PyBytes(try bytes(i, a, "lower").map(lower)) }
        method(t, "swapcase") { i, a in PyBytes(try bytes(i, a, "swapcase").map { isUpper($0) ? lower($0) : upper($0) }) }
        method(t, "capitalize") { i, a in
            let b = try bytes(i, a, "capitalize")
            return PyBytes(b.enumerated().map { $0.offset == 0 ? upper($0.element) : lower($0.element) })
        }
        method(t, "title") { i, a in
            var previousCased = false
            return PyBytes(try bytes(i, a, "title").map { c in
                let out = previousCased ? lower(c) : upper(c)
                previousCased = isAlpha(c)
                return out
            })
        }
        let predicates: [(String, (UInt8) -> Bool)] = [("isdigit", isDigit), ("isalpha", isAlpha), ("isspace", isSpace),
                                                        ("isalnum", { isAlpha($0) || isDigit($0) })]
        for (name, test) in predicates {
            method(t, name) { i, a in
                let b = try bytes(i, a, name)
                return PyBool.of(!b.isEmpty && b.allSatisfy(test))
            }
        }
        method(t, "isupper") { i, a in
            let b = try bytes(i, a, "isupper")
            return PyBool.of(b.contains(where: isUpper) && !b.contains(where: isLower))
        }
        method(t, "islower") { i, a in
            let b = try bytes(i, a, "islower")
            return PyBool.of(b.contains(where: isLower) && !b.contains(where: isUpper))
        }

        func charsArg(_ i: Interpreter, _ a: CallArgs, _ name: String) throws -> Set<UInt8>? {
            guard a.positional.count > 1, !(a.positional[1] is PyNone) else { return nil }
            guard let c = a.positional[1] as? PyBytes else {
                throw i.typeError("a bytes-like object is required, not '\(i.typeName(a.positional[1]))'")
            }
            return Set(c.value)
        }
        for (name, left, right) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            method(t, name) { i, a in
                var b = try bytes(i, a, name)[...]
                let chars = try charsArg(i, a, name)
                let strip: (UInt8) -> Bool = { chars?.contains($0) ?? isSpace($0) }
                if left { while let c = b.first, strip(c) { b = b.dropFirst() } }
                if right { while let c = b.last, strip(c) { b = b.dropLast() } }
                return PyBytes(Array(b))
            }
        }
        // split()/rsplit() without a separator split on ASCII whitespace runs; with one they
        // behave as str's (through latin-1).
        let strSplit = BuiltinTypes.str.dict["split"], strRsplit = BuiltinTypes.str.dict["rsplit"]
        for (name, fromRight, strMethod) in [("split", false, strSplit), ("rsplit", true, strRsplit)] {
            method(t, name) { i, a in
                let b = try bytes(i, a, name)
                let sep = a.positional.count > 1 ? a.positional[1] : a.keyword("sep")
                let maxArg = a.positional.count > 2 ? a.positional[2] : a.keyword("maxsplit")
                let maxsplit = try maxArg.map { try i.intArg($0) } ?? -1
                if let sep, !(sep is PyNone) {
                    guard let strMethod, let s = sep as? PyBytes else {
                        throw i.typeError("a bytes-like object is required, not '\(i.typeName(sep))'")
                    }
                    if s.value.isEmpty { throw i.valueError("empty separator") }
                    let latin = { (x: [UInt8]) in PyString(String(String.UnicodeScalarView(x.map { Unicode.Scalar($0) }))) }
                    let parts = try i.call(strMethod, CallArgs([latin(b), latin(s.value), PyInt.make(maxsplit)]))
                    return PyList(try i.iterateToArray(parts).map { o in
                        PyBytes(((o as? PyString)?.value.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }) ?? [])
                    })
                }
                var words: [[UInt8]] = []
                var rest = fromRight ? Array(b.reversed())[...] : b[...]
                while true {
                    while let c = rest.first, isSpace(c) { rest = rest.dropFirst() }
                    if rest.isEmpty { break }
                    if maxsplit >= 0 && words.count == maxsplit {
                        words.append(Array(rest))
                        break
                    }
                    let end = rest.firstIndex(where: isSpace) ?? rest.endIndex
                    words.append(Array(rest[..<end]))
                    rest = rest[end...]
                }
                if fromRight { words = words.reversed().map { $0.reversed() } }
                return PyList(words.map { PyBytes($0) })
            }
        }
        method(t, "splitlines") { i, a in
            let b = try bytes(i, a, "splitlines")
            let keep = try (a.positional.count > 1 ? a.positional[1] : a.keyword("keepends")).map { try i.truthy($0) } ?? false
            var lines: [PyObject] = []
            var start = 0, k = 0
            while k < b.count {
                if b[k] == 10 || b[k] == 13 {
                    let end = k
                    if b[k] == 13 && k + 1 < b.count && b[k + 1] == 10 { k += 1 }
                    lines.append(PyBytes(Array(b[start..<(keep ? k + 1 : end)])))
                    start = k + 1
                }
                k += 1
            }
            if start < b.count { lines.append(PyBytes(Array(b[start...]))) }
            return PyList(lines)
        }
        method(t, "hex") { i, a in
            PyString(try bytes(i, a, "hex").map { String($0, radix: 16).leftPadded(to: 2) }.joined())
        }
        t.dict["fromhex"] = PyClassMethod(PyNativeFunction("fromhex") { i, a in
            let o = try i.arg(a, 1, "fromhex", "string")
            guard let s = o as? PyString else { throw i.typeError("fromhex() argument must be str, not \(i.typeName(o))") }
            let scalars = s.scalars
            var out: [UInt8] = []
            var k = 0
            func digit(_ at: Int) -> UInt8? {
                guard at < scalars.count, let v = Int(String(scalars[at]), radix: 16), scalars[at].isASCII else { return nil }
                return UInt8(v)
            }
            while k < scalars.count {
                if scalars[k].isASCII && isSpace(UInt8(scalars[k].value)) { k += 1; continue }
                guard let high = digit(k) else { throw i.valueError("non-hexadecimal number found in fromhex() arg at position \(k)") }
                guard let low = digit(k + 1) else { throw i.valueError("non-hexadecimal number found in fromhex() arg at position \(k + 1)") }
                out.append(high << 4 | low)
                k += 2
            }
            return PyBytes(out)
        })
    }
}
