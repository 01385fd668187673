import HoopcastStore
import Testing

/// Content hashes are FNV-1a over each value's type tag and bytes; the expected digests were computed with Python
/// (`struct.pack` of the same layout, FNV-1a 64 by hand), not with this code.
struct ContentHashTests {
    @Test func matchesAnIndependentComputation() {
        #expect(ContentHash.of([.int(7), .double(1.5), .text("ab"), .null]) == "ee199595e367910a")
        #expect(ContentHash.of([.text("Dončić")]) == "8adf342ad6fa6d76")
    }

    @Test func typesSignsAndBoundariesAreTellApart() {
        #expect(ContentHash.of([.int(1)]) != ContentHash.of([.text("1")]))
        #expect(ContentHash.of([.int(1)]) != ContentHash.of([.double(1)]))
        #expect(ContentHash.of([.double(0.0)]) != ContentHash.of([.double(-0.0)]))
        #expect(ContentHash.of([.text("ab"), .text("c")]) != ContentHash.of([.text("a"), .text("bc")]))
        #expect(ContentHash.of([.null, .text("")]) != ContentHash.of([.text(""), .null]))
    }
}
