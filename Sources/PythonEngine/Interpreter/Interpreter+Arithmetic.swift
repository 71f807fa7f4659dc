import BigInt
#if canImport(Glibc)
import Glibc
#endif

extension Interpreter {
    static let binaryDunders: [BinaryOp: (String, String, String)] = [
        .add: ("__add__", "__radd__", "__iadd__"), .sub: ("__sub__", "__rsub__", "__isub__"),
        .mul: ("__mul__", "__rmul__", "__imul__"), .div: ("__truediv__", "__rtruediv__", "__itruediv__"),
        .floorDiv: ("__floordiv__", "__rfloordiv__", "__ifloordiv__"), .mod: ("__mod__", "__rmod__", "__imod__"),
        .pow: ("__pow__", "__rpow__", "__ipow__"), .lshift: ("__lshift__", "__rlshift__", "__ilshift__"),
        .rshift: ("__rshift__", "__rrshift__", "__irshift__"), .bitAnd: ("__and__", "__rand__", "__iand__"),
        .bitOr: ("__or__", "__ror__", "__ior__"), .bitXor: ("__xor__", "__rxor__", "__ixor__"),
        .matMul: ("__matmul__", "__rmatmul__", "__imatmul__"),
    ]

    /// `a op b`, trying the builtin fast paths first, then `__op__`/`__rop__`.
    func binaryOp(_ op: BinaryOp, _ a: PyObject, _ b: PyObject) throws -> PyObject {
        if let r = try scalarBinary(op, a, b) { return r }
        if let x = a as? PyInt, let y = b as? PyInt, x.big == nil, y.big == nil, !(a is PyBool) || !(b is PyBool) || op != .bitAnd && op != .bitOr && op != .bitXor {
            if let r = try smallIntOp(op, x.small, y.small) { return r }
        }
        if let r = try builtinBinary(op, a, b) { return r }
        if op == .add || op == .sub, let x = a as? PyCounter, let y = b as? PyCounter {
            return try counterArithmetic(op, x, y)
        }
        let (name, rname, _) = Interpreter.binaryDunders[op]!
        let bSubclassOfA = b.pyClass !== a.pyClass && b.pyClass.isSubclass(of: a.pyClass)
        if bSubclassOfA, let m = specialMethod(b, rname), m is PyFunction {
            let r = try call(m, CallArgs([b, a]))
            if !(r is PyNotImplemented) { return r }
        }
        if let m = specialMethod(a, name), m is PyFunction {
            let r = try call(m, CallArgs([a, b]))
            if !(r is PyNotImplemented) { return r }
        }
        if !bSubclassOfA, a.pyClass !== b.pyClass, let m = specialMethod(b, rname), m is PyFunction {
            let r = try call(m, CallArgs([b, a]))
            if !(r is PyNotImplemented) { return r }
        }
        // Subclasses of builtin types (`class MyInt(int)`) that do not override the operator
        // use the builtin operation on their value, as the inherited `int.__mul__` would.
        let baseA = (a as? PyInstance)?.builtinValue ?? a, baseB = (b as? PyInstance)?.builtinValue ?? b
        if baseA !== a || baseB !== b, !(baseA is PyInstance), !(baseB is PyInstance),
           !(specialMethod(a, name) is PyFunction), !(specialMethod(b, rname) is PyFunction),
           let r = try builtinBinary(op, baseA, baseB) {
            return r
        }
        if op == .add, a is PyString {
            throw typeError("can only concatenate str (not \"\(typeName(b))\") to str")
        }
        if op == .add, a is PyList {
            throw typeError("can only concatenate list (not \"\(typeName(b))\") to list")
        }
        if op == .add, a is PyTuple {
            throw typeError("can only concatenate tuple (not \"\(typeName(b))\") to tuple")
        }
        if op == .mul, (a is PyString || a is PyList || a is PyTuple) && (b is PyString || b is PyList || b is PyTuple || b is PyFloat) || (b is PyString || b is PyList || b is PyTuple) && a is PyFloat {
            let seqType = (a is PyString || a is PyList || a is PyTuple) ? b : a
            throw typeError("can't multiply sequence by non-int of type '\(typeName(seqType))'")
        }
        let sym = op == .pow ? "** or pow()" : op.rawValue
        throw typeError(Messages.unsupportedOperands(sym, typeName(a), typeName(b)))
    }

    /// `a op= b`: in-place dunders and list extension first, then the plain operator.
    func inPlaceOp(_ op: BinaryOp, _ a: PyObject, _ b: PyObject) throws -> PyObject {
        // int, float and str have no in-place forms: `a op= b` is `a op b` for them.
        if let r = try scalarBinary(op, a, b) { return r }
        if let l = a as? PyList, !(a is PyInstance) {
            if op == .add {
                l.items += try iterateToArray(b)
                return l
            }
            if op == .mul, let n = b as? PyInt {
                let items = l.items
                l.items = []
                for _ in 0..<max(0, n.small) { l.items += items }
                return l
            }
        }
        if let ba = a as? PyByteArray, op == .add {
            // bytearray += bytes-like extends in place (aliases see the change).
            ba.value += try bytesLike(b)
            return ba
        }
        if let s = a as? PySet, !s.frozen, let o = b as? PySet {
            switch op {
            case .bitOr: for x in setItems(o) { try setAdd(s, x) }; return s
            case .bitAnd:
                let keep = try setItems(s).filter { try setContains(o, $0) }
                s.table.removeAll(); for x in keep { try setAdd(s, x) }; return s
            case .sub:
                for x in setItems(o) { try setRemove(s, x) }
                return s
            default: break
            }
        }
        if let d = a as? PyDict, op == .bitOr, let o = b as? PyDict {
            for k in dictKeys(o) { try dictSet(d, k, try dictGet(o, k)!) }
            return d
        }
        let (_, _, iname) = Interpreter.binaryDunders[op]!
        if let m = specialMethod(a, iname), m is PyFunction {
            let r = try call(m, CallArgs([a, b]))
            if !(r is PyNotImplemented) { return r }
        }
        return try binaryOp(op, a, b)
    }

    /// `a op b` for exact ints (machine words), floats, int/float mixes and str + str, decided
    /// by class identity; nil for every other case (bools, big ints, other types, or an operator
    /// these types leave to the general path, such as `int ** int`), which then goes the long way
    /// with the same results.
    @inline(__always)
    func scalarBinary(_ op: BinaryOp, _ a: PyObject, _ b: PyObject) throws -> PyObject? {
        let ca = a.exactClass, cb = b.exactClass
        let intClass = ObjectIdentifier(PyInt.self), floatClass = ObjectIdentifier(PyFloat.self)
        if ca == intClass {
            let x = unsafeDowncast(a, to: PyInt.self)
            guard x.big == nil else { return nil }
            if cb == intClass {
                let y = unsafeDowncast(b, to: PyInt.self)
                return y.big == nil ? try smallIntOp(op, x.small, y.small) : nil
            }
            if cb == floatClass { return try floatBinary(op, Double(x.small), unsafeDowncast(b, to: PyFloat.self).value) }
            return nil
        }
        if ca == floatClass {
            let x = unsafeDowncast(a, to: PyFloat.self).value
            if cb == floatClass { return try floatBinary(op, x, unsafeDowncast(b, to: PyFloat.self).value) }
            if cb == intClass {
                let y = unsafeDowncast(b, to: PyInt.self)
                return y.big == nil ? try floatBinary(op, x, Double(y.small)) : nil
            }
            return nil
        }
        if op == .add && ca == ObjectIdentifier(PyString.self) && cb == ObjectIdentifier(PyString.self) {
            return PyString(unsafeDowncast(a, to: PyString.self).value + unsafeDowncast(b, to: PyString.self).value)
        }
        return nil
    }

    @inline(__always)
    func smallIntOp(_ op: BinaryOp, _ x: Int, _ y: Int) throws -> PyObject? {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            return o ? PyInt.make(BigInt(x) + BigInt(y)) : PyInt.make(r)
        case .sub:
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? PyInt.make(BigInt(x) - BigInt(y)) : PyInt.make(r)
        case .mul:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? PyInt.make(BigInt(x) * BigInt(y)) : PyInt.make(r)
        case .floorDiv:
            if y == 0 { throw error(ExceptionTypes.zeroDivisionError, Messages.integerDivisionByZero) }
            if x == Int.min && y == -1 { return PyInt.make(-BigInt(x)) }
            var q = x / y
            if (x % y != 0) && ((x < 0) != (y < 0)) { q -= 1 }
            return PyInt.make(q)
        case .mod:
            if y == 0 { throw error(ExceptionTypes.zeroDivisionError, Messages.integerModuloByZero) }
            if y == -1 { return PyInt.make(0) }
            var r = x % y
            if r != 0 && ((r < 0) != (y < 0)) { r += y }
            return PyInt.make(r)
        case .div:
            if y == 0 { throw error(ExceptionTypes.zeroDivisionError, Messages.divisionByZero) }
            if abs(x) < (1 << 53) && abs(y) < (1 << 53) { return PyFloat(Double(x) / Double(y)) }
            return nil
        case .bitAnd: return PyInt.make(x & y)
        case .bitOr: return PyInt.make(x | y)
        case .bitXor: return PyInt.make(x ^ y)
        case .lshift:
            if y < 0 { throw valueError("negative shift count") }
            if y < 62 && abs(x) < (1 << (62 - y)) { return PyInt.make(x << y) }
            return nil
        case .rshift:
            if y < 0 { throw valueError("negative shift count") }
            return PyInt.make(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .pow: return nil
        case .matMul: return nil
        }
    }

    func asDouble(_ o: PyObject) throws -> Double? {
        if let f = o as? PyFloat { return f.value }
        if let i = o as? PyInt {
            if i.big == nil { return Double(i.small) }
            do { return try bigIntToDouble(i.bigValue) } catch { throw convert(error) }
        }
        return nil
    }

    func builtinBinary(_ op: BinaryOp, _ a: PyObject, _ b: PyObject) throws -> PyObject? {
        if let x = a as? PyInt, let y = b as? PyInt {
            if a is PyBool && b is PyBool, op == .bitAnd || op == .bitOr || op == .bitXor {
                let p = x.small != 0, q = y.small != 0
                return PyBool.of(op == .bitAnd ? p && q : op == .bitOr ? p || q : p != q)
            }
            return try bigIntOp(op, x.bigValue, y.bigValue)
        }
        if (a is PyFloat || a is PyInt) && (b is PyFloat || b is PyInt), !(a is PyInstance), !(b is PyInstance) {
            guard let x = try asDouble(a), let y = try asDouble(b) else { return nil }
            return try floatBinary(op, x, y)
        }
        if a is PyComplex || b is PyComplex { return try complexOp(op, a, b) }
        if let x = a as? PyString {
            if op == .add, let y = b as? PyString { return PyString(x.value + y.value) }
            if op == .mod { return PyString(try percentFormat(x.value, b)) }
        }
        if op == .add, let x = a as? PyList, let y = b as? PyList { return PyList(x.items + y.items) }
        if op == .add, let x = a as? PyTuple, let y = b as? PyTuple { return PyTuple(x.items + y.items) }
        if let x = a as? PyBytes {
            if op == .add, let y = b as? PyBytes { return x.sameKind(x.value + y.value) }
            if op == .mod { return PyBytes(Array(try percentFormat(String(decoding: x.value, as: UTF8.self), b).utf8)) }
        }
        if let x = a as? PySet, let y = b as? PySet { return try setOp(op, x, y) }
        if op == .bitOr, let x = a as? PyDict, let y = b as? PyDict {
            let d = PyDict()
            for k in dictKeys(x) { try dictSet(d, k, try dictGet(x, k)!) }
            for k in dictKeys(y) { try dictSet(d, k, try dictGet(y, k)!) }
            return d
        }
        if op == .mul {
            if let n = b as? PyInt, !(a is PyInstance) { return try repeatSequence(a, n) }
            if let n = a as? PyInt, !(b is PyInstance) { return try repeatSequence(b, n) }
        }
        return nil
    }

    func floatBinary(_ op: BinaryOp, _ x: Double, _ y: Double) throws -> PyObject? {
        do {
            switch op {
            case .add: return PyFloat(x + y)
            case .sub: return PyFloat(x - y)
            case .mul: return PyFloat(x * y)
            case .div: return PyFloat(try floatTrueDivide(x, y))
            case .floorDiv: return PyFloat(try floatFloorDivide(x, y))
            case .mod: return PyFloat(try floatModulo(x, y))
            case .pow:
                let r = try floatPow(x, y)
                if case .real(let v) = r { return PyFloat(v) }
                return complexPow(x, y)
            default: return nil
            }
        } catch {
            throw convert(error)
        }
    }

    func repeatSequence(_ seq: PyObject, _ n: PyInt) throws -> PyObject? {
        let count = n.big == nil ? max(0, n.small) : (n.bigValue.sign == .minus ? 0 : Int.max)
        func checkSize(_ unit: Int) throws {
            if unit > 0 && count > 0 && (count > 100_000_000 / max(unit, 1)) { throw error(ExceptionTypes.memoryError, "") }
        }
        switch seq {
        case let s as PyString:
            try checkSize(s.value.utf8.count)
            return PyString(String(repeating: s.value, count: count))
        case let l as PyList:
            try checkSize(l.items.count)
            var out: [PyObject] = []
            out.reserveCapacity(l.items.count * count)
            for _ in 0..<count { out += l.items }
            return PyList(out)
        case let t as PyTuple:
            try checkSize(t.items.count)
            var out: [PyObject] = []
            for _ in 0..<count { out += t.items }
            return PyTuple(out)
        case let b as PyBytes:
            try checkSize(b.value.count)
            var out: [UInt8] = []
            for _ in 0..<count { out += b.value }
            return b.sameKind(out)
        default: return nil
        }
    }

    func setOp(_ op: BinaryOp, _ x: PySet, _ y: PySet) throws -> PyObject? {
        let out = PySet(frozen: x.frozen)
        switch op {
        case .bitOr:
            for k in setInsertionItems(x) { try setAdd(out, k) }
            for k in setInsertionItems(y) { try setAdd(out, k) }
        case .bitAnd:
            for k in setInsertionItems(x) where try setContains(y, k) { try setAdd(out, k) }
        case .sub:
            for k in setInsertionItems(x) where !(try setContains(y, k)) { try setAdd(out, k) }
        case .bitXor:
            for k in setInsertionItems(x) where !(try setContains(y, k)) { try setAdd(out, k) }
            for k in setInsertionItems(y) where !(try setContains(x, k)) { try setAdd(out, k) }
        default: return nil
        }
        return out
    }

    func bigIntOp(_ op: BinaryOp, _ x: BigInt, _ y: BigInt) throws -> PyObject? {
        do {
            switch op {
            case .add: return PyInt.make(x + y)
            case .sub: return PyInt.make(x - y)
            case .mul:
                if x.bitWidth + y.bitWidth > 64_000_000 { throw error(ExceptionTypes.memoryError, "") }
                return PyInt.make(x * y)
            case .floorDiv:
                if y == 0 { throw error(ExceptionTypes.zeroDivisionError, Messages.integerDivisionByZero) }
                return PyInt.make(try bigIntFloorDivide(x, y))
            case .mod:
                if y == 0 { throw error(ExceptionTypes.zeroDivisionError, Messages.integerModuloByZero) }
                return PyInt.make(try bigIntModulo(x, y))
            case .div:
                if y == 0 { throw error(ExceptionTypes.zeroDivisionError, Messages.divisionByZero) }
                return PyFloat(try bigIntTrueDivide(x, y))
            case .pow:
                if y.sign == .minus {
                    if x == 0 { throw error(ExceptionTypes.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                    let xd = try bigIntToDouble(x), yd = try bigIntToDouble(y)
                    return PyFloat(Glibc.pow(xd, yd))
                }
                if x == 0 || x == 1 { return PyInt.make(y == 0 ? 1 : x) }
                if x == -1 { return PyInt.make(y % 2 == 0 ? 1 : -1) }
                guard let e = Int(exactly: y), e <= 100_000_000 / max(1, x.magnitude.bitWidth) else {
                    throw error(ExceptionTypes.memoryError, "")
                }
                return PyInt.make(x.power(e))
            case .lshift:
                if y.sign == .minus { throw valueError("negative shift count") }
                guard let s = Int(exactly: y), s < 64_000_000 else { throw error(ExceptionTypes.overflowError, "too many digits in integer") }
                return PyInt.make(x << s)
            case .rshift:
                if y.sign == .minus { throw valueError("negative shift count") }
                guard let s = Int(exactly: y) else { return PyInt.make(x.sign == .minus ? -1 : 0) }
                return PyInt.make(x >> s)
            case .bitAnd: return PyInt.make(x & y)
            case .bitOr: return PyInt.make(x | y)
            case .bitXor: return PyInt.make(x ^ y)
            case .matMul: return nil
            }
        } catch let e as SupportError { throw convert(e) }
    }

    func complexPow(_ x: Double, _ y: Double) -> PyObject {
        let r = Glibc.pow(abs(x), y)
        let theta = (x < 0 ? Double.pi : 0) * y
        return PyComplex(r * cos(theta), r * sin(theta))
    }

    func complexOp(_ op: BinaryOp, _ a: PyObject, _ b: PyObject) throws -> PyObject? {
        func parts(_ o: PyObject) throws -> (Double, Double)? {
            if let c = o as? PyComplex { return (c.real, c.imag) }
            if let d = try asDouble(o) { return (d, 0) }
            return nil
        }
        guard let (ar, ai) = try parts(a), let (br, bi) = try parts(b) else { return nil }
        switch op {
        case .add: return PyComplex(ar + br, ai + bi)
        case .sub: return PyComplex(ar - br, ai - bi)
        case .mul: return PyComplex(ar * br - ai * bi, ar * bi + ai * br)
        case .div:
            let d = br * br + bi * bi
            if d == 0 { throw error(ExceptionTypes.zeroDivisionError, "complex division by zero") }
            return PyComplex((ar * br + ai * bi) / d, (ai * br - ar * bi) / d)
        case .pow:
            if bi == 0, br == br.rounded(), abs(br) <= 100 {
                // Integer powers by repeated multiplication, as CPython's c_powi does.
                var rr = 1.0, ri = 0.0
                for _ in 0..<Int(abs(br)) { (rr, ri) = (rr * ar - ri * ai, rr * ai + ri * ar) }
                if br < 0 {
                    let d = rr * rr + ri * ri
                    if d == 0 { throw error(ExceptionTypes.zeroDivisionError, "0.0 to a negative or complex power") }
                    return PyComplex(rr / d, -ri / d)
                }
                return PyComplex(rr, ri)
            }
            if ar == 0 && ai == 0 { return PyComplex(0, 0) }
            let modulus = (ar * ar + ai * ai).squareRoot(), arg = atan2(ai, ar)
            let len = Glibc.pow(modulus, br) * exp(-bi * arg), phase = arg * br + bi * Glibc.log(modulus)
            return PyComplex(len * cos(phase), len * sin(phase))
        default: return nil
        }
    }

    func unaryOp(_ op: UnaryOp, _ v: PyObject) throws -> PyObject {
        if op == .negate, let i = v.exactInt, i.big == nil, i.small != Int.min { return PyInt.make(-i.small) }
        switch op {
        case .not: return PyBool.of(!(try truthy(v)))
        case .negate:
            if let i = v as? PyInt {
                if i.big == nil && i.small != Int.min { return PyInt.make(-i.small) }
                return PyInt.make(-i.bigValue)
            }
            if let f = v as? PyFloat { return PyFloat(-f.value) }
            if let c = v as? PyComplex { return PyComplex(-c.real, -c.imag) }
            if let r = try callSpecial(v, "__neg__") { return r }
        case .plus:
            if let i = v as? PyInt { return i is PyBool ? PyInt.make(i.small) : i }
            if v is PyFloat || v is PyComplex { return v }
            if let r = try callSpecial(v, "__pos__") { return r }
        case .invert:
            if let i = v as? PyInt { return PyInt.make(-(i.bigValue) - 1) }
            if let r = try callSpecial(v, "__invert__") { return r }
        }
        throw typeError("bad operand type for unary \(op.rawValue): '\(typeName(v))'")
    }
}
