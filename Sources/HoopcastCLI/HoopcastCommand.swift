import ArgumentParser

/// `hoopcast`: the command-line entry point.
public struct HoopcastCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hoopcast",
        abstract: "NBA player-prop prediction pipeline: import, analytics and daily runs on an embedded store.",
        subcommands: [
            DemoCommand.self, ImportCommand.self, RunCommand.self, BackfillCommand.self, WorkerCommand.self,
            StatusCommand.self, JobsCommand.self, CheckCommand.self, FeaturesCommand.self,
            RegistryCommand.self, EvaluateCommand.self, TuneCommand.self, ExportCommand.self,
            BenchCommand.self, BenchQueueCommand.self,
            TrainCommand.self, BenchModelCommand.self,
            IngestCommand.self, ScheduleCommand.self, ReplayCommand.self,
            BackupCommand.self, RestoreCommand.self, InstallCommand.self, ServeCommand.self, KeysCommand.self,
            AlertsCommand.self,
        ]
    )

    public init() {}
}
