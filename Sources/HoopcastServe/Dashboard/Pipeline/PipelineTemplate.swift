/// The pipeline page (``PipelineView``).
enum PipelineTemplate {
    static let text = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head"><h1>Pipeline</h1></div>
        {{#flash}}<p class="flash" role="status">{{.}}</p>{{/flash}}
        <dl class="stats" aria-label="Jobs by state">
        {{#counts}}<div class="stat{{#alert}} stat-alert{{/alert}}"><dt>{{name}}</dt><dd>{{value}}</dd></div>{{/counts}}
        </dl>
        <section class="card" aria-labelledby="h-alerts">
        <h2 id="h-alerts">Alerts</h2>
        {{#hasAlerts}}
        <div class="table-wrap" role="region" aria-labelledby="h-alerts" tabindex="0">
        <table class="data" id="alerts">
        <thead><tr><th scope="col">Severity</th><th scope="col">Alert</th><th scope="col">Since (UTC)</th>\
        <th scope="col">Sent</th></tr></thead>
        <tbody>
        {{#alerts}}
        <tr><td><span class="call {{badge}}">{{severity}}</span></td><th scope="row">{{title}} <code>{{key}}</code></th>\
        <td>{{since}}</td><td>{{notified}}</td></tr>
        {{/alerts}}
        </tbody>
        </table>
        </div>
        {{/hasAlerts}}
        {{^hasAlerts}}<p class="empty">No alert is firing (<code>hoopcast alerts list</code> shows the history).</p>\
        {{/hasAlerts}}
        </section>
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
        {{#checks}}
        <section class="card" aria-labelledby="h-checks">
        <h2 id="h-checks">Data checks</h2>
        {{#hasDates}}
        <p class="card-note">The latest result of each data-quality check for the {{dateLimit}} most recent dates \
        checked. A failed <em>error</em> check blocks its date's downstream steps; a failed <em>warn</em> check is \
        only recorded.</p>
        <div class="table-wrap" role="region" aria-labelledby="h-checks" tabindex="0">
        <table class="data" id="check-dates">
        <thead><tr><th scope="col">Date</th><th scope="col" class="num">Checks</th><th scope="col" class="num">Passed</th>\
        <th scope="col" class="num">Failed (error)</th><th scope="col" class="num">Failed (warn)</th>\
        <th scope="col" class="num">Not judged</th><th scope="col">State</th></tr></thead>
        <tbody>
        {{#dates}}
        <tr><th scope="row"><a href="/pipeline?checks={{date}}#h-check-detail">{{date}}</a></th><td class="num">{{checks}}</td><td class="num">{{passed}}</td>\
        <td class="num {{errorClass}}">{{failedErrors}}</td><td class="num {{warnClass}}">{{failedWarnings}}</td>\
        <td class="num">{{notJudged}}</td><td class="wrap"><span class="call {{stateClass}}">{{state}}</span>\
        {{#blocked}} by {{blockedNoun}} <code>{{blockedBy}}</code>; see <code>{{command}}</code>{{/blocked}}\
        {{^blocked}}{{#hasWarnings}} <code>{{warnings}}</code>{{/hasWarnings}}{{/blocked}}</td></tr>
        {{/dates}}
        </tbody>
        </table>
        </div>
        {{/hasDates}}
        {{^hasDates}}<p class="empty">No data check has run yet: the checks run as the pipeline's steps \
        <code>check.raw</code>, <code>check.features</code> and <code>check.predictions</code>, or for one date with \
        <code>hoopcast check --date D</code>.</p>{{/hasDates}}
        </section>
        {{#detail}}
        <section class="card" aria-labelledby="h-check-detail">
        <h2 id="h-check-detail">Checks of {{date}}</h2>
        <p class="card-note">The latest result of each check, failing checks first; last checked {{checkedAt}}.</p>
        {{#blocked}}<p class="alert" id="check-blocked">{{date}} is blocked by the failed error {{blockedNoun}} \
        <code>{{blockedBy}}</code>: its downstream steps do not run until the data is fixed. The failing rows are \
        below; <code>{{command}}</code> checks the date again and lists them.</p>{{/blocked}}
        <div class="table-wrap" role="region" aria-labelledby="h-check-detail" tabindex="0">
        <table class="data" id="checks">
        <thead><tr><th scope="col">Check</th><th scope="col">Layer</th><th scope="col">Severity</th>\
        <th scope="col">Status</th><th scope="col" class="num">Checked</th><th scope="col" class="num">Failed</th>\
        <th scope="col">Summary</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row"><code>{{name}}</code></th><td>{{layer}}</td><td class="{{severityClass}}">{{severity}}</td>\
        <td><span class="call {{statusClass}}">{{status}}</span></td><td class="num">{{checked}}</td>\
        <td class="num {{failedClass}}">{{failed}}</td><td class="wrap">{{summary}}\
        {{#hasSample}}<details><summary>{{sampleNote}}</summary>\
        {{#hasThreshold}}<p>Threshold: {{threshold}}</p>{{/hasThreshold}}\
        <p>Stored by <code>{{step}}</code> in run <code>{{runID}}</code>.</p><ul class="results">\
        {{#sample}}<li><code>{{key}}</code> {{values}}</li>{{/sample}}</ul></details>{{/hasSample}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        </section>
        {{/detail}}
        {{/checks}}
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
        <p class="card-note">Each live source's latest fetch that parsed, and whether its ingests are failing now.</p>
        {{#hasSources}}
        <div class="table-wrap" role="region" aria-labelledby="h-sources" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Source</th><th scope="col">Last success (UTC)</th><th scope="col">Age</th>\
        <th scope="col">State</th></tr></thead>
        <tbody>
        {{#sources}}
        <tr><th scope="row">{{source}}</th><td>{{lastSuccess}}</td><td>{{age}}</td>\
        <td class="wrap">{{#failing}}<span class="call call-under">FAILING</span> {{.}}{{/failing}}\
        {{^failing}}<span class="call call-over">OK</span>{{/failing}}</td></tr>
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
