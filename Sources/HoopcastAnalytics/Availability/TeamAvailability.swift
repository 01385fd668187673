import HoopcastCore
import HoopcastIngest

/// What is known at the prediction time about whether a player and his teammates play.
public struct PlayerAvailability: Sendable, Hashable {
    /// P(plays) from his status on his team's submitted report (``AvailabilityWeights``); nil when the team had no
    /// submitted report in force.
    public var playProbability: Double?
    /// He played one of the team's last games but not its latest one.
    public var missedLastGame: Bool
    /// Σ over teammates of P(absent) × their last-5 mean minutes.
    public var vacatedMinutes: Double
    /// Σ over teammates of P(absent) × their last-10 mean share of the team's field-goal attempts.
    public var vacatedShotsShare: Double
    /// Among the five highest last-5 mean minutes of the players expected to play (and himself).
    public var starter: Bool
    /// Minutes if he plays: base · (1 + intercept + slope · vacated ÷ present); nil without minutes history.
    public var expectedMinutes: Double?
}

/// Pure: the availability of every rostered player of one team in one game, from the report in force and the box
/// scores before the date.
///
/// A teammate's P(absent) is `1 − P(plays | status)` when his team submitted a report by the prediction time and it
/// lists him, 0 when it does not; without a report it is 1 when he missed the team's latest game, else 0. `present`
/// is Σ over the roster, the player included, of (1 − P(absent)) × last-5 mean minutes. The expected-minutes fit
/// is ``AvailabilityWeights/reported`` with a report and ``AvailabilityWeights/boxScore`` without.
public enum TeamAvailability {
    /// Availability of each player of `roster`.
    /// - Parameters:
    ///   - roster: the team's rostered players for the game (``FeatureBuilder/activePlayers``).
    ///   - history: each player's games before the date, newest first.
    ///   - teamGames: the team's games this season before the date, newest first.
    ///   - statuses: each listed player's status, when the team submitted a report in force; nil when it did not.
    ///   - season: the game's season.
    public static func compute(
        roster: Set<Int>, history: [Int: [PlayerGameRow]], teamGames: [TeamGameRow],
        statuses: [Int: InjuryStatus]?, season: Season
    ) -> [Int: PlayerAvailability] {
        let latestGame = teamGames.first?.gameID
        struct Member {
            var minutes5: Double?
            var base: Double?
            var shotsShare: Double
            var missedLast: Bool
            var absent: Double
            var plays: Double? = nil
        }
        // Sums run in player-id order, so every run adds the same numbers in the same order (bit-identical rows).
        var members: [(id: Int, member: Member)] = []
        for playerID in roster.sorted() {
            let games = history[playerID] ?? []
            let minutes5 = Stats.mean(games.prefix(5).map(\.minutes))
            let seasonMinutes = Stats.mean(FeatureBuilder.seasonWindow(games, season: season).map(\.minutes))
            let base = minutes5.map { 0.6 * $0 + 0.4 * (seasonMinutes ?? $0) }
            let missed = latestGame.map { id in !games.contains { $0.gameID == id } } ?? false
            var member = Member(
                minutes5: minutes5, base: base,
                shotsShare: Stats.mean(games.prefix(10).compactMap(\.teamShotsShare)) ?? 0, missedLast: missed,
                absent: missed ? 1 : 0)
            if let statuses {
                let status = statuses[playerID]
                let plays = AvailabilityWeights.playProbability(status, minutes5: minutes5 ?? 0)
                member.plays = plays
                member.absent = status == nil ? 0 : 1 - plays
            }
            members.append((playerID, member))
        }
        let totalVacated = members.reduce(0) { $0 + $1.member.absent * ($1.member.minutes5 ?? 0) }
        let totalShots = members.reduce(0) { $0 + $1.member.absent * $1.member.shotsShare }
        let present = members.reduce(0) { $0 + (1 - $1.member.absent) * ($1.member.minutes5 ?? 0) }
        // The starter proxy ranks the players expected to play; ties go to the lower player id.
        let expectedToPlay = members.filter { $0.member.absent < 0.5 }.map {
            (id: $0.id, minutes: $0.member.minutes5 ?? 0)
        }
        let fit = statuses == nil ? AvailabilityWeights.boxScore : AvailabilityWeights.reported
        var result: [Int: PlayerAvailability] = [:]
        for (playerID, member) in members {
            let vacated = totalVacated - member.absent * (member.minutes5 ?? 0)
            let minutes = member.minutes5 ?? 0
            let ahead = expectedToPlay.filter { other in
                other.id != playerID && (other.minutes > minutes || (other.minutes == minutes && other.id < playerID))
            }.count
            let expected = member.base.map { base in
                let share = present > 0 ? vacated / present : 0
                return min(
                    48,
                    max(0, base * (1 + fit.intercept + fit.slope * share)))
            }
            result[playerID] = PlayerAvailability(
                playProbability: member.plays, missedLastGame: member.missedLast, vacatedMinutes: vacated,
                vacatedShotsShare: totalShots - member.absent * member.shotsShare, starter: ahead < 5,
                expectedMinutes: expected)
        }
        return result
    }
}
