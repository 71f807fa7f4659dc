// API:
//   func formatFloat(_ v: Double, _ spec: FormatSpec, typeName: String = "float") throws(SupportError) -> String
//   func formatFloat(_ v: Double, spec: String, typeName: String = "float") throws(SupportError) -> String
//   Types: e E f F g G n % and none (repr without precision; with precision like g but keeping
//   a ".0"); an empty spec gives repr(v).

/// `format(v, spec)` for a float, as CPython's `format_float_internal`.
func formatFloat(_ v: Double, _ spec: FormatSpec, typeName: String = "float") throws(SupportError) -> String {
    let groupSize = try spec.groupSize(effectiveType: spec.type ?? "\0")
    try checkResultLength(spec.width ?? 0)
    var flags: DoubleToStringFlags = []
    var code: Character
    var defaultPrecision = 6
    switch spec.type {
    case nil:
        // No type: repr when no precision, else 'g' that keeps a ".0" on integral results.
        flags.insert(.addDotZero)
        code = "r"
        defaultPrecision = 0
    case "n":
        code = "g"
    case "e", "E", "f", "F", "g", "G", "%":
        code = spec.type ?? "g"
    case let other?:
        throw unknownFormatCode(other, typeName)
    }
    if spec.alternate { flags.insert(.alternate) }
    if spec.noNegativeZero { flags.insert(.noNegativeZero) }
    var value = v
    var percent = false
    if code == "%" {
        code = "f"
        value *= 100   // in binary floating point, as CPython does
        percent = true
    }
    var precision = defaultPrecision
    if let p = spec.precision {
        precision = p
        if code == "r" { code = "g" }
    }
    if precision > Int(Int32.max) { throw .valueError("precision too big") }
    try checkResultLength(precision)
    var text = pythonDoubleToString(value, code: code, precision: precision, flags: flags)
    if percent { text += "%" }

    // Split "-1234.5e+07" into sign, integer digits, decimal point, remainder.
    var scalars = Substring(text).unicodeScalars[...]
    var negative = false
    if scalars.first == "-" { negative = true; scalars = scalars.dropFirst() }
    let digitEnd = scalars.firstIndex(where: { $0.value < 48 || $0.value > 57 }) ?? scalars.endIndex
    let digits = String(String.UnicodeScalarView(scalars[..<digitEnd]))
    var rest = scalars[digitEnd...]
    var hasPoint = false
    if rest.first == "." { hasPoint = true; rest = rest.dropFirst() }
    let layout = NumberLayout(isNegative: negative, prefix: "", digits: digits, hasDecimalPoint: hasPoint,
                              remainder: String(String.UnicodeScalarView(rest)))
    return layout.render(spec, groupSize: spec.type == "n" ? nil : groupSize)
}

/// One-call form: parses `spec` and formats. An empty spec is `repr(v)`.
func formatFloat(_ v: Double, spec: String, typeName: String = "float") throws(SupportError) -> String {
    try formatFloat(v, FormatSpec(parsing: spec, typeName: typeName), typeName: typeName)
}
