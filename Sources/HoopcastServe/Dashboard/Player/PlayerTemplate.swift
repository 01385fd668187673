/// The player page (``PlayerView``) and the player search (``PlayerSearchView``).
enum PlayerTemplate {
    static let text = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head">
        <h1><span class="name">{{name}}</span>{{#team}} <span class="team">{{.}}</span>{{/team}}</h1>
        <form class="search" method="get" action="/players/{{playerID}}">
        <div class="field"><label for="p-date">As of</label>\
        <input type="date" id="p-date" name="date" value="{{date}}"></div>
        <button type="submit">Show</button>
        </form>
        </div>
        <section class="card" aria-labelledby="h-today">
        <h2 id="h-today">Lines on {{dateLabel}}</h2>
        {{#hasToday}}
        <div class="table-wrap" role="region" aria-labelledby="h-today" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Market</th><th scope="col">Game</th><th scope="col" class="num">Line</th>\
        <th scope="col">Book</th><th scope="col" class="num">Pred.</th><th scope="col" class="num">P(over)</th>\
        <th scope="col" class="num">Edge</th><th scope="col">Call</th><th scope="col" class="num">Conf.</th></tr></thead>
        <tbody>
        {{#todays}}
        <tr><th scope="row">{{market}}</th><td>{{matchup}}</td><td class="num">{{line}}</td><td>{{book}}</td>\
        <td class="num">{{prediction}}</td><td class="num">{{pOver}}</td><td class="num {{edgeClass}}">{{edge}}</td>\
        <td><span class="call call-{{callClass}}">{{call}}</span></td><td class="num">{{confidence}}</td></tr>
        {{/todays}}
        </tbody>
        </table>
        </div>
        {{/hasToday}}
        {{^hasToday}}<p class="empty">No lined prediction for this player on the date.</p>{{/hasToday}}
        </section>
        <section class="card" aria-labelledby="h-hits">
        <h2 id="h-hits">Hit rates against the date's line</h2>
        <p class="card-note">Games this season before the date in which the stat went over the date's line.</p>
        {{#hasHitRates}}
        <div class="table-wrap" role="region" aria-labelledby="h-hits" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Market</th><th scope="col" class="num">Line</th>\
        <th scope="col" class="num">Last 5</th><th scope="col" class="num">Last 10</th>\
        <th scope="col" class="num">Last 20</th><th scope="col" class="num">Season</th></tr></thead>
        <tbody>
        {{#hitRates}}
        <tr><th scope="row">{{market}}</th><td class="num">{{line}}</td><td class="num">{{last5}}</td>\
        <td class="num">{{last10}}</td><td class="num">{{last20}}</td><td class="num">{{season}}</td></tr>
        {{/hitRates}}
        </tbody>
        </table>
        </div>
        {{/hasHitRates}}
        {{^hasHitRates}}<p class="empty">No line on the date to measure against.</p>{{/hasHitRates}}
        </section>
        <section class="card" aria-labelledby="h-log">
        <h2 id="h-log">Against the line, last {{logGames}} games</h2>
        {{#hasLog}}
        <ul class="legend">
        <li><span class="swatch bar-over"></span>Over that game's line</li>
        <li><span class="swatch bar-under"></span>Under</li>
        <li><span class="swatch bar-push"></span>Push</li>
        <li><span class="swatch bar-none"></span>No line</li>
        <li><span class="swatch line line-mark"></span>Game line</li>
        <li><span class="swatch dashed"></span>The date's line</li>
        </ul>
        <div class="grid-charts">
        {{#marketCharts}}
        <figure>
        <figcaption>{{heading}} <span class="sub">· {{caption}}</span></figcaption>
        <div class="chart-box">{{#chart}}{{{svg}}}{{/chart}}</div>
        </figure>
        {{/marketCharts}}
        </div>
        {{/hasLog}}
        {{^hasLog}}<p class="empty">No game this season before the date.</p>{{/hasLog}}
        </section>
        <section class="card" aria-labelledby="h-minutes">
        <h2 id="h-minutes">Minutes</h2>
        <p class="card-note">{{minutesSummary}}</p>
        {{#minutesChart}}
        <figure>
        <div class="chart-box">{{{svg}}}</div>
        <ul class="legend">
        <li><span class="swatch s-minutes"></span>Minutes played</li>
        <li><span class="swatch s-average"></span>Average of the last 5 games</li>
        </ul>
        </figure>
        {{/minutesChart}}
        </section>
        <section class="card" aria-labelledby="h-season">
        <h2 id="h-season">This season's predictions and results</h2>
        <p class="card-note">The ensemble's lined predictions of earlier games, newest first.</p>
        {{#hasSeason}}
        <div class="table-wrap" role="region" aria-labelledby="h-season" tabindex="0">
        <table class="data sortable">
        <thead><tr><th scope="col" data-type="text">Date</th><th scope="col" data-type="text">Game</th>\
        <th scope="col" data-type="text">Market</th><th scope="col" class="num" data-type="num">Line</th>\
        <th scope="col" class="num" data-type="num">Pred.</th><th scope="col" data-type="text">Call</th>\
        <th scope="col" class="num" data-type="num">Actual</th><th scope="col" data-type="text">Result</th></tr></thead>
        <tbody>
        {{#season}}
        <tr><th scope="row">{{date}}</th><td>{{opponent}}</td><td>{{market}}</td><td class="num">{{line}}</td>\
        <td class="num">{{prediction}}</td><td><span class="call call-{{callClass}}">{{call}}</span></td>\
        <td class="num {{actualClass}}">{{actual}}</td>\
        <td>{{#result}}<span class="call {{resultClass}}">{{.}}</span>{{/result}}</td></tr>
        {{/season}}
        </tbody>
        </table>
        </div>
        {{/hasSeason}}
        {{^hasSeason}}<p class="empty">No lined prediction for this player earlier this season.</p>{{/hasSeason}}
        </section>
        {{#layout}}{{>foot}}{{/layout}}

        """

    static let search = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head"><h1>Players</h1></div>
        <section class="card">
        <form class="search" method="get" action="/players" role="search">
        <div class="field"><label for="q">Player name</label>\
        <input type="search" id="q" name="q" value="{{query}}" minlength="2" required autocomplete="off"></div>
        <button type="submit">Search</button>
        </form>
        </section>
        {{#searched}}
        <section class="card" aria-labelledby="h-results">
        <h2 id="h-results">{{resultsHeading}}</h2>
        {{#hasResults}}
        <ul class="results">
        {{#results}}
        <li><a class="name" href="{{href}}">{{name}}</a>{{#team}} <span class="team">{{.}}</span>{{/team}}\
        {{#lastGame}} <span class="muted">· last game {{.}}</span>{{/lastGame}}</li>
        {{/results}}
        </ul>
        {{/hasResults}}
        {{^hasResults}}<p class="empty">No player matches the search.</p>{{/hasResults}}
        </section>
        {{/searched}}
        {{#hasSlate}}
        <section class="card" aria-labelledby="h-slate">
        <h2 id="h-slate">With lines on {{slateDate}}</h2>
        <ul class="results">
        {{#slatePlayers}}
        <li><a class="name" href="{{href}}">{{name}}</a>{{#team}} <span class="team">{{.}}</span>{{/team}}</li>
        {{/slatePlayers}}
        </ul>
        </section>
        {{/hasSlate}}
        {{#layout}}{{>foot}}{{/layout}}

        """
}
