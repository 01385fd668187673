import CZlib
import Foundation

/// Reads a data file into memory, transparently inflating gzip (`.gz`) files.
public enum FileReader {
    /// The whole file's bytes, inflated when the name ends in `.gz`.
    public static func read(_ url: URL) throws(FileReadError) -> [UInt8] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw FileReadError(file: url.lastPathComponent, reason: "cannot read: \(error.localizedDescription)")
        }
        let bytes = [UInt8](data)
        guard url.pathExtension == "gz" else { return bytes }
        return try gunzip(bytes, file: url.lastPathComponent)
    }

    /// Inflates a gzip stream (one or more members).
    public static func gunzip(_ input: [UInt8], file: String) throws(FileReadError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw FileReadError(file: file, reason: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 6)
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var status: Int32 = Z_OK
        var failure: String?
        input.withUnsafeBufferPointer { inputBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = uInt(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = uInt(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    let produced = chunkBuffer.count - Int(stream.avail_out)
                    output.append(contentsOf: chunkBuffer[0..<produced])
                }
                if status == Z_STREAM_END && stream.avail_in > 0 {
                    status = inflateReset(&stream)  // concatenated gzip members
                }
            } while status == Z_OK
            if status != Z_STREAM_END {
                failure = status == Z_BUF_ERROR ? "truncated gzip data" : "corrupt gzip data (zlib status \(status))"
            }
        }
        if let failure { throw FileReadError(file: file, reason: failure) }
        return output
    }
}

/// A file could not be read or decompressed.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    /// The file name.
    public let file: String
    /// What went wrong.
    public let reason: String
    public var description: String { "\(file): \(reason)" }
}
