extension Schema {
    /// A change counter per (table, date): writers bump it in their transaction, the dated caches of a long-running
    /// worker compare it to notice history that changed behind them (``PartitionVersions``).
    static let partitionVersions = Migration(version: 21, name: "partition change counters") { _ in
        [
            """
            CREATE TABLE ops_partition_versions (
                table_name TEXT NOT NULL,
                partition_date TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                PRIMARY KEY (table_name, partition_date))
            """
        ]
    }
}
