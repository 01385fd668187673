import CZlib
import Foundation

/// Reads a data file into memory, transparently inflating gzip (`.gz`) files, never past a ``ByteLimit``.
///
/// A file larger than the limit on disk is refused before it is read; a gzip stream stops inflating as soon as its
/// output passes the limit, so memory stays near the limit whatever the stream would unpack to.
public enum FileReader {
    /// The whole file's bytes, inflated when the name ends in `.gz`, under ``ByteLimit/inEffect()`` (the task's
    /// override, else `HOOPCAST_MAX_DECOMPRESSED_MB`, else 256 MiB).
    public static func read(_ url: URL) throws(FileReadError) -> [UInt8] {
        try read(url, limit: limitInEffect(file: url.lastPathComponent))
    }

    /// The whole file's bytes, inflated when the name ends in `.gz`; refused with ``FileReadError/Code/tooLarge``
    /// when the file, or what it inflates to, holds more than `limit` bytes.
    public static func read(_ url: URL, limit: ByteLimit) throws(FileReadError) -> [UInt8] {
        let file = url.lastPathComponent
        let bytes = try readBounded(url, limit: limit)
        guard url.pathExtension == "gz" else { return bytes }
        return try gunzip(bytes, file: file, limit: limit)
    }

    /// Inflates a gzip stream (one or more members) under ``ByteLimit/inEffect()``.
    public static func gunzip(_ input: [UInt8], file: String) throws(FileReadError) -> [UInt8] {
        try gunzip(input, file: file, limit: limitInEffect(file: file))
    }

    /// Inflates a gzip stream (one or more members); stops and throws ``FileReadError/Code/tooLarge`` as soon as
    /// the output passes `limit` bytes.
    public static func gunzip(_ input: [UInt8], file: String, limit: ByteLimit) throws(FileReadError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FileReadError(.corrupt, file: file, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // A first guess that a bomb cannot inflate: grown by doubling below, never past the limit.
        output.reserveCapacity(min(input.count * 4, limit.bytes))
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var status: Int32 = Z_OK
        var failure: FileReadError?
        input.withUnsafeBufferPointer { inputBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = chunkBuffer.count - Int(stream.avail_out)
                    guard output.count + produced <= limit.bytes else {
                        failure = tooLarge(file: file, limit: limit, what: "inflates to")
                        return
                    }
                    if output.count + produced > output.capacity {
                        output.reserveCapacity(min(limit.bytes, max(output.capacity * 2, output.count + produced)))
                    }
                    output.append(contentsOf: chunkBuffer[0..<produced])
                }
                if failure != nil { return }
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    status = inflateReset(&stream)  // concatenated gzip members
                }
            } while status == Z_OK
            if status != Z_STREAM_END {
                let reason = status == Z_BUF_ERROR ? "truncated gzip data" : "corrupt gzip data (zlib status \(status))"
                failure = FileReadError(.corrupt, file: file, reason: reason)
            }
        }
        if let failure { throw failure }
        return output
    }

    /// The file's bytes, refused when its size on disk is above `limit`; at most `limit` bytes are ever read (a file
    /// that grows meanwhile, or a pipe, is refused too).
    static func readBounded(_ url: URL, limit: ByteLimit) throws(FileReadError) -> [UInt8] {
        let file = url.lastPathComponent
        let handle: FileHandle
        let data: Data?
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            if size > limit.bytes { throw tooLarge(file: file, limit: limit, what: "is \(size) bytes,") }
            handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }  // closing a read-only handle cannot lose data
            data = try handle.read(upToCount: limit.bytes + 1)
        } catch let error as FileReadError {
            throw error
        } catch {
            throw FileReadError(.unreadable, file: file, reason: "cannot read: \(error.localizedDescription)")
        }
        let bytes = data.map { [UInt8]($0) } ?? []
        if bytes.count > limit.bytes { throw tooLarge(file: file, limit: limit, what: "holds") }
        return bytes
    }

    static func tooLarge(file: String, limit: ByteLimit, what: String) -> FileReadError {
        FileReadError(
            .tooLarge, file: file,
            reason: "\(what) more than the limit of \(limit); refused "
                + "(set \(ByteLimit.environmentVariable) to raise the limit)", limit: limit)
    }

    static func limitInEffect(file: String) throws(FileReadError) -> ByteLimit {
        do {
            return try ByteLimit.inEffect()
        } catch {
            throw FileReadError(.invalidLimit, file: file, reason: error.description)
        }
    }
}
