// The PythonEngine layer: a tree-walking interpreter for the subset of Python 3.11 that
// assignment code uses, written to print exactly what CPython prints.
//
// Where things are (in the order source flows through them):
//   Lexer/        Token, Lexer: INDENT/DEDENT with CPython's tab rules, brackets, strings, numbers.
//   Parser/       Recursive descent (Parser, +Expressions, +Strings for literals and f-strings,
//                 +Slots resolving function locals to slots, Expr+Yield's placement check).
//   AST/          Expr, Stmt, FunctionCode (final classes with a line/column on every node).
//   Interpreter/  Interpreter (state, limits, stack guard), Frame/Completion/ResumePoint,
//                 Environment, and one extension per concern: +Statements, +Expressions,
//                 +Calls, +Generators, +Attributes, +Arithmetic, +Comparison, +Containers,
//                 +Representation.
//   Objects/      The object model: PyObject subclasses, HashTable (dict/set storage),
//                 PyClass/PyInstance/PyExceptionObject, BuiltinTypes, ExceptionTypes.
//   Builtins/     Builtin functions, type constructors, methods of str/list/dict/set/...,
//                 str.format and % formatting.
//   Modules/      Native modules (math, sys, os, time, random, itertools, functools, operator,
//                 collections, string, typing) and the ModuleRegistry new modules plug into.
//   Errors/       PythonSyntaxError (SyntaxError/IndentationError/TabError reports).
//   API/          PythonRuntime (run a file or notebook cells), OutputSink, RunOutcome,
//                 embedding entry points for the multiprocessing layer.
//   Support/      Pure-Swift helpers with CPython's algorithms (float repr, format specs,
//                 printf formatting, Mersenne Twister, str methods), owned by another helper.
//
// Design decisions, briefly (details in the files named):
// - Values are a class hierarchy (one pointer each, cheap `as?` tests), ints keep a machine
//   word with a BigInt only when needed (Objects/PyObject.swift).
// - Python exceptions travel as the Swift error `PyError`; sandbox limits as `EngineLimitError`,
//   which `except` clauses cannot catch (Interpreter/Interpreter+Statements.swift).
// - Generators run on the interpreter's single thread by re-entering statements along a recorded
//   resume path (Interpreter/Interpreter+Generators.swift); `yield` must be a statement.
// - Recursion: CPython's limit of 1000 frames plus a guard on the real Swift stack, so no input
//   overflows it (Interpreter/Interpreter.swift).
