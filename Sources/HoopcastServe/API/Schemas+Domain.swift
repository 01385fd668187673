import HoopcastCore
import HoopcastEngine
import HoopcastGrading

/// The document's enumerations and the domain's are the same sets of strings; these map one onto the other (a test
/// checks every case both ways).
extension Components.Schemas.Market {
    init(_ market: Market) { self.init(rawValue: market.rawValue)! }
    var domain: Market { Market(rawValue: rawValue)! }
}

extension Components.Schemas.SystemName {
    init(_ system: SystemName) { self.init(rawValue: system.rawValue)! }
    var domain: SystemName { SystemName(rawValue: rawValue)! }
}

extension Components.Schemas.Recommendation {
    init(_ recommendation: Recommendation) { self.init(rawValue: recommendation.rawValue)! }
    var domain: Recommendation { Recommendation(rawValue: rawValue)! }
}

extension Components.Schemas.Outcome {
    init(_ outcome: BetOutcome) { self.init(rawValue: outcome.rawValue)! }
}

extension Components.Schemas.JobStatus {
    init(_ status: JobStatus) { self.init(rawValue: status.rawValue)! }
    var domain: JobStatus { JobStatus(rawValue: rawValue)! }
}

extension Components.Schemas.Scope {
    init(_ scope: KeyScope) { self.init(rawValue: scope.rawValue)! }
    var domain: KeyScope { KeyScope(rawValue: rawValue)! }
}

extension Components.Schemas.Prediction {
    init(_ slate: SlatePrediction) {
        let record = slate.record
        self.init(
            gameId: record.gameID, gameDate: record.gameDate.description, matchup: slate.matchup,
            playerId: record.playerID, playerName: slate.playerName, team: slate.team?.description,
            market: .init(record.market), system: .init(record.system), predictedValue: record.predictedValue,
            standardDeviation: record.standardDeviation, line: record.line?.line, lineBook: record.line?.book,
            overOdds: record.line?.overOdds, underOdds: record.line?.underOdds, pOver: record.overProbability,
            confidence: record.confidence, edge: record.edge, recommendation: .init(record.recommendation))
    }
}

extension Components.Schemas.ApiKey {
    init(_ key: APIKey) {
        self.init(
            id: key.id, name: key.name, scope: .init(key.scope), createdAt: key.createdAt.date,
            lastUsedAt: key.lastUsedAt?.date, revokedAt: key.revokedAt?.date)
    }
}

extension Components.Schemas.Job {
    init(_ job: JobBoard.JobSummary) {
        self.init(
            key: job.key, status: .init(job.status), attempts: job.attempts, maxAttempts: job.maxAttempts,
            errorKind: job.errorKind, lastError: job.lastError)
    }
}
