import Foundation
import HoopcastStore
import HoopcastCore

/// The features of one (player, game, market), with which were defaulted, the quality and the gate.
public struct FeatureRow: Sendable, Hashable {
    public var gameID: String
    public var playerID: Int
    public var team: Team
    public var market: Market
    /// One value per ``Feature``.
    public var values: [Feature: Double]
    /// Features that fell back to their default.
    public var defaulted: Set<Feature>
    /// Share of features computed from real data (0…1).
    public var quality: Double { 1 - Double(defaulted.count) / Double(Feature.allCases.count) }
    /// Why no prediction should be made for this row (nil when it passes the gate).
    public var skipReason: String?

    /// The values as a JSON object with keys in ``Feature`` order and shortest round-trip numbers.
    public var json: String {
        "{" + Feature.allCases.map { "\"\($0.rawValue)\":\(FeatureRow.number(values[$0] ?? 0))" }.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

extension FeatureRow {
    /// Decodes a stored ``json`` object back to values; every ``Feature`` must be present.
    public static func values(fromJSON json: String) throws -> [Feature: Double] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Double] else {
            throw StoreError(.decodingFailed, "stored features are not a JSON object of numbers")
        }
        var values: [Feature: Double] = [:]
        for feature in Feature.allCases {
            guard let value = object[feature.rawValue] else {
                throw StoreError(.decodingFailed, "stored features lack \(feature.rawValue)")
            }
            values[feature] = value
        }
        return values
    }
}
