import ArgumentParser
import HoopcastServe

/// `hoopcast keys`: API keys of `hoopcast serve`.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke the API keys of `hoopcast serve`.",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key and print it once (the store keeps only its SHA-256).")

        @Option(help: "A label for the key (who or what uses it).")
        var name: String

        @Option(help: "read (every /v1 read) or admin (also the admin routes).")
        var scope: String = "read"

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            LoggingSetup.bootstrap()
            guard let scope = KeyScope(rawValue: scope) else {
                throw ValidationError("--scope is read or admin, not '\(scope)'")
            }
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 64 else { throw ValidationError("--name takes 1 to 64 characters") }
            let (key, token) = try await storeOptions.withStore { store in
                try await KeyStore(store: store).create(name: name, scope: scope)
            }
            Terminal.out(token.description)
            Terminal.err("created key \(key.id) '\(key.name)' (\(key.scope.rawValue)); it is shown only this once")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys (never the keys themselves).")

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            LoggingSetup.bootstrap()
            let keys = try await storeOptions.withStore { try await KeyStore(store: $0).list() }
            Terminal.out(
                TextTable.render(
                    [["id", "name", "scope", "created", "last used", "revoked"]]
                        + keys.map { key in
                            [
                                key.id, key.name, key.scope.rawValue, key.createdAt.description,
                                key.lastUsedAt?.description ?? "-", key.revokedAt?.description ?? "-",
                            ]
                        }))
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: requests with it fail from now on.")

        @Argument(help: "The key's id (the part after hc_, or as `keys list` shows it).")
        var id: String

        @OptionGroup var storeOptions: StoreOptions

        func run() async throws {
            LoggingSetup.bootstrap()
            let id = id
            guard try await storeOptions.withStore({ try await KeyStore(store: $0).revoke(id: id) }) else {
                throw ValidationError("no key has the id '\(id)'")
            }
            Terminal.out("revoked \(id)")
        }
    }
}
