import HoopcastCore
import HoopcastGrading

/// Weekly model-vs-line error and cumulative units from the grading layer's daily aggregates: pure.
enum WeeklyPerformance {
    struct WeekError: Sendable, Hashable {
        var weekStart: GameDate
        var market: Market
        var system: SystemName
        var lined: Int
        var modelMAE: Double?
        var lineMAE: Double?
    }

    struct UnitsPoint: Sendable, Hashable {
        var date: GameDate
        var system: SystemName
        var bets: Int
        var units: Double
    }

    /// The Monday on or before `date` (1970-01-01, day 0, was a Thursday).
    static func weekStart(_ date: GameDate) -> GameDate {
        date.adding(days: -((date.dayNumber + 3) % 7 + 7) % 7)
    }

    /// Per week, market and system: lined predictions and the mean absolute errors of model and line on them
    /// (each day's MAE weighted by its lined count).
    static func errors(_ daily: [DailyPerformance]) -> [WeekError] {
        struct Key: Hashable, Comparable {
            var week: GameDate, market: Market, system: SystemName
            static func < (a: Key, b: Key) -> Bool {
                (a.week, a.market.rawValue, a.system.rawValue) < (b.week, b.market.rawValue, b.system.rawValue)
            }
        }
        var sums: [Key: (lined: Int, model: Double, line: Double)] = [:]
        for day in daily where day.lined > 0 {
            guard let model = day.modelMeanAbsoluteErrorLined, let line = day.lineMeanAbsoluteError else { continue }
            let key = Key(week: weekStart(day.gameDate), market: day.market, system: day.system)
            var sum = sums[key] ?? (0, 0, 0)
            sum.lined += day.lined
            sum.model += model * Double(day.lined)
            sum.line += line * Double(day.lined)
            sums[key] = sum
        }
        return sums.keys.sorted().map { key in
            let sum = sums[key]!
            return WeekError(
                weekStart: key.week, market: key.market, system: key.system, lined: sum.lined,
                modelMAE: sum.model / Double(sum.lined), lineMAE: sum.line / Double(sum.lined))
        }
    }

    /// Per system and date with bets: the units won since the first date, every market together.
    static func cumulativeUnits(_ daily: [DailyPerformance]) -> [UnitsPoint] {
        var byDate: [SystemName: [GameDate: (bets: Int, profit: Double)]] = [:]
        for day in daily where day.bets > 0 {
            var entry = byDate[day.system, default: [:]][day.gameDate] ?? (0, 0)
            entry.bets += day.bets
            entry.profit += day.profitUnits
            byDate[day.system, default: [:]][day.gameDate] = entry
        }
        return byDate.keys.sorted().flatMap { system in
            var total = 0.0
            return byDate[system]!.keys.sorted().map { date in
                let entry = byDate[system]![date]!
                total += entry.profit
                return UnitsPoint(date: date, system: system, bets: entry.bets, units: total)
            }
        }
    }
}
