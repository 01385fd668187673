/// An opaque keyset cursor: the sort key of the last item of a page, hex-encoded (UTF-8). The next page holds the
/// items whose key sorts after it, so pages stay consistent while rows are added. Any even-length hex text is a
/// cursor (a foreign one just pages from wherever its bytes sort); anything else is a 400 naming `cursor`.
public struct PageCursor: Sendable, Hashable {
    /// The last item's sort key.
    public let key: String

    public init(key: String) { self.key = key }

    /// Decodes a client's cursor; a 400 naming `cursor` when it is not hexadecimal pairs.
    public init(parameter text: String) throws(APIError) {
        let digits = Array(text.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0, digits.count <= 512 else {
            throw APIError.invalid("cursor", "not a cursor this server returned")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = PageCursor.nibble(digits[index]), let low = PageCursor.nibble(digits[index + 1]) else {
                throw APIError.invalid("cursor", "not a cursor this server returned")
            }
            bytes.append(high << 4 | low)
        }
        key = String(decoding: bytes, as: UTF8.self)
    }

    static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// The cursor as the client sees it.
    public var text: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: key.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] }, as: UTF8.self)
    }

    /// One page of `items` (sorted by `key`) after `cursor`, at most `limit`, and the cursor of the next page.
    public static func page<T>(_ items: [T], after cursor: PageCursor?, limit: Int, key: (T) -> String) -> (
        items: [T], next: PageCursor?
    ) {
        let start = cursor.map { cursor in items.firstIndex { key($0) > cursor.key } ?? items.endIndex } ?? 0
        let end = min(items.count, start + limit)
        let page = Array(items[start..<end])
        return (page, end < items.count ? page.last.map { PageCursor(key: key($0)) } : nil)
    }
}
