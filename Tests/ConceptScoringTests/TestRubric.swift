import Foundation
import Rubrics
@testable import ConceptScoring

/// A small rubric exercising every matching feature; tests score answers against it.
let testRubricYAML = """
assignment: demo
synonyms:
  - [cpu, processor, core]
  - [separate, independent]
questions:
  - id: P
    kind: prose
    points: 3
    min_words: 4
    concepts:
      - id: own-memory
        points: 1
        required: true
        phrases:
          - own|separate memory
        feedback: Say that each process has its own memory.
      - id: multithreading
        points: 1
        phrases: [multithreading]
        feedback: Mention multithreading.
      - id: process-word
        points: 1
        phrases: [process]
        feedback: Mention processes.
      - id: gil
        points: 1
        phrases: [global interpreter lock, gil]
        feedback: Mention the GIL.
      - id: pool-reuse
        points: 0.5
        phrases:
          - text: pool reuses workers
            window: 5
        feedback: Say the pool reuses its workers.
      - id: memory-isolated
        points: 0.5
        phrases:
          - text: memory isolated
            any_order: true
            window: 3
        feedback: Say memory is isolated.
      - id: cores
        points: 0.5
        phrases: [multiple cpu]
        feedback: Mention multiple CPUs.
      - id: no-shared-state
        points: 0.5
        phrases: [no shared state]
        feedback: Say there is no shared state.
    misconceptions:
      - id: threads-separate-memory
        points: -1
        phrases:
          - text: threads separate memory
            window: 5
        unless: [whereas]
        feedback: Threads share memory.
  - id: R
    kind: prose
    points: 2
    concepts:
      - id: thread
        points: 1
        phrases: [thread]
        feedback: Mention threads.
      - id: processor
        points: 1
        phrases: [processor, process]
        feedback: Mention the processor.
  - id: C
    kind: code
    points: 1
"""

func testScorer() throws -> ConceptScorer {
    ConceptScorer(rubric: try RubricParser.parse(yaml: testRubricYAML, file: "test.yaml"))
}

extension ProseScore {
    func earnedIDs() -> [String] { earned.map(\.id) }
    func result(_ id: String) -> ConceptResult? { (earned + missing + misconceptions).first { $0.id == id } }
}
