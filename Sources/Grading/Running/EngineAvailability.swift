import ProcessRuntime

/// Which engine pieces this build grades code with. The engine (PythonEngine) has not been
/// merged yet: code questions then end with a clear "could not run" error in their feedback,
/// never with a score as if the code had run, and `uses` checks say the code could not be
/// analysed. Once the engine lands, this returns `SandboxedRunner` with the engine's cell
/// session and the AST analyser.
public enum EngineAvailability {
    public static func runner(limits: SandboxLimits) -> any CodeRunner {
        UnavailableRunner(reason: "this build of the grader has no Python engine yet, so the code was not run")
    }

    public static var analyzer: (any CodeAnalyzer)? { nil }
}
