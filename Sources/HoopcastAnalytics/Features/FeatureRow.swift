import Foundation
import HoopcastCore
import HoopcastStore

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
    /// The line chosen for the row (book, prices, snapshot), stored beside the features; nil without one.
    public var line: ChosenLine? = nil

    /// The values as a JSON object with keys in ``Feature`` order and shortest round-trip numbers.
    public var json: String {
        "{" + Feature.allCases.map { "\"\($0.rawValue)\":\(FeatureRow.number(values[$0] ?? 0))" }.joined(separator: ",")
            + "}"
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

extension FeatureRow {
    /// Decodes a stored ``json`` object back to values; every ``Feature`` must be present.
    ///
    /// Numbers are read with Swift's correctly rounded `Double(_:)`: Foundation's JSON parsers on Linux can be one
    /// unit in the last place off for shortest-representation doubles, which would make re-read features differ
    /// from the computed ones.
    public static func values(fromJSON json: String) throws -> [Feature: Double] {
        if let values = fastValues(json) { return values }
        guard let object = flatObject(json) else {
            throw StoreError(.decodingFailed, "stored features are not a flat JSON object of numbers")
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

    /// A flat object of plain-string keys and numbers, in any order and spacing; nil for anything else.
    static func flatObject(_ json: String) -> [String: Double]? {
        var result: [String: Double] = [:]
        let body = json.trimmingCharacters(in: .whitespacesAndNewlines)
        guard body.hasPrefix("{"), body.hasSuffix("}") else { return nil }
        let inner = body.dropFirst().dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
        if inner.isEmpty { return result }
        for member in inner.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = member.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            let key = parts[0].trimmingCharacters(in: .whitespacesAndNewlines)
            guard key.count >= 2, key.hasPrefix("\""), key.hasSuffix("\""), !key.dropFirst().dropLast().contains("\\"),
                let value = Double(parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
            else { return nil }
            result[String(key.dropFirst().dropLast())] = value
        }
        return result
    }
}

extension FeatureRow {
    /// Each feature's `"name":` prefix in stored JSON and the byte that ends its value, in catalogue order.
    static let jsonKeys: [(feature: Feature, key: [UInt8], terminator: UInt8)] = Feature.allCases.enumerated().map {
        (
            $0.element, Array("\"\($0.element.rawValue)\":".utf8),
            UInt8(ascii: $0.offset == Feature.allCases.count - 1 ? "}" : ",")
        )
    }

    /// Parses the exact form ``json`` writes (`{"name":number,…}` in ``Feature`` order) without a JSON parser;
    /// nil for anything else, which then goes through JSONSerialization.
    static func fastValues(_ json: String) -> [Feature: Double]? {
        var values: [Feature: Double] = [:]
        values.reserveCapacity(FeatureRow.jsonKeys.count)
        var utf8 = Substring(json).utf8[...]
        guard utf8.first == UInt8(ascii: "{") else { return nil }
        utf8 = utf8.dropFirst()
        for (feature, key, terminator) in FeatureRow.jsonKeys {
            guard utf8.starts(with: key) else { return nil }
            utf8 = utf8.dropFirst(key.count)
            guard let end = utf8.firstIndex(of: terminator),
                let value = Double(Substring(utf8[..<end]))
            else { return nil }
            values[feature] = value
            utf8 = utf8[utf8.index(after: end)...]
        }
        return utf8.isEmpty ? values : nil
    }
}
