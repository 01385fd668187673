/// A CatBoost model's trees rewritten over quantised features, for evaluating many rows at once.
///
/// CatBoost's own batch path works the same way: every split compares one float feature with one border, so a
/// feature's value can be replaced by its *bin*, the number of the model's borders for that feature that the value
/// is greater than. `value > border_k` (borders sorted ascending) is then exactly `bin > k`, a one-byte comparison.
/// Rows are evaluated in blocks: quantise the block feature by feature (column-major, so the per-tree loops run over
/// contiguous bytes and vectorise), then add each tree's leaf to every row of the block.
///
/// NaN is greater than no border, so it gets bin 0 and goes left at every split, as in the row-by-row evaluator.
struct QuantizedTrees: Sendable {
    /// Rows evaluated together; the per-block scratch (bins and leaf indexes) stays in L1.
    static let blockSize = 128

    /// The feature columns the trees read (model feature indexes), in slot order.
    let usedFeatures: [Int]
    /// Sorted unique borders of slot `s` as order keys (``key(_:)``), padded with +∞'s key to a power of two
    /// `tableSizes[s]` larger than their count: `borders[borderStarts[s] ..< borderStarts[s] + tableSizes[s]]`. The
    /// padding lets every search take the same number of steps, so a block's rows are searched in lock-step; the keys
    /// let each step be integer arithmetic (LLVM turns a float comparison feeding a select back into a branch).
    let borders: [Int32]
    let borderStarts: [Int]
    let tableSizes: [Int]
    /// Per split (flattened as in ``CatBoostModel``): the slot it reads and its bin threshold.
    let splitSlots: [Int]
    let splitThresholds: [UInt8]

    /// Builds the quantised form; nil when a feature has more than 255 borders or a tree is deeper than 8 (bins and
    /// leaf indexes would not fit a byte).
    init?(splitFeatures: [Int], splitBorders: [Float], depths: [Int]) {
        guard depths.allSatisfy({ $0 <= 8 }) else { return nil }
        var bordersByFeature: [Int: Set<Float>] = [:]
        for (feature, border) in zip(splitFeatures, splitBorders) {
            bordersByFeature[feature, default: []].insert(border)
        }
        let features = bordersByFeature.keys.sorted()
        var slotOf: [Int: Int] = [:], thresholdOf: [Int: [Float: UInt8]] = [:]
        var borders: [Int32] = [], starts: [Int] = [], sizes: [Int] = []
        for (slot, feature) in features.enumerated() {
            let sorted = bordersByFeature[feature]!.sorted()
            guard sorted.count <= 255 else { return nil }
            slotOf[feature] = slot
            thresholdOf[feature] = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, UInt8($0)) })
            var size = 1
            while size <= sorted.count { size <<= 1 }
            starts.append(borders.count)
            sizes.append(size)
            borders.append(contentsOf: sorted.map(QuantizedTrees.key))
            borders.append(contentsOf: repeatElement(QuantizedTrees.key(.infinity), count: size - sorted.count))
        }
        usedFeatures = features
        self.borders = borders
        borderStarts = starts
        tableSizes = sizes
        splitSlots = splitFeatures.map { slotOf[$0]! }
        splitThresholds = zip(splitFeatures, splitBorders).map { thresholdOf[$0]![$1]! }
    }

    /// Sums each row's leaf values: `rows` is row-major with `stride` values per row; returns one raw sum per row.
    func leafSums(
        rows: UnsafeBufferPointer<Double>, stride: Int, count: Int, depths: [Int],
        leafValues: UnsafeBufferPointer<Double>
    ) -> [Double] {
        let block = QuantizedTrees.blockSize
        var sums = [Double](repeating: 0, count: count)
        let slots = usedFeatures.count
        var bins = [UInt8](repeating: 0, count: slots * block)
        var leaves = [UInt8](repeating: 0, count: block)
        var start = 0
        while start < count {
            let width = min(block, count - start)
            bins.withUnsafeMutableBufferPointer { bins in
                quantise(rows: rows, stride: stride, first: start, width: width, into: bins)
            }
            sums.withUnsafeMutableBufferPointer { sums in
                bins.withUnsafeBufferPointer { bins in
                    leaves.withUnsafeMutableBufferPointer { leaves in
                        addTrees(
                            bins: bins, width: width, depths: depths, leafValues: leafValues,
                            leaves: leaves, sums: UnsafeMutableBufferPointer(rebasing: sums[start..<(start + width)]))
                    }
                }
            }
            start += width
        }
        return sums
    }

    /// Bins of rows `first ..< first + width`, column-major: `bins[slot * blockSize + row]`. Rows past `width` get
    /// bins too (of NaN) so that every loop runs over whole vectors; the caller ignores them.
    private func quantise(
        rows: UnsafeBufferPointer<Double>, stride: Int, first: Int, width: Int,
        into bins: UnsafeMutableBufferPointer<UInt8>
    ) {
        let block = QuantizedTrees.blockSize, chunks = block / 8, slots = usedFeatures.count
        withUnsafeTemporaryAllocation(of: SIMD8<Int32>.self, capacity: slots * chunks) { keys in
            // One pass over the block's rows in memory order, transposing the used features into keys.
            keys.withMemoryRebound(to: Int32.self) { keys in
                usedFeatures.withUnsafeBufferPointer { features in
                    for row in 0..<block {
                        let base = (first &+ row) &* stride
                        for slot in 0..<slots {
                            keys[slot &* block &+ row] =
                                row < width
                                ? QuantizedTrees.key(Float(rows[base &+ features[slot]])) : .min
                        }
                    }
                }
            }
            withUnsafeTemporaryAllocation(of: SIMD8<Int32>.self, capacity: chunks) { positions in
                borders.withUnsafeBufferPointer { borders in
                    for slot in 0..<slots {
                        let table = borders.baseAddress! + borderStarts[slot]
                        for chunk in 0..<chunks { positions[chunk] = .zero }
                        // Lower bound in a padded power-of-two table, eight rows per vector: after the steps, a
                        // row's position is the number of borders strictly below its value. Vector blends, not
                        // branches (the comparisons are unpredictable); the chunks of a step are independent.
                        var half = tableSizes[slot] &>> 1
                        while half > 0 {
                            let probe = table + (half &- 1),
                                step = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: half))
                            for chunk in 0..<chunks {
                                let p = positions[chunk]
                                let border = SIMD8<Int32>(
                                    probe[Int(p[0])], probe[Int(p[1])], probe[Int(p[2])], probe[Int(p[3])],
                                    probe[Int(p[4])], probe[Int(p[5])], probe[Int(p[6])], probe[Int(p[7])])
                                positions[chunk] = p.replacing(
                                    with: p &+ step, where: border .< keys[slot &* chunks &+ chunk])
                            }
                            half &>>= 1
                        }
                        let column = UnsafeMutableRawPointer(bins.baseAddress! + slot &* block)
                        for chunk in 0..<chunks {
                            column.storeBytes(
                                of: SIMD8<UInt8>(truncatingIfNeeded: positions[chunk]), toByteOffset: chunk &* 8,
                                as: SIMD8<UInt8>.self)
                        }
                    }
                }
            }
        }
    }

    /// An integer with the same order as the float: `key(a) < key(b)` exactly when `a < b`, for all non-NaN floats
    /// (−0 and +0 share a key). NaN, which is greater than no border, gets the smallest key.
    @inline(__always)
    static func key(_ value: Float) -> Int32 {
        if value.isNaN { return .min }
        let bits = Int32(bitPattern: (value + 0).bitPattern)  // + 0 turns −0 into +0
        // Negative floats order by descending magnitude: flip their magnitude bits.
        return bits ^ ((bits &>> 31) & 0x7FFF_FFFF)
    }

    /// Adds every tree's leaf value to `sums` for one quantised block.
    private func addTrees(
        bins: UnsafeBufferPointer<UInt8>, width: Int, depths: [Int],
        leafValues: UnsafeBufferPointer<Double>, leaves: UnsafeMutableBufferPointer<UInt8>,
        sums: UnsafeMutableBufferPointer<Double>
    ) {
        let block = QuantizedTrees.blockSize
        splitSlots.withUnsafeBufferPointer { splitSlots in
            splitThresholds.withUnsafeBufferPointer { thresholds in
                var split = 0, leafBase = 0
                for depth in depths {
                    for row in 0..<width { leaves[row] = 0 }
                    for level in 0..<depth {
                        let column = splitSlots[split &+ level] &* block
                        let threshold = thresholds[split &+ level]
                        let bit = UInt8(truncatingIfNeeded: 1 &<< level)
                        // Contiguous bytes and no branches: the compiler vectorises this loop.
                        for row in 0..<width {
                            leaves[row] |= bins[column &+ row] > threshold ? bit : 0
                        }
                    }
                    for row in 0..<width {
                        sums[row] += leafValues[leafBase &+ Int(leaves[row])]
                    }
                    split &+= depth
                    leafBase &+= 1 &<< depth
                }
            }
        }
    }
}
