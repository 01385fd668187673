/// How a paginated endpoint asks for the page after one it got (``LiveEndpoint/paging``). Every page is its own
/// payload: fetched, archived and recorded; `LiveIngestor` follows at most `LiveIngestor.maxPages` pages.
public enum Paging: Sendable, Hashable {
    /// Each page holds the next page's cursor at `path` (absent, null or empty on the last page), sent back as the
    /// query parameter `parameter` (Ball Don't Lie: `cursor`, at `meta.next_cursor`).
    case cursor(parameter: String, path: [String])
    /// Pages are numbered from 1: each page holds its number at `page` and the number of pages at `total`; the
    /// next page is asked for as `parameter` = number + 1 while the number is below the total (BettingPros: `page`,
    /// at `_pagination.page` and `_pagination.total_pages`). The first request carries no `parameter`.
    case numbered(parameter: String, page: [String], total: [String])

    /// The query parameter that asks for the next page.
    public var parameter: String {
        switch self {
        case .cursor(let parameter, _), .numbered(let parameter, _, _): return parameter
        }
    }
}
