/// Agreement between two markers (the rubric and a human), as used to calibrate a rubric.
public enum AgreementStatistics {
    /// Spearman's rank correlation: Pearson correlation of the ranks, tied values sharing the
    /// average of the ranks they span (as scipy.stats.spearmanr does). Nil when there are fewer
    /// than two pairs or either side is constant (the correlation is undefined).
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        return pearson(averageRanks(x), averageRanks(y))
    }

    /// Ranks from 1, ties given their average rank.
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var covariance = 0.0, varianceX = 0.0, varianceY = 0.0
        for (a, b) in zip(x, y) {
            covariance += (a - meanX) * (b - meanY)
            varianceX += (a - meanX) * (a - meanX)
            varianceY += (b - meanY) * (b - meanY)
        }
        guard varianceX > 0, varianceY > 0 else { return nil }
        return covariance / (varianceX * varianceY).squareRoot()
    }

    /// Quadratic weighted kappa on a mark scale 0, step, 2·step, ..., maximum.
    ///
    /// Marks are first rounded to the nearest point of the scale (halves round up) and clamped
    /// to it, so a rubric score of 1.26 on a half-point question counts as 1.5. Kappa is
    /// 1 − Σ w·O / Σ w·E with w = (i − j)² / (k − 1)², O the observed table of mark pairs and E
    /// the table expected by chance from each marker's own mark distribution. Nil when the
    /// scale has one point or chance agreement is already perfect (Σ w·E = 0).
    public static func quadraticWeightedKappa(_ a: [Double], _ b: [Double], step: Double, maximum: Double) -> Double? {
        guard a.count == b.count, !a.isEmpty, step > 0, maximum > 0 else { return nil }
        let categories = Int((maximum / step).rounded()) + 1
        guard categories >= 2 else { return nil }
        func category(_ mark: Double) -> Int {
            Swift.min(Swift.max(Int((mark / step + 0.5).rounded(.down)), 0), categories - 1)
        }
        var observed = [[Double]](repeating: [Double](repeating: 0, count: categories), count: categories)
        for (x, y) in zip(a, b) { observed[category(x)][category(y)] += 1 }
        let total = Double(a.count)
        let rowTotals = observed.map { $0.reduce(0, +) }
        let columnTotals = (0..<categories).map { j in observed.reduce(0) { $0 + $1[j] } }
        var weightedObserved = 0.0, weightedExpected = 0.0
        let scale = Double((categories - 1) * (categories - 1))
        for i in 0..<categories {
            for j in 0..<categories {
                let weight = Double((i - j) * (i - j)) / scale
                weightedObserved += weight * observed[i][j]
                weightedExpected += weight * rowTotals[i] * columnTotals[j] / total
            }
        }
        guard weightedExpected > 0 else { return nil }
        return 1 - weightedObserved / weightedExpected
    }

    /// Rounds a mark to the scale the kappa uses.
    public static func roundToScale(_ mark: Double, step: Double) -> Double {
        (mark / step + 0.5).rounded(.down) * step
    }
}
