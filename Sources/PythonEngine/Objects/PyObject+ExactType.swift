/// Exact-class tests for the hot paths of arithmetic, comparison, hashing and truth testing.
///
/// `x as? PyInt` is a call into the Swift runtime (`swift_dynamicCastClass`) that walks the
/// class chain; on the CPU loops those casts were up to 15% of all instructions, because the
/// evaluator tries several of them per operation. Comparing the object's class pointer with one
/// known class is a load and a compare. These helpers answer "is this exactly a builtin `int`
/// (`str`, `float`...)", never "an instance of a subclass", so a fast path taken on them cannot
/// skip a user override: user subclasses of builtins are `PyInstance`s, and the Swift
/// subclasses (`PyBool`, `PyCounter`, `PyNamedTuple`...) simply miss and take the general path.
extension PyObject {
    /// The object's dynamic Swift class, as an identity (no runtime call on Linux).
    @inline(__always)
    var exactClass: ObjectIdentifier { ObjectIdentifier(type(of: self)) }

    /// `self` as a `PyInt` when it is exactly an `int` (not a `bool`).
    @inline(__always)
    var exactInt: PyInt? {
        exactClass == ObjectIdentifier(PyInt.self) ? unsafeDowncast(self, to: PyInt.self) : nil
    }

    /// `self` as a `PyInt` when it is an `int` or a `bool` (both compare and hash as integers).
    @inline(__always)
    var intOrBool: PyInt? {
        let c = exactClass
        return c == ObjectIdentifier(PyInt.self) || c == ObjectIdentifier(PyBool.self) ? unsafeDowncast(self, to: PyInt.self) : nil
    }

    /// `self` as a `PyString` (the class is final: any `PyString` is exactly a `str`).
    @inline(__always)
    var exactString: PyString? {
        exactClass == ObjectIdentifier(PyString.self) ? unsafeDowncast(self, to: PyString.self) : nil
    }

    @inline(__always)
    var exactFloat: PyFloat? {
        exactClass == ObjectIdentifier(PyFloat.self) ? unsafeDowncast(self, to: PyFloat.self) : nil
    }

    @inline(__always)
    var exactList: PyList? {
        exactClass == ObjectIdentifier(PyList.self) ? unsafeDowncast(self, to: PyList.self) : nil
    }

    @inline(__always)
    var exactTuple: PyTuple? {
        exactClass == ObjectIdentifier(PyTuple.self) ? unsafeDowncast(self, to: PyTuple.self) : nil
    }

    @inline(__always)
    var exactDict: PyDict? {
        exactClass == ObjectIdentifier(PyDict.self) ? unsafeDowncast(self, to: PyDict.self) : nil
    }
}
