/// The pipeline page (``PipelineView``).
enum PipelineTemplate {
    static let text = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head"><h1>Pipeline</h1></div>
        {{#flash}}<p class="flash" role="status">{{.}}</p>{{/flash}}
        <dl class="stats" aria-label="Jobs by state">
        {{#counts}}<div class="stat{{#alert}} stat-alert{{/alert}}"><dt>{{name}}</dt><dd>{{value}}</dd></div>{{/counts}}
        </dl>
        <section class="card" aria-labelledby="h-failures">
        <h2 id="h-failures">Failed jobs</h2>
        {{#hasFailures}}
        <div class="table-wrap" role="region" aria-labelledby="h-failures" tabindex="0">
        <table class="data" id="failures">
        <thead><tr><th scope="col">Job</th><th scope="col" class="num">Attempts</th><th scope="col">Kind</th>\
        <th scope="col">Error</th>{{#canRetry}}<th scope="col">Action</th>{{/canRetry}}</tr></thead>
        <tbody>
        {{#failures}}
        <tr><th scope="row"><code>{{key}}</code></th><td class="num">{{attempts}}</td><td>{{kind}}</td>\
        <td class="wrap">{{error}}</td>{{#canRetry}}<td><form method="post" action="/pipeline/retry" class="inline">\
        <input type="hidden" name="csrf" value="{{formToken}}"><input type="hidden" name="job" value="{{key}}">\
        <button type="submit" class="small retry">Retry<span class="visually-hidden"> {{key}}</span></button>\
        </form></td>{{/canRetry}}</tr>
        {{/failures}}
        </tbody>
        </table>
        </div>
        {{/hasFailures}}
        {{^hasFailures}}<p class="empty">No failed jobs.</p>{{/hasFailures}}
        </section>
        <section class="card" aria-labelledby="h-dates">
        <h2 id="h-dates">Recent dates</h2>
        {{#hasDates}}
        <div class="table-wrap" role="region" aria-labelledby="h-dates" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Date</th><th scope="col">Progress</th><th scope="col" class="num">Done</th>\
        <th scope="col" class="num">Jobs</th><th scope="col" class="num">Running</th>\
        <th scope="col" class="num">Failed</th></tr></thead>
        <tbody>
        {{#dates}}
        <tr><th scope="row"><a href="{{href}}">{{date}}</a></th><td><progress value="{{done}}" max="{{jobs}}" \
        aria-label="{{date}}: {{done}} of {{jobs}} jobs done">{{percent}}</progress> {{percent}}</td>\
        <td class="num">{{done}}</td><td class="num">{{jobs}}</td><td class="num">{{running}}</td>\
        <td class="num {{failedClass}}">{{failed}}</td></tr>
        {{/dates}}
        </tbody>
        </table>
        </div>
        {{/hasDates}}
        {{^hasDates}}<p class="empty">No job has been queued yet.</p>{{/hasDates}}
        </section>
        <div class="grid-2">
        <section class="card" aria-labelledby="h-steps">
        <h2 id="h-steps">Step durations</h2>
        <p class="card-note">Successful attempts of the recent dates.</p>
        {{#hasSteps}}
        <div class="table-wrap" role="region" aria-labelledby="h-steps" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Step</th><th scope="col" class="num">Runs</th><th scope="col" class="num">Median</th>\
        <th scope="col" class="num">Max</th></tr></thead>
        <tbody>
        {{#steps}}
        <tr><th scope="row"><code>{{step}}</code></th><td class="num">{{runs}}</td><td class="num">{{median}}</td>\
        <td class="num">{{maximum}}</td></tr>
        {{/steps}}
        </tbody>
        </table>
        </div>
        {{/hasSteps}}
        {{^hasSteps}}<p class="empty">No step has run yet.</p>{{/hasSteps}}
        </section>
        <section class="card" aria-labelledby="h-sources">
        <h2 id="h-sources">Data freshness</h2>
        <p class="card-note">Each live source's latest fetch that parsed.</p>
        {{#hasSources}}
        <div class="table-wrap" role="region" aria-labelledby="h-sources" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Source</th><th scope="col">Last success (UTC)</th><th scope="col">Age</th></tr></thead>
        <tbody>
        {{#sources}}
        <tr><th scope="row">{{source}}</th><td>{{lastSuccess}}</td><td>{{age}}</td></tr>
        {{/sources}}
        </tbody>
        </table>
        </div>
        {{/hasSources}}
        {{^hasSources}}<p class="empty">No live fetch yet: this store's data came from files (<code>hoopcast import</code>).</p>\
        {{/hasSources}}
        </section>
        </div>
        {{#layout}}{{>foot}}{{/layout}}

        """
}
