import HoopcastCore
import HoopcastEngine

extension APIHandler {
    func retryJobs(_ input: Operations.RetryJobs.Input) async throws -> Operations.RetryJobs.Output {
        guard case .json(let request) = input.body else { throw APIError.invalid("body", "expected JSON") }
        let queue = JobQueue(store: store)
        let reopened: Int
        switch (request.keys, request.all) {
        case (let keys?, nil), (let keys?, false?):
            guard (1...1000).contains(keys.count) else { throw APIError.invalid("keys", "name 1 to 1000 jobs") }
            guard keys.allSatisfy({ $0.count <= 200 }) else {
                throw APIError.invalid("keys", "a job key is at most 200 characters")
            }
            reopened = try await queue.retryFailed(keys: keys)
        case (nil, true?):
            reopened = try await queue.retryFailed(keys: nil)
        case (_?, true?):
            throw APIError.invalid("all", "give either 'keys' or 'all', not both")
        default:
            throw APIError.invalid("keys", "give the failed jobs' keys, or 'all': true")
        }
        return .ok(.init(body: .json(.init(reopened: reopened))))
    }

    func queueRun(_ input: Operations.QueueRun.Input) async throws -> Operations.QueueRun.Output {
        guard case .json(let request) = input.body else { throw APIError.invalid("body", "expected JSON") }
        let from = try Parameters.date(request.from, name: "from")
        let to = try Parameters.date(request.to, name: "to")
        guard from <= to else { throw APIError.invalid("to", "is before 'from'") }
        guard to.days(since: from) <= 400 else { throw APIError.invalid("to", "the range exceeds 400 days") }
        let queued = try await admin.queueRun(from, to, request.force ?? false)
        return .accepted(.init(body: .json(.init(dates: queued.dates, jobs: queued.jobs))))
    }

    func listKeys(_ input: Operations.ListKeys.Input) async throws -> Operations.ListKeys.Output {
        .ok(.init(body: .json(.init(items: try await keys.list().map(Components.Schemas.ApiKey.init)))))
    }

    func createKey(_ input: Operations.CreateKey.Input) async throws -> Operations.CreateKey.Output {
        guard case .json(let request) = input.body else { throw APIError.invalid("body", "expected JSON") }
        let name = try Parameters.text(request.name, "name", length: 1...64)
        let (key, token) = try await keys.create(name: name, scope: request.scope.domain)
        return .created(
            .init(body: .json(.init(id: key.id, name: key.name, scope: .init(key.scope), key: token.description))))
    }

    func revokeKey(_ input: Operations.RevokeKey.Input) async throws -> Operations.RevokeKey.Output {
        let id = input.path.keyId
        guard (8...32).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }) else {
            throw APIError.invalid("key_id", "is 8 to 32 characters of a-z and 0-9")
        }
        guard try await keys.revoke(id: id) else {
            throw APIError(.notFound, "no key has the id \(input.path.keyId)")
        }
        return .noContent(.init())
    }
}
