/// What a run ended with: the process exit status and, if the program died of an exception,
/// which one and where.
public struct RunOutcome: Sendable, Equatable {
    public struct UncaughtException: Sendable, Equatable {
        public let typeName: String
        public let message: String
        public let line: Int
    }
    public let exitStatus: Int32
    public let uncaughtException: UncaughtException?
    /// Set when a sandbox limit (steps, time, output) stopped the program.
    public let limitExceeded: String?
}

/// The public face of the engine: run a file like `python3 FILE.py`, or notebook cells in turn
/// sharing one global namespace.
public final class PythonRuntime {
    public let interpreter: Interpreter

    public init(stdout: OutputSink = OutputSink(.fileDescriptor(1)), stderr: OutputSink = OutputSink(.fileDescriptor(2)),
                limits: ExecutionLimits = ExecutionLimits(), registry: ModuleRegistry = .standard) {
        interpreter = Interpreter(stdout: stdout, stderr: stderr, limits: limits, registry: registry)
    }

    /// Wraps an interpreter built earlier and never run (`PreparedEngine.makeRuntime`).
    init(interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    /// Parses without running (the code checks inspect the AST).
    public static func parse(source: String, fileName: String = "<string>") throws(PythonSyntaxError) -> Module {
        try Parser.parse(source, fileName: fileName)
    }

    /// Runs a whole program as `python3 fileName arguments...` would. `fileName` appears in
    /// tracebacks (CPython shows the absolute path); `scriptArgument` is `sys.argv[0]` (the path
    /// as typed), defaulting to `fileName`. `moduleName` is `__name__` (`__mp_main__` when a
    /// spawned child re-runs the module).
    public func run(source: String, fileName: String, arguments: [String] = [], scriptArgument: String? = nil,
                    moduleName: String = "__main__") -> RunOutcome {
        interpreter.argv = [scriptArgument ?? fileName] + arguments
        interpreter.mainGlobals.values["__name__"] = PyString(moduleName)
        var outcome = interpreter.runModule(source: source, fileName: fileName)
        if outcome.exitStatus == 0 && outcome.uncaughtException == nil {
            outcome = interpreter.finalizeGlobals(fileName: fileName) ?? outcome
        }
        // Like CPython's atexit hook in multiprocessing: join children, stop pools.
        interpreter.multiprocessingAtExit()
        interpreter.flush()
        return outcome
    }

    private var cellCount = 0

    /// Runs one notebook cell; globals persist between cells, as in Jupyter. Each cell gets its
    /// own name (`<cell N>` by default) so tracebacks through functions defined in earlier
    /// cells still show the right source lines.
    /// With `echoLastExpression`, a final bare expression's value is printed as Jupyter's
    /// `Out[n]` would show it (`repr`, nothing for None).
    public func runCell(_ source: String, cellName: String? = nil, echoLastExpression: Bool = false) -> RunOutcome {
        cellCount += 1
        interpreter.restartClock()
        let outcome = interpreter.runModule(source: source, fileName: cellName ?? "<cell \(cellCount)>",
                                            echoLastExpression: echoLastExpression)
        interpreter.flush()
        return outcome
    }

    /// Flushes buffered output (the multiprocessing layer calls this before `fork`).
    public func flush() { interpreter.flush() }
}

extension Interpreter {
    func runModule(source: String, fileName: String, echoLastExpression: Bool = false) -> RunOutcome {
        sources[fileName] = source.split(separator: "\n", omittingEmptySubsequences: false)
        let module: Module
        do {
            module = try Parser.parse(source, fileName: fileName)
        } catch {
            reportSyntaxError(error, fileName: fileName)
            return RunOutcome(exitStatus: 1, uncaughtException: .init(typeName: error.typeName, message: error.message, line: error.line), limitExceeded: nil)
        }
        for w in module.warnings {
            var text = "\(fileName):\(w.line): \(w.category): \(w.message)\n"
            if let src = sourceLine(fileName, w.line) { text += "  \(src)\n" }
            try? stderr.write(text)
        }
        mainGlobals.values["__file__"] = PyString(fileName)
        mainGlobals.values["__builtins__"] = builtinsModule()
        let frame = Frame(name: "<module>", fileName: fileName, line: 1, env: mainGlobals, globals: mainGlobals, scope: nil)
        do {
            if echoLastExpression, let last = module.body.last, case .expr(let e) = last.kind {
                // Jupyter shows the value of a cell's final expression (its repr, unless None).
                _ = try execBlock(Array(module.body.dropLast()), frame)
                frame.line = last.line
                try tick()
                let value = try eval(e, frame)
                if !(value is PyNone) { try stdout.write(try repr(value) + "\n") }
            } else {
                _ = try execBlock(module.body, frame)
            }
            return RunOutcome(exitStatus: 0, uncaughtException: nil, limitExceeded: nil)
        } catch let e as PyError {
            e.exception.addTraceback(frame)
            return handleUncaught(e.exception)
        } catch let e as EngineLimitError {
            try? stdout.write("")
            stdout.byteLimit = nil
            stderr.byteLimit = nil
            try? stderr.write("grader: execution stopped: \(e.message)\n")
            return RunOutcome(exitStatus: 1, uncaughtException: nil, limitExceeded: e.message)
        } catch {
            try? stderr.write("grader: internal error: \(error)\n")
            return RunOutcome(exitStatus: 1, uncaughtException: nil, limitExceeded: nil)
        }
    }

    /// At exit CPython finalizes what module globals still hold; suspended generators run their
    /// `finally` blocks then. Returns an outcome only if that cleanup itself fails.
    func finalizeGlobals(fileName: String) -> RunOutcome? {
        let names = mainGlobals.values.keys.sorted()
        for name in names {
            guard var value = mainGlobals.values[name], value is PyGenerator else { continue }
            mainGlobals.values[name] = nil
            do {
                try closeAbandonedGenerator(&value)
            } catch {
                continue
            }
        }
        return nil
    }

    func handleUncaught(_ exc: PyExceptionObject) -> RunOutcome {
        if exc.cls.isSubclass(of: ExceptionTypes.systemExit) {
            let code = exc.args.first ?? PyNone.shared
            var status: Int32 = 0
            if code is PyNone {
                status = 0
            } else if let i = code as? PyInt {
                status = Int32(truncatingIfNeeded: i.small)
            } else {
                try? stderr.write(((try? str(code)) ?? "") + "\n")
                status = 1
            }
            return RunOutcome(exitStatus: status, uncaughtException: nil, limitExceeded: nil)
        }
        let text = formatTraceback(exc)
        stdout.flush()
        try? stderr.write(text)
        let message = (try? str(exc)) ?? ""
        return RunOutcome(exitStatus: 1, uncaughtException: .init(typeName: exc.cls.name, message: message, line: exc.traceback.first?.line ?? 0), limitExceeded: nil)
    }

    func sourceLine(_ file: String, _ line: Int) -> String? {
        guard let lines = sources[file], line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1].drop { $0 == " " || $0 == "\t" }
        return text.isEmpty ? nil : String(text)
    }

    /// CPython's traceback text, including chained causes and contexts.
    func formatTraceback(_ exc: PyExceptionObject, seen: Set<ObjectIdentifier> = []) -> String {
        var out = ""
        var seen = seen
        seen.insert(ObjectIdentifier(exc))
        if let cause = exc.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += formatTraceback(cause, seen: seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let ctx = exc.context, !exc.suppressContext, !seen.contains(ObjectIdentifier(ctx)) {
            out += formatTraceback(ctx, seen: seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !exc.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            // Like CPython, a run of identical frames (deep recursion) prints three times and
            // then "[Previous line repeated N more times]".
            var previous: (String, Int, String)?
            var repeats = 0
            func flushRepeats() {
                if repeats > 3 {
                    let n = repeats - 3
                    out += "  [Previous line repeated \(n) more time\(n == 1 ? "" : "s")]\n"
                }
            }
            for entry in exc.traceback.reversed() {
                let key = (entry.fileName, entry.line, entry.name)
                if let p = previous, p == key {
                    repeats += 1
                    if repeats > 3 { continue }
                } else {
                    flushRepeats()
                    repeats = 1
                    previous = key
                }
                out += "  File \"\(entry.fileName)\", line \(entry.line), in \(entry.name)\n"
                if let src = sourceLine(entry.fileName, entry.line) {
                    out += "    \(src)\n"
                    if let caret = entry.caret, let full = sources[entry.fileName]?[entry.line - 1],
                       let marks = caret.render(sourceLine: String(full)) {
                        out += marks + "\n"
                    }
                }
            }
            flushRepeats()
        }
        out += exceptionLine(exc) + "\n"
        return out
    }

    func exceptionLine(_ exc: PyExceptionObject) -> String {
        let name = exc.cls.moduleName == "builtins" || exc.cls.moduleName == "__main__" ? exc.cls.qualifiedName : "\(exc.cls.moduleName).\(exc.cls.qualifiedName)"
        let message = ((try? str(exc)) ?? "<exception str() failed>") + suggestionSuffix(exc)
        return message.isEmpty ? name : "\(name): \(message)"
    }

    func reportSyntaxError(_ e: PythonSyntaxError, fileName: String) {
        var out = "  File \"\(fileName)\", line \(e.line)\n"
        if let lines = sources[fileName], e.line >= 1, e.line <= lines.count {
            let raw = lines[e.line - 1]
            let stripped = raw.drop { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
            if !stripped.isEmpty {
                let indent = raw.count - stripped.count
                let shown = stripped.trimmingTrailingWhitespace
                out += "    \(shown)\n"
                // As CPython's print_error_text: no caret when it would fall left of the text,
                // none past its end, and `^` over the whole offending range when known.
                let offset = min(e.column - 1 - indent, shown.count)
                if offset >= 0 {
                    let carets = e.endColumn > e.column ? e.endColumn - e.column : 1
                    out += "    " + String(repeating: " ", count: offset) + String(repeating: "^", count: carets) + "\n"
                }
            }
        }
        out += "\(e.typeName): \(e.message)\n"
        try? stderr.write(out)
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
