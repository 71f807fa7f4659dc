// API:
//   func formatText(_ s: String, _ spec: FormatSpec, typeName: String = "str") throws(SupportError) -> String
//   func formatText(_ s: String, spec: String, typeName: String = "str") throws(SupportError) -> String
//   Type s or none; precision truncates (in code points); default alignment is left.

/// `format(s, spec)` for a str, as CPython's `format_string_internal`.
/// Widths and precision count Unicode scalars, like Python's `len`.
func formatText(_ s: String, _ spec: FormatSpec, typeName: String = "str") throws(SupportError) -> String {
    let type = spec.type ?? "s"
    _ = try spec.groupSize(effectiveType: type)
    guard type == "s" else { throw unknownFormatCode(type, typeName) }
    try checkResultLength(spec.width ?? 0)
    if spec.sign == " " { throw .valueError("Space not allowed in string format specifier") }
    if spec.sign != nil { throw .valueError("Sign not allowed in string format specifier") }
    if spec.noNegativeZero {
        throw .valueError("Negative zero coercion (z) not allowed in string format specifier")
    }
    if spec.alternate { throw .valueError("Alternate form (#) not allowed in string format specifier") }
    if spec.align == "=" { throw .valueError("'=' alignment not allowed in string format specifier") }
    var text = s
    if let p = spec.precision, s.unicodeScalars.count > p {
        text = String(String.UnicodeScalarView(s.unicodeScalars.prefix(p)))
    }
    return padText(text, width: spec.width, align: spec.align ?? "<", fill: spec.effectiveFill)
}

/// One-call form: parses `spec` and formats.
func formatText(_ s: String, spec: String, typeName: String = "str") throws(SupportError) -> String {
    try formatText(s, FormatSpec(parsing: spec, typeName: typeName), typeName: typeName)
}
