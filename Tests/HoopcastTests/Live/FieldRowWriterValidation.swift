import HoopcastIngest
import HoopcastLive

/// Validates rows of a dataset with its record type (opening the existential).
enum FieldRowWriterValidation {
    static func rejected(_ dataset: RawDataset, _ rows: [[String: String]]) -> Int {
        func count<Record: DatasetRecord>(_ type: Record.Type) -> Int {
            FieldRowWriter.validate(type, name: dataset.rawValue, rows: rows).issues.count
        }
        return count(dataset.record)
    }
}
