import BigInt
#if canImport(Glibc)
import Glibc
#endif

extension Interpreter {
    func makeSysModule() -> PyModule {
        let m = PyModule(name: "sys")
        m.dict["argv"] = PyList(argv.map { PyString($0) })
        m.dict["version"] = PyString("3.11.7 (python-subset engine)")
        let versionInfo = PyClass(name: "version_info", bases: [BuiltinTypes.tuple], module: "sys")
        versionInfo.qualifiedName = "sys.version_info"
        let fields = ["major", "minor", "micro", "releaselevel", "serial"]
        versionInfo.dict["_fields"] = PyTuple(fields.map { PyString($0) })
        for (k, f) in fields.enumerated() {
            versionInfo.dict[f] = PyProperty(getter: PyNativeFunction(f) { _, b in (b.positional.first as? PyTuple)?.items[k] ?? PyNone.shared }, setter: nil, deleter: nil)
        }
        m.dict["version_info"] = PyNamedTuple(cls: versionInfo, items: [PyInt.make(3), PyInt.make(11), PyInt.make(7), PyString("final"), PyInt.make(0)])
        m.dict["platform"] = PyString("linux")
        m.dict["maxsize"] = PyInt.make(Int.max)
        m.dict["byteorder"] = PyString("little")
        m.dict["executable"] = PyString("/usr/bin/python3")
        // Filled as modules are imported (`recordInSysModules`). `__main__` is a snapshot of the
        // script's globals when `sys` was first imported: membership tests are what code uses.
        let loaded = PyDict()
        let main = PyModule(name: "__main__", dict: mainGlobals.values)
        try? dictSet(loaded, PyString("__main__"), main)
        m.dict["modules"] = loaded
        m.dict["path"] = PyList([])
        m.dict["exit"] = native("exit") { i, a in
            throw PyError(exception: i.newException(ExceptionTypes.systemExit, a.positional.isEmpty ? [] : [a.positional[0]]))
        }
        m.dict["get_int_max_str_digits"] = native("get_int_max_str_digits") { _, _ in PyInt.make(pythonIntMaxStrDigits) }
        m.dict["set_int_max_str_digits"] = native("set_int_max_str_digits") { i, a in
            let n = try i.intArg(try i.arg(a, 0, "set_int_max_str_digits", "maxdigits"))
            if n != 0 && n < 640 { throw i.valueError("maxdigits must be 0 or larger than 640") }
            // The limit is CPython's default everywhere in the engine (str(), int(), format
            // specs); keeping it is fine, changing it is refused rather than ignored.
            if n == pythonIntMaxStrDigits { return PyNone.shared }
            throw i.error(ExceptionTypes.notImplementedError, "sys.set_int_max_str_digits(\(n)): changing the int/str conversion limit is not supported by this Python engine")
        }
        m.dict["getrecursionlimit"] = native("getrecursionlimit") { i, _ in PyInt.make(i.recursionLimit) }
        m.dict["setrecursionlimit"] = native("setrecursionlimit") { i, a in
            let n = try i.intArg(try i.arg(a, 0, "setrecursionlimit"))
            if n < 1 { throw i.valueError("recursion limit must be greater or equal than 1") }
            // The Swift stack guard still applies, so a huge limit ends in RecursionError, not a crash.
            i.recursionLimit = n
            return PyNone.shared
        }
        for (name, isErr) in [("stdout", false), ("stderr", true)] {
            let s = PyModule(name: "sys.\(name)")
            s.dict["write"] = native("write") { i, a in
                guard let t = a.positional.first as? PyString else {
                    throw i.typeError("write() argument must be str, not \(i.typeName(a.positional.first ?? PyNone.shared))")
                }
                try (isErr ? i.stderr : i.stdout).write(t.value)
                return PyInt.make(t.count)
            }
            s.dict["flush"] = native("flush") { i, _ in (isErr ? i.stderr : i.stdout).flush(); return PyNone.shared }
            m.dict[name] = s
        }
        m.dict["stdin"] = PyModule(name: "sys.stdin")
        return m
    }

    func makeMathModule() throws -> PyModule {
        let m = PyModule(name: "math")
        m.dict["pi"] = PyFloat(Double.pi)
        m.dict["e"] = PyFloat(M_E)
        m.dict["tau"] = PyFloat(2 * Double.pi)
        m.dict["inf"] = PyFloat(Double.infinity)
        m.dict["nan"] = PyFloat(Double.nan)
        func real(_ i: Interpreter, _ o: PyObject) throws -> Double {
            guard let d = try i.asDouble(o) else { throw i.typeError("must be real number, not \(i.typeName(o))") }
            return d
        }
        func unary(_ name: String, domain: ((Double) -> Bool)? = nil, _ f: @escaping (Double) -> Double) {
            m.dict[name] = native(name) { i, a in
                try i.exactArgs(a, name, 1)
                let x = try real(i, a.positional[0])
                if let domain, !domain(x) { throw i.valueError("math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw i.error(ExceptionTypes.overflowError, "math range error") }
                return PyFloat(r)
            }
        }
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }) { $0.squareRoot() }
        unary("exp") { Glibc.exp($0) }
        unary("sin") { Glibc.sin($0) }
        unary("cos") { Glibc.cos($0) }
        unary("tan") { Glibc.tan($0) }
        unary("asin", domain: { abs($0) <= 1 }) { Glibc.asin($0) }
        unary("acos", domain: { abs($0) <= 1 }) { Glibc.acos($0) }
        unary("atan") { Glibc.atan($0) }
        unary("sinh") { Glibc.sinh($0) }
        unary("cosh") { Glibc.cosh($0) }
        unary("tanh") { Glibc.tanh($0) }
        unary("fabs") { abs($0) }
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }
        func operand(_ i: Interpreter, _ o: PyObject) throws -> MathOperand {
            if let n = o as? PyInt { return .int(n.bigValue) }
            return .float(try real(i, o))
        }
        func integer(_ i: Interpreter, _ o: PyObject) throws -> BigInt {
            guard let n = o as? PyInt else { throw i.typeError("'\(i.typeName(o))' object cannot be interpreted as an integer") }
            return n.bigValue
        }
        func support<T>(_ i: Interpreter, _ body: () throws(SupportError) -> T) throws -> T {
            do { return try body() } catch { throw i.convert(error) }
        }
        m.dict["log"] = native("log") { i, a in
            let x = try operand(i, try i.arg(a, 0, "log"))
            let base = try a.positional.count > 1 ? operand(i, a.positional[1]) : nil
            return PyFloat(try support(i) { () throws(SupportError) in try mathLog(x, base: base) })
        }
        m.dict["log2"] = native("log2") { i, a in
            let x = try operand(i, try i.arg(a, 0, "log2"))
            return PyFloat(try support(i) { () throws(SupportError) in try mathLog2(x) })
        }
        m.dict["log10"] = native("log10") { i, a in
            let x = try operand(i, try i.arg(a, 0, "log10"))
            return PyFloat(try support(i) { () throws(SupportError) in try mathLog10(x) })
        }
        m.dict["atan2"] = native("atan2") { i, a in PyFloat(Glibc.atan2(try real(i, try i.arg(a, 0, "atan2")), try real(i, try i.arg(a, 1, "atan2")))) }
        m.dict["hypot"] = native("hypot") { i, a in PyFloat(try a.positional.map { try real(i, $0) }.reduce(0) { $0 + $1 * $1 }.squareRoot()) }
        m.dict["pow"] = native("pow") { i, a in
            do {
                switch try floatPow(try real(i, try i.arg(a, 0, "pow")), try real(i, try i.arg(a, 1, "pow"))) {
                case .real(let r): return PyFloat(r)
                case .complexResult: throw i.valueError("math domain error")
                }
            } catch let e as SupportError { throw i.convert(e) }
        }
        func toIntResult(_ name: String, _ f: @escaping (Double) -> Double) {
            m.dict[name] = native(name) { i, a in
                try i.exactArgs(a, name, 1)
                let x = a.positional[0]
                if let n = x as? PyInt { return PyInt.make(n.bigValue) }
                if let r = try i.callSpecial(x, "__\(name)__") { return r }
                let d = try real(i, x)
                if d.isNaN { throw i.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw i.error(ExceptionTypes.overflowError, "cannot convert float infinity to integer") }
                return PyInt.make(doubleToBigInt(f(d)))
            }
        }
        toIntResult("floor") { $0.rounded(.down) }
        toIntResult("ceil") { $0.rounded(.up) }
        toIntResult("trunc") { $0.rounded(.towardZero) }
        m.dict["factorial"] = native("factorial") { i, a in
            let n = try integer(i, try i.arg(a, 0, "factorial"))
            if n > 200_000 { throw EngineLimitError(message: "math.factorial argument too large for the sandbox") }
            return PyInt.make(try support(i) { () throws(SupportError) in try mathFactorial(n) })
        }
        m.dict["gcd"] = native("gcd") { i, a in PyInt.make(mathGcd(try a.positional.map { try integer(i, $0) })) }
        m.dict["lcm"] = native("lcm") { i, a in PyInt.make(mathLcm(try a.positional.map { try integer(i, $0) })) }
        m.dict["isqrt"] = native("isqrt") { i, a in
            let n = try integer(i, try i.arg(a, 0, "isqrt"))
            return PyInt.make(try support(i) { () throws(SupportError) in try mathIsqrt(n) })
        }
        m.dict["isclose"] = native("isclose") { i, a in
            let x = try real(i, try i.arg(a, 0, "isclose")), y = try real(i, try i.arg(a, 1, "isclose"))
            let rel = try a.keyword("rel_tol").map { try real(i, $0) } ?? 1e-9
            let absTol = try a.keyword("abs_tol").map { try real(i, $0) } ?? 0
            if x == y { return PyBool.trueValue }
            if x.isInfinite || y.isInfinite { return PyBool.falseValue }
            let diff = abs(x - y)
            return PyBool.of(diff <= abs(rel * y) || diff <= abs(rel * x) || diff <= absTol)
        }
        m.dict["isnan"] = native("isnan") { i, a in PyBool.of(try real(i, try i.arg(a, 0, "isnan")).isNaN) }
        m.dict["isinf"] = native("isinf") { i, a in PyBool.of(try real(i, try i.arg(a, 0, "isinf")).isInfinite) }
        m.dict["isfinite"] = native("isfinite") { i, a in PyBool.of(try real(i, try i.arg(a, 0, "isfinite")).isFinite) }
        m.dict["fsum"] = native("fsum") { i, a in
            let values = try i.iterateToArray(try i.arg(a, 0, "fsum")).map { try real(i, $0) }
            return PyFloat(try support(i) { () throws(SupportError) in try mathFsum(values) })
        }
        m.dict["prod"] = native("prod") { i, a in
            var r: PyObject = a.keyword("start") ?? PyInt.make(1)
            for o in try i.iterateToArray(try i.arg(a, 0, "prod")) { r = try i.binaryOp(.mul, r, o) }
            return r
        }
        m.dict["comb"] = native("comb") { i, a in
            let n = try integer(i, try i.arg(a, 0, "comb", "n")), k = try integer(i, try i.arg(a, 1, "comb", "k"))
            return PyInt.make(try support(i) { () throws(SupportError) in try mathComb(n, k) })
        }
        m.dict["perm"] = native("perm") { i, a in
            let n = try integer(i, try i.arg(a, 0, "perm", "n"))
            let k = try i.optArg(a, 1, "k").flatMap { $0 is PyNone ? nil : $0 }.map { try integer(i, $0) }
            return PyInt.make(try support(i) { () throws(SupportError) in try mathPerm(n, k) })
        }
        return m
    }

    func makeOsModule() -> PyModule {
        let m = PyModule(name: "os")
        m.dict["getpid"] = native("getpid") { _, _ in PyInt.make(Int(getpid())) }
        m.dict["getppid"] = native("getppid") { _, _ in PyInt.make(Int(getppid())) }
        m.dict["cpu_count"] = native("cpu_count") { _, _ in PyInt.make(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
        m.dict["sep"] = PyString("/")
        m.dict["linesep"] = PyString("\n")
        m.dict["name"] = PyString("posix")
        m.dict["environ"] = PyDict()
        m.dict["getcwd"] = native("getcwd") { _, _ in PyString("/sandbox") }
        m.dict["getenv"] = native("getenv") { i, a in i.optArg(a, 1, "default") ?? PyNone.shared }
        for blocked in ["system", "remove", "unlink", "rmdir", "mkdir", "makedirs", "rename", "replace", "fork",
                        "kill", "popen", "execv", "execl", "execvp", "spawnl", "chdir", "chmod", "listdir",
                        "walk", "scandir", "removedirs", "symlink", "link", "truncate", "_exit", "killpg", "setsid"] {
            m.dict[blocked] = native(blocked) { i, _ in throw i.permissionDenied("os.\(blocked)()") }
        }
        m.dict["path"] = makeOsPathModule()
        return m
    }

    func makeOsPathModule() -> PyModule {
        let m = PyModule(name: "os.path")
        m.dict["join"] = native("join") { i, a in
            var out = ""
            for o in a.positional {
                guard let s = o as? PyString else { throw i.typeError("expected str, bytes or os.PathLike object, not \(i.typeName(o))") }
                if s.value.hasPrefix("/") { out = s.value } else if out.isEmpty || out.hasSuffix("/") { out += s.value } else { out += "/" + s.value }
            }
            return PyString(out)
        }
        m.dict["basename"] = native("basename") { i, a in
            guard let s = a.positional.first as? PyString else { throw i.typeError("expected str") }
            return PyString(String(s.value.split(separator: "/", omittingEmptySubsequences: false).last ?? ""))
        }
        func pathArg(_ i: Interpreter, _ a: CallArgs, _ fn: String) throws -> [Unicode.Scalar] {
            let o = try i.arg(a, 0, fn, "p")
            guard let s = o as? PyString else { throw i.typeError("expected str, bytes or os.PathLike object, not \(i.typeName(o))") }
            return s.scalars
        }
        func text(_ s: ArraySlice<Unicode.Scalar>) -> PyString {
            var out = String.UnicodeScalarView()
            out.append(contentsOf: s)
            return PyString(String(out))
        }
        /// posixpath.split: the head keeps a run of only slashes, otherwise loses trailing ones.
        func splitPath(_ p: [Unicode.Scalar]) -> (ArraySlice<Unicode.Scalar>, ArraySlice<Unicode.Scalar>) {
            let cut = (p.lastIndex(of: "/") ?? -1) + 1
            var head = p[..<cut]
            if !head.isEmpty && head.contains(where: { $0 != "/" }) {
                while head.last == "/" { head = head.dropLast() }
            }
            return (head, p[cut...])
        }
        m.dict["split"] = native("split") { i, a in
            let (head, tail) = splitPath(try pathArg(i, a, "split"))
            return PyTuple([text(head), text(tail)])
        }
        m.dict["dirname"] = native("dirname") { i, a in text(splitPath(try pathArg(i, a, "dirname")).0) }
        m.dict["isabs"] = native("isabs") { i, a in PyBool.of(try pathArg(i, a, "isabs").first == "/") }
        m.dict["splitext"] = native("splitext") { i, a in
            // genericpath._splitext: the last dot after the last slash, unless the name is all
            // leading dots before it (".bashrc" has no extension).
            let p = try pathArg(i, a, "splitext")
            let sepIndex = p.lastIndex(of: "/") ?? -1
            if let dotIndex = p.lastIndex(of: "."), dotIndex > sepIndex,
               p[(sepIndex + 1)..<dotIndex].contains(where: { $0 != "." }) {
                return PyTuple([text(p[..<dotIndex]), text(p[dotIndex...])])
            }
            return PyTuple([text(p[...]), PyString.empty])
        }
        m.dict["exists"] = native("exists") { _, _ in PyBool.falseValue }
        m.dict["isfile"] = native("isfile") { _, _ in PyBool.falseValue }
        m.dict["isdir"] = native("isdir") { _, _ in PyBool.falseValue }
        return m
    }

    func makeTimeModule() -> PyModule {
        let m = PyModule(name: "time")
        m.dict["time"] = native("time") { _, _ in PyFloat(wallClockSeconds()) }
        m.dict["perf_counter"] = native("perf_counter") { _, _ in PyFloat(Double(monotonicNanos()) / 1e9) }
        m.dict["monotonic"] = native("monotonic") { _, _ in PyFloat(Double(monotonicNanos()) / 1e9) }
        m.dict["perf_counter_ns"] = native("perf_counter_ns") { _, _ in PyInt.make(Int(monotonicNanos())) }
        m.dict["time_ns"] = native("time_ns") { _, _ in PyInt.make(Int(wallClockSeconds() * 1e9)) }
        m.dict["process_time"] = native("process_time") { _, _ in PyFloat(Double(clock()) / Double(CLOCKS_PER_SEC)) }
        m.dict["sleep"] = native("sleep") { i, a in
            guard let d = try i.asDouble(try i.arg(a, 0, "sleep")) else { throw i.typeError("'\(i.typeName(a.positional[0]))' object cannot be interpreted as an integer") }
            if d < 0 { throw i.valueError("sleep length must be non-negative") }
            if !(d < 9.2e9) { throw i.error(ExceptionTypes.overflowError, "timestamp too large to convert to C _PyTime_t") }
            if let deadline = i.deadline, monotonicNanos() + UInt64(d * 1e9) > deadline {
                throw EngineLimitError(message: "time limit of \(i.limits.timeout ?? 0) seconds exceeded (in time.sleep)")
            }
            i.flush()
            var ts = timespec(tv_sec: Int(d), tv_nsec: Int((d - Double(Int(d))) * 1e9))
            var rem = timespec()
            while nanosleep(&ts, &rem) != 0 && errno == EINTR { ts = rem }
            return PyNone.shared
        }
        return m
    }
}
