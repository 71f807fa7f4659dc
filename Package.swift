// swift-tools-version: 6.1
// The grader: one library target per layer (see README "Architecture"), a thin CLI on top.
import PackageDescription

let package = Package(
    name: "NotebookGrader",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "grader", targets: ["grader"]),
        .executable(name: "grader-bench", targets: ["grader-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // Layer 0: OS processes, pipes, shared memory, sandbox limits. Knows nothing of Python.
        .target(name: "ProcessRuntime"),
        // Layer 1: the Python-subset engine (lexer, parser, interpreter, builtins, modules).
        .target(
            name: "PythonEngine",
            dependencies: ["ProcessRuntime", .product(name: "BigInt", package: "BigInt")]
        ),
        // Layer 2: reading sheets, the rubric model, prose scoring.
        .target(name: "AnswerSheets"),
        .target(name: "Rubrics", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "ConceptScoring", dependencies: ["Rubrics"]),
        // Layer 3: report writers over the result model (the JSON contract lives here).
        .target(name: "Reports", dependencies: ["AnswerSheets", "Rubrics", "ConceptScoring"]),
        // Layer 4: the batch pipeline, code checks, caching, sharding.
        .target(
            name: "Grading",
            dependencies: ["AnswerSheets", "Rubrics", "ConceptScoring", "Reports", "PythonEngine", "ProcessRuntime"]
        ),
        // The thin executable.
        .executableTarget(
            name: "grader",
            dependencies: [
                "Grading", "AnswerSheets", "Rubrics", "ConceptScoring", "Reports", "PythonEngine", "ProcessRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks against CPython (BENCHMARKS.md). Single-threaded: it forks sandboxes in-process.
        .executableTarget(name: "grader-bench", dependencies: ["PythonEngine", "ProcessRuntime", "AnswerSheets", "ConceptScoring"]),

        // A single-threaded helper the ProcessRuntime tests spawn: the test runner is threaded and
        // must never fork, so everything that forks runs in this probe.
        .executableTarget(name: "ProcessRuntimeProbe", dependencies: ["ProcessRuntime"]),
        .testTarget(name: "ProcessRuntimeTests", dependencies: ["ProcessRuntime", "ProcessRuntimeProbe"]),
        .testTarget(
            name: "PythonEngineTests",
            dependencies: ["PythonEngine"],
            exclude: ["Differential/record.py"],
            resources: [.copy("Corpus")]
        ),
        .testTarget(name: "AnswerSheetsTests", dependencies: ["AnswerSheets"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RubricsTests", dependencies: ["Rubrics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ConceptScoringTests", dependencies: ["ConceptScoring", "Rubrics"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading"]),
    ],
    swiftLanguageModes: [.v6]
)
