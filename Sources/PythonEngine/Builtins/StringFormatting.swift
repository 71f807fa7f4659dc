extension Interpreter {
    /// `str.format`: template parsing and numbering rules from the Support port of CPython's
    /// formatter; value access (attributes, items, conversions, `format`) from the engine.
    func strFormat(_ template: String, _ args: CallArgs, mapping: PyObject? = nil) throws -> String {
        let access = StrFormatAccess<PyObject>(
            positionalCount: mapping == nil ? args.positional.count : nil,
            positional: { args.positional[$0] },
            keyword: { name in
                if let m = mapping { return try self.getItem(m, PyString(name)) }
                guard let v = args.keyword(name) else { throw self.keyError(PyString(name)) }
                return v
            },
            attribute: { try self.getAttribute($0, $1) },
            index: { try self.getItem($0, PyInt.make($1)) },
            key: { try self.getItem($0, PyString($1)) },
            convert: { v, c in
                switch c {
                case "r": return PyString(try self.repr(v))
                case "a": return PyString(try self.ascii(v))
                default: return PyString(try self.str(v))
                }
            },
            format: { try self.format($0, $1) })
        do {
            return try pythonStrFormat(template, access)
        } catch let e as SupportError {
            throw convert(e)
        }
    }

    /// printf-style `%` formatting, through the Support formatter (CPython's PyUnicode_Format).
    /// CPython's PyMapping_Check as `%` applies it: any subscriptable object other than a tuple
    /// or str serves `%(key)s` (so `'%s' % [1]` prints `[1]`, and `'%(a)s' % [1]` fails with
    /// list's own TypeError).
    func supportsSubscript(_ o: PyObject) -> Bool {
        switch o {
        case is PyString, is PyTuple: return false
        case is PyDict, is PyList, is PyRange, is PyBytes: return true
        default:
            if let base = (o as? PyInstance)?.builtinValue, supportsSubscript(base) { return true }
            return specialMethod(o, "__getitem__") != nil
        }
    }

    func percentFormat(_ template: String, _ argsObj: PyObject) throws -> String {
        let args: PercentArguments<PyObject>
        if let t = argsObj as? PyTuple {
            args = .tuple(t.items)
        } else if supportsSubscript(argsObj) {
            args = .mapping(argsObj, lookup: { key in try self.getItem(argsObj, PyString(key)) })
        } else {
            args = .single(argsObj)
        }
        let access = PercentValueAccess<PyObject>(
            typeName: { self.typeName($0) },
            number: { v in
                switch v {
                case let i as PyInt: return .int(i.bigValue)
                case let f as PyFloat: return .float(f.value)
                default:
                    if let r = try self.callSpecial(v, "__index__") ?? self.callSpecial(v, "__int__"), let i = r as? PyInt { return .int(i.bigValue) }
                    if let r = try self.callSpecial(v, "__float__"), let f = r as? PyFloat { return .float(f.value) }
                    return nil
                }
            },
            text: { ($0 as? PyString)?.value },
            str: { try self.str($0) },
            repr: { try self.repr($0) },
            ascii: { try self.ascii($0) })
        do {
            return try pythonPercentFormat(template, args, access)
        } catch let e as SupportError {
            throw convert(e)
        }
    }

}
