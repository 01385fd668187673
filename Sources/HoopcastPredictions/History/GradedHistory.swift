import HoopcastCore
import HoopcastModels

/// What the predictions of a date learn from the graded predictions before it: calibration evidence and each
/// system's recent accuracy. The grading layer, which owns the grades and depends on this module, provides it
/// (`GradeReader` in HoopcastGrading); the daily pipeline hands it to ``PredictStep``.
public protocol GradedHistory: Sendable {
    /// The tables whose change counters (``PartitionVersions``) move when the history changes.
    var tables: [String] { get }

    /// Lined predictions graded with an actual value, pushes excluded, dated in [from, before), in (date, game,
    /// player, market, system) order.
    func calibrationSamples(from: GameDate, before: GameDate) async throws -> [(date: GameDate, row: CalibrationSample)]

    /// The ``StackSystem`` evidence dated in [from, before): per (game, player, market) made against a line and
    /// graded with an actual value, the line, the actual and each ``StackSystem/members`` system's prediction, in
    /// (date, game, player, market) order.
    func stackEvidence(from: GameDate, before: GameDate) async throws -> [(date: GameDate, row: StackEvidence)]

    /// Mean absolute error per (market, system) over the predictions graded in [from, before), summed in date order.
    func tracks(from: GameDate, before: GameDate) async throws -> [Market: [SystemName: EnsembleSystem.Track]]
}
