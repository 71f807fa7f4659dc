/// A score as it appears in every report: rounded to two decimals, so that summing quarter
/// points (0.1 + 0.2 style noise) never shows as `7.500000001`, and `-0` never appears.
///
/// JSON encodes integral values as integers (`10`, not `10.0`) and others in their shortest
/// form (`7.5`, `0.25`), which keeps `results.json` stable byte for byte across runs.
struct ScoreValue: Encodable, Sendable {
    /// Two scores closer than this are the same score (half a hundredth of a point).
    static let tolerance = 0.005

    let value: Double

    init(_ value: Double) {
        self.value = ScoreValue.round(value)
    }

    /// Rounds to two decimals; `+ 0.0` turns a negative zero into a positive one.
    static func round(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        return (value * 100).rounded() / 100 + 0.0
    }

    /// The text form used by every text report: `7.5`, `10`, `0.25`.
    static func text(_ value: Double) -> String {
        let rounded = round(value)
        guard rounded.isFinite else { return rounded.isNaN ? "NaN" : (rounded > 0 ? "inf" : "-inf") }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        return String(rounded)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value,
                .init(codingPath: encoder.codingPath, debugDescription: "A score must be a finite number, got \(value)")
            )
        }
        if value == value.rounded(), abs(value) < 1e15 {
            try c.encode(Int64(value))
        } else {
            try c.encode(value)
        }
    }
}

/// Public face of the score formatting, for the CLI and the pipeline to print scores the way
/// the reports do.
public enum ScoreFormat {
    /// `7.5`, `10`, `0.25`: two decimals at most, no trailing zeros.
    public static func text(_ value: Double) -> String { ScoreValue.text(value) }

    /// `7.5/10`.
    public static func fraction(_ score: Double, of max: Double) -> String {
        "\(text(score))/\(text(max))"
    }

    /// `75%` or `62.5%`.
    public static func percent(_ score: Double, of max: Double) -> String {
        guard max > 0 else { return "–" }
        return "\(text(score / max * 100))%"
    }
}
