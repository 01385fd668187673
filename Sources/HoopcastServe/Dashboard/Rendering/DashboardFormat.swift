import HoopcastCore

/// How the dashboard writes numbers, dates and names: pure, fixed (no locale), so pages and tests agree.
enum DashboardFormat {
    /// A value with `decimals` decimals (`24.5`, `-0.3`).
    static func number(_ value: Double, decimals: Int = 1) -> String {
        let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale), fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled > 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let digits = String(fraction)
        return "\(sign)\(whole).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
    }

    /// A probability as a percentage (`0.542` → `54.2%`).
    static func percent(_ probability: Double, decimals: Int = 1) -> String {
        number(probability * 100, decimals: decimals) + "%"
    }

    /// A difference of probabilities with its sign (`+3.1%`, `-2.0%`).
    static func signedPercent(_ value: Double, decimals: Int = 1) -> String {
        (value >= 0 ? "+" : "") + percent(value, decimals: decimals)
    }

    /// Units won or lost with their sign (`+1.32`, `-0.50`).
    static func units(_ value: Double) -> String {
        (value >= 0 ? "+" : "") + number(value, decimals: 2)
    }

    /// American odds with their sign (`-110`, `+120`).
    static func odds(_ value: Double) -> String {
        (value > 0 ? "+" : "") + number(value, decimals: 0)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `Jan 12`.
    static func shortDate(_ date: GameDate) -> String {
        let parts = date.parts
        return "\(monthNames[parts.month - 1]) \(parts.day)"
    }

    /// `Mon, Jan 15, 2024` (1970-01-01, day 0, was a Thursday).
    static func longDate(_ date: GameDate) -> String {
        let weekday = weekdayNames[((date.dayNumber + 3) % 7 + 7) % 7]
        return "\(weekday), \(shortDate(date)), \(date.parts.year)"
    }

    /// A market's name as a heading (`Points`, `Pts + Reb + Ast`).
    static func label(_ market: Market) -> String {
        switch market {
        case .points: "Points"
        case .rebounds: "Rebounds"
        case .assists: "Assists"
        case .threes: "Threes"
        case .pointsReboundsAssists: "Pts + Reb + Ast"
        }
    }

    /// A market's stat after a number (`27 points`, `31 PRA`).
    static func unit(_ market: Market) -> String {
        market == .pointsReboundsAssists ? "PRA" : label(market).lowercased()
    }

    /// A system's name as shown (`Ensemble`, `Moving average`).
    static func label(_ system: SystemName) -> String {
        switch system {
        case .movingAverage: "Moving average"
        case .matchup: "Matchup"
        case .similarity: "Similarity"
        case .catboost: "CatBoost"
        case .catboostResidual: "CatBoost residual"
        case .ensemble: "Ensemble"
        case .stack: "Stack"
        }
    }

    /// A duration in milliseconds or seconds (`8 ms`, `1.4 s`).
    static func duration(_ duration: Duration) -> String {
        let milliseconds = duration / .milliseconds(1)
        return milliseconds < 1000 ? "\(number(milliseconds, decimals: 0)) ms" : "\(number(milliseconds / 1000)) s"
    }

    /// How long ago, coarsely (`just now`, `12 min ago`, `3 h ago`, `2 d ago`).
    static func age(_ elapsed: Duration) -> String {
        let seconds = Int(elapsed.components.seconds)
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60) min ago"
        case ..<172_800: return "\(seconds / 3600) h ago"
        default: return "\(seconds / 86400) d ago"
        }
    }
}
