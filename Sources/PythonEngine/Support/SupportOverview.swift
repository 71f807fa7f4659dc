// The Support layer of the engine: CPython 3.11 semantics as plain Swift functions.
//
// Nothing here knows the engine's object model. Inputs and outputs are String, Double, Int,
// BigInt, arrays, and `SupportError` (a Python exception class name plus CPython's exact
// message); where a utility must look at engine values (`%` formatting, `str.format`) it takes
// closures, so the engine decides what str()/repr()/getattr mean. Every file starts with an
// `API:` comment listing its signatures.
//
// Where things are:
//   SupportError.swift        the error type; SupportLimits (MemoryError instead of runaway sizes)
//   FloatDigits.swift         exact decimal digits of a Double (shortest, N significant, N places)
//   FloatRepr.swift           repr(float) and PyOS_double_to_string (e/f/g/r layouts)
//   FormatSpec*.swift         format(x, spec): the mini-language for int, float, str
//   PercentFormat.swift       printf-style `format % args`
//   StrFormatTemplate.swift   str.format / format_map templates
//   NumberParsing.swift       int(str, base), float(str), str(int) with the 4300-digit limit
//   FloatMath.swift           round(), float // % divmod **, int / // %, int -> float
//   IntegerMath.swift         divmod(int, int), pow(base, exp, mod) with modular inverses
//   MathFunctions.swift       math.fsum/comb/perm/factorial/gcd/lcm/isqrt/log
//   MersenneTwister.swift, PythonRandom.swift, SHA512.swift   the random module, draw for draw
//   StringMethods*.swift      str methods over code points (PyStr namespace)
//   StringRepr.swift          repr/ascii of str and bytes; whitespace and line-break classes
//   Codecs.swift              str.encode / bytes.decode (utf-8, ascii, latin-1) with CPython errors
//   PrintableTable.swift, Python311Unicode.swift, PythonCaseTables.swift
//                             CPython 3.11's Unicode 14 data where Swift's newer tables differ
//
// Tests live in Tests/PythonEngineTests/Support; their expected values were printed by python3
// (the generating scripts are kept in comments next to the data).
