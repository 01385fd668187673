import Foundation
import HoopcastCore

/// JSON for people and programs: the house encoder (``JSONDocument``), snake_case keys, sorted, pretty-printed.
enum JSONOutput {
    static func encode(_ value: some Encodable) throws -> String { try JSONDocument.text(value) }
}
