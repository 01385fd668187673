import Foundation
import HoopcastCore

/// Pure: aggregates graded predictions into an ``EvaluationReport``.
public enum Evaluation {
    /// Edge bucket bounds (edges lie in [−1, 1]).
    public static let edgeBounds: [Double] = [-1, 0, 0.02, 0.04, 0.06, 0.10, 1]

    /// The report for rows of [from, to], per (system, market), in that order, with the line as the reference row
    /// of each market; intervals from `bootstrap` (resampling dates).
    public static func report(
        from: GameDate, to: GameDate, rows: [EvaluatedPrediction], bootstrap: Bootstrap = Bootstrap(),
        staking: Staking = .standard
    ) -> EvaluationReport {
        var groups: [String: [EvaluatedPrediction]] = [:]
        for row in rows { groups["\(row.system)\u{1F}\(row.market.rawValue)", default: []].append(row) }
        let results = groups.keys.sorted().map { result(groups[$0]!, bootstrap: bootstrap) }
        return EvaluationReport(
            from: from.description, to: to.description,
            intervals: EvaluationReport.IntervalMethod(
                resamples: bootstrap.resamples, seed: bootstrap.seed, level: bootstrap.level,
                minimumDates: bootstrap.minimumDates),
            lineReference: lineReference(rows), results: results,
            staking: EvaluationReport.StakingPlan(
                kellyFraction: staking.fraction, evidence: staking.evidence, betCap: staking.betCap,
                slateCap: staking.slateCap, startingBankroll: staking.startingBankroll),
            bankrolls: Dictionary(grouping: rows, by: \.system).sorted { $0.key < $1.key }.map {
                EvaluationReport.SystemBankroll(
                    system: $0.key, bankroll: staking.path($0.value.compactMap(Staking.bet)))
            })
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func result(_ rows: [EvaluatedPrediction], bootstrap: Bootstrap) -> EvaluationReport.SystemResult {
        let played = rows.filter { $0.actual != nil }
        let lined = played.filter { $0.line != nil }
        let bets = played.filter {
            ($0.recommendation == .over || $0.recommendation == .under) && $0.profitUnits != nil
        }
        let wins = bets.filter { ($0.profitUnits ?? 0) > 0 }.count
        let pushes = bets.filter { $0.actual == $0.line }.count
        let losses = bets.count - wins - pushes
        let modelMaeLined = mean(lined.map { abs($0.predictedValue - $0.actual!) })
        let lineMae = mean(lined.map { abs($0.line! - $0.actual!) })
        return EvaluationReport.SystemResult(
            system: rows[0].system, market: rows[0].market.rawValue, predictions: played.count,
            mae: mean(played.map { abs($0.predictedValue - $0.actual!) }), linedPredictions: lined.count,
            modelMaeLined: modelMaeLined, lineMae: lineMae,
            bets: bets.count, wins: wins, losses: losses, pushes: pushes,
            hitRate: wins + losses > 0 ? Double(wins) / Double(wins + losses) : nil,
            roi: bets.isEmpty ? nil : bets.compactMap(\.profitUnits).reduce(0, +) / Double(bets.count),
            byEdge: edgeBuckets(lined), calibration: calibration(lined, \.overProbability),
            rawCalibration: calibration(lined, \.rawOverProbability),
            maeDifference: modelMaeLined.flatMap { model in lineMae.map { model - $0 } },
            maeDifferenceInterval: interval(lined, date: \.gameDate, bootstrap: bootstrap) {
                abs($0.predictedValue - $0.actual!) - abs($0.line! - $0.actual!)
            },
            scores: scores(lined, bootstrap: bootstrap),
            hitRateInterval: Wilson.interval(successes: wins, trials: wins + losses),
            roiInterval: interval(bets, date: \.gameDate, bootstrap: bootstrap) { $0.profitUnits ?? 0 },
            clv: closingLineValue(bets.map { ($0, $0.recommendation) }, bootstrap: bootstrap),
            betterSideClv: closingLineValue(
                lined.compactMap { row in row.overProbability.map { (row, $0 >= 0.5 ? .over : .under) } },
                bootstrap: bootstrap),
            byLineAndMinutes: segments(lined))
    }

    /// The better side of a calibrated lined prediction, graded as if bet: (won, pushed, profit).
    static func hypotheticalBet(_ row: EvaluatedPrediction) -> (won: Bool, pushed: Bool, profit: Double)? {
        guard let over = row.overProbability, let actual = row.actual, let line = row.line else { return nil }
        let grade = Grader.grade(
            GradeInput(
                recommendation: over >= 0.5 ? .over : .under, predictedValue: row.predictedValue,
                line: line, overOdds: row.overOdds, underOdds: row.underOdds, actual: actual))
        return (grade.outcome == .win, grade.outcome == .push, grade.profitUnits ?? 0)
    }

    static func edgeBuckets(_ rows: [EvaluatedPrediction]) -> [EvaluationReport.EdgeBucket] {
        zip(edgeBounds, edgeBounds.dropFirst()).compactMap { low, high in
            let inBucket = rows.filter { row in
                guard let edge = row.edge else { return false }
                return edge >= low && (edge < high || (high == 1 && edge <= 1))
            }
            let bets = inBucket.compactMap(hypotheticalBet)
            guard !bets.isEmpty else { return nil }
            let wins = bets.filter(\.won).count, decided = bets.filter { !$0.pushed }.count
            return EvaluationReport.EdgeBucket(
                minEdge: low, maxEdge: high, bets: bets.count, wins: wins,
                hitRate: decided > 0 ? Double(wins) / Double(decided) : nil,
                roi: bets.map(\.profit).reduce(0, +) / Double(bets.count))
        }
    }

    static func calibration(
        _ rows: [EvaluatedPrediction],
        _ probability: KeyPath<EvaluatedPrediction, Double?>
    ) -> [EvaluationReport.CalibrationBucket] {
        var buckets: [Int: (sum: Double, overs: Int, n: Int)] = [:]
        for row in rows {
            guard let p = row[keyPath: probability], let actual = row.actual, let line = row.line, actual != line else {
                continue
            }
            let index = min(Int(p * 10), 9)
            var bucket = buckets[index] ?? (0, 0, 0)
            bucket.sum += p
            bucket.overs += actual > line ? 1 : 0
            bucket.n += 1
            buckets[index] = bucket
        }
        return buckets.keys.sorted().map { index in
            let bucket = buckets[index]!
            return EvaluationReport.CalibrationBucket(
                bucket: String(format: "%.1f-%.1f", Double(index) / 10, Double(index + 1) / 10),
                predicted: bucket.sum / Double(bucket.n), observed: Double(bucket.overs) / Double(bucket.n), n: bucket.n
            )
        }
    }
}
