import HoopcastAnalytics
import HoopcastCore
import HoopcastModels

/// One gated feature row of the date, decoded.
public struct GatedFeatureRow: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var market: Market
    public var features: FeatureValues
}

/// One earlier game of a player as the similarity system sees it: that morning's descriptors and what he did.
public struct HistoryGame: Sendable, Hashable {
    public var date: GameDate
    public var gameID: String
    /// The ``SimilaritySystem/historyFeatures`` of that game's feature row.
    public var features: FeatureValues
    /// The actual stat per market.
    public var actuals: [Market: Double]
}

/// Everything the predictions of one date are computed from (all of it dated before the date, plus the date's
/// feature rows and lines).
public struct PredictionContext: Sendable {
    public var date: GameDate
    public var rows: [GatedFeatureRow]
    public var lines: [PlayerMarketKey: ChosenLine]
    /// Each player's earlier games, oldest first.
    public var history: [Int: [HistoryGame]]
    public var calibration: CalibrationBook
    /// Recent graded accuracy per system and market (ensemble weights).
    public var tracks: [Market: [SystemName: EnsembleSystem.Track]]
    /// The stack's correction per market, fitted on the graded lined predictions before the date (none: the stack
    /// is the ensemble).
    public var stack: [Market: StackSystem.Fit] = [:]
}

/// Pure: runs every member system, the ensemble and the stack on every gated row and decides each recommendation.
public struct PredictionEngine: Sendable {
    public let members: [SystemMember]
    public let policy: RecommendationPolicy

    /// The ensemble's stored name.
    public static let ensembleName = EnsembleSystem().name
    /// The stack's model id: its version and the members it regresses on.
    public static let stackModel = "stack@v1(" + StackSystem.members.map(\.rawValue).joined(separator: "+") + ")"

    /// Creates an engine; `members` must have distinct names (each is one system's column of the date).
    public init(members: [SystemMember], policy: RecommendationPolicy) {
        precondition(Set(members.map(\.name)).count == members.count, "two member systems share a name")
        self.members = members
        self.policy = policy
    }

    /// The predictions for the context, in (game, player, market, system) order.
    public func predict(_ context: PredictionContext) -> [PredictionRecord] {
        let rows = context.rows.sorted(by: PredictionEngine.order)
        let inputs = rows.map { row in
            let past = (context.history[row.playerID] ?? []).reversed().compactMap { game in
                game.actuals[row.market].map { PastGame(features: game.features, actual: $0) }
            }
            return PredictionInput(
                market: row.market, features: row.features,
                line: context.lines[PlayerMarketKey(playerID: row.playerID, market: row.market)]?.line,
                history: past)
        }
        let outputs = members.map { $0.predict(inputs) }
        let ensemble = EnsembleSystem(), stack = StackSystem()
        // Each row's records go out in system order: the slot of every system, fixed once for the date.
        let systems = (members.map(\.name) + [ensemble.name, stack.name]).sorted { $0.rawValue < $1.rawValue }
        let slot = { (name: SystemName) in systems.firstIndex(of: name)! }
        let memberSlots = members.map { slot($0.name) }, ensembleSlot = slot(ensemble.name),
            stackSlot = slot(stack.name)
        var records: [PredictionRecord] = []
        records.reserveCapacity(rows.count * systems.count)
        var group = [PredictionRecord?](repeating: nil, count: systems.count)
        for (index, row) in rows.enumerated() {
            let line = context.lines[PlayerMarketKey(playerID: row.playerID, market: row.market)]
            var combined: [SystemName: PredictionOutput] = [:]
            var models: [String] = []
            for (memberIndex, (member, memberOutputs)) in zip(members, outputs).enumerated() {
                guard let output = memberOutputs[index] else { continue }
                if member.joinsEnsemble {
                    combined[member.name] = output
                    models.append(member.model(row.market))
                }
                group[memberSlots[memberIndex]] = record(
                    row, system: member.name, model: member.model(row.market), output: output, line: line,
                    context: context)
            }
            if combined.count > 1 {
                let ensembled = ensemble.combine(
                    combined, tracks: context.tracks[row.market] ?? [:], market: row.market, line: line?.line)
                group[ensembleSlot] = record(
                    row, system: PredictionEngine.ensembleName, model: models.sorted().joined(separator: "+"),
                    output: ensembled, line: line, context: context)
                let fit = context.stack[row.market]
                let stacked = stack.predict(
                    market: row.market, predictions: combined.mapValues(\.predictedValue), line: line?.line, fit: fit,
                    fallback: ensembled)
                group[stackSlot] = record(
                    row, system: stack.name,
                    model: line == nil ? "stack@v1(ensemble)" : fit == nil ? "stack@v1(line)" : Self.stackModel,
                    output: stacked, line: line, context: context)
            }
            for position in group.indices {
                if let record = group[position] { records.append(record) }
                group[position] = nil
            }
        }
        return records
    }

    func record(
        _ row: GatedFeatureRow, system: SystemName, model: String, output: PredictionOutput, line: ChosenLine?,
        context: PredictionContext
    ) -> PredictionRecord {
        let decision = policy.decide(
            line: line, rawOverProbability: output.overProbability,
            calibration: context.calibration.calibration(system: system, market: row.market))
        return PredictionRecord(
            gameID: row.gameID, playerID: row.playerID, market: row.market, system: system, gameDate: context.date,
            predictedValue: output.predictedValue, standardDeviation: output.standardDeviation,
            rawOverProbability: line == nil ? nil : output.overProbability, overProbability: decision.overProbability,
            confidence: decision.confidence,
            line: line.map { .init(line: $0.line, book: $0.book, overOdds: $0.overOdds, underOdds: $0.underOdds) },
            edge: decision.edge, recommendation: decision.recommendation, model: model)
    }

    static func order(_ a: GatedFeatureRow, _ b: GatedFeatureRow) -> Bool {
        (a.gameID, a.playerID, a.market.rawValue) < (b.gameID, b.playerID, b.market.rawValue)
    }
}
