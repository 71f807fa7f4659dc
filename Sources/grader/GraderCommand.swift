import ArgumentParser

/// The `grader` executable: argument parsing and exit codes only; every subcommand calls into
/// the libraries, which hold all the behaviour.
@main
struct GraderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grader",
        abstract: "Grade notebook-style answer sheets on Python multiprocessing.",
        subcommands: [
            // Subcommands, one file each (ParseCommand.swift, RunCommand.swift, ...).
            ParseCommand.self,
            RunCommand.self,
            CheckRubricCommand.self,
            CalibrateCommand.self,
            GradeCommand.self,
            MergeCommand.self,
            GradeWorkerCommand.self,
        ]
    )
}
