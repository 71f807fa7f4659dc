// float.hex() as CPython's float_hex prints it: `[-]0x1.<13 hex digits>p<sign><exponent>`,
// subnormals as `0x0.<digits>p-1022`, and `inf`/`-inf`/`nan`/`0x0.0p+0` spelled out.
//
//   func pythonFloatHex(_ x: Double) -> String

func pythonFloatHex(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let sign = x.sign == .minus ? "-" : ""
    if x == 0 { return sign + "0x0.0p+0" }
    let a = Swift.abs(x)
    var leading: Int
    var fraction: Double
    var exponent: Int
    if a.exponent >= -1022 {
        leading = 1
        fraction = a.significand - 1
        exponent = Int(a.exponent)
    } else {
        // Subnormal: CPython shifts so the exponent is the minimum and the lead digit is 0.
        leading = 0
        fraction = a * 0x1p1022
        exponent = -1022
    }
    let digits = "0123456789abcdef".map { $0 }
    var out = sign + "0x" + String(leading) + "."
    for _ in 0..<13 {
        fraction *= 16
        let d = Int(fraction)
        out.append(digits[d])
        fraction -= Double(d)
    }
    return out + "p" + (exponent < 0 ? "-" : "+") + String(Swift.abs(exponent))
}
