/// The slate page (``TonightView``).
enum TonightTemplate {
    static let text = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head">
        <h1>Slate <span class="sub">{{dateLabel}}</span></h1>
        <nav class="date-nav" aria-label="Other dates">
        {{#previousHref}}<a href="{{.}}" rel="prev">← {{previousLabel}}</a>{{/previousHref}}
        {{#nextHref}}<a href="{{.}}" rel="next">{{nextLabel}} →</a>{{/nextHref}}
        </nav>
        </div>
        <form class="filters" method="get" action="/tonight" data-autosubmit>
        <div class="field"><label for="f-date">Date</label>\
        <input type="date" id="f-date" name="date" value="{{date}}"></div>
        <div class="field"><label for="f-market">Market</label><select id="f-market" name="market">
        {{#markets}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/markets}}
        </select></div>
        <div class="field"><label for="f-game">Game</label><select id="f-game" name="game">
        {{#games}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/games}}
        </select></div>
        <div class="field"><label for="f-system">System</label><select id="f-system" name="system">
        {{#systems}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/systems}}
        </select></div>
        <div class="field"><label for="f-show">Show</label><select id="f-show" name="show">
        {{#shows}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/shows}}
        </select></div>
        <button type="submit">Apply</button>
        </form>
        {{#hasRows}}
        <p class="summary" id="slate-summary">{{summary}}</p>
        <div class="table-wrap" role="region" aria-labelledby="slate-caption" tabindex="0">
        <table class="data sortable" id="slate">
        <caption id="slate-caption" class="visually-hidden">{{caption}}</caption>
        <thead><tr>
        {{#columns}}
        <th scope="col"{{#numeric}} class="num"{{/numeric}} data-type="{{type}}"\
        {{#ariaSort}} aria-sort="{{.}}"{{/ariaSort}}>{{#href}}<a href="{{.}}">{{label}}</a>{{/href}}\
        {{^href}}{{label}}{{/href}}</th>
        {{/columns}}
        </tr></thead>
        <tbody>
        {{#rows}}
        <tr>
        <th scope="row" data-value="{{playerName}}"><a class="name" href="{{playerHref}}">{{playerName}}</a> \
        <span class="team">{{team}}</span></th>
        <td>{{matchup}}</td>
        <td>{{market}}</td>
        <td class="num">{{line}}</td>
        <td>{{book}}</td>
        <td class="num">{{prediction}}</td>
        <td class="num" data-value="{{pOverValue}}">{{pOver}}</td>
        <td class="num {{edgeClass}}" data-value="{{edgeValue}}">{{edge}}</td>
        <td><span class="call call-{{callClass}}">{{call}}</span></td>
        <td class="num">{{confidence}}</td>
        <td class="num {{actualClass}}">{{actual}}</td>
        <td>{{#result}}<span class="call {{resultClass}}">{{.}}</span>{{/result}}</td>
        </tr>
        {{/rows}}
        </tbody>
        </table>
        </div>
        {{/hasRows}}
        {{^hasRows}}
        <p class="empty">{{emptyMessage}}</p>
        {{/hasRows}}
        {{#layout}}{{>foot}}{{/layout}}

        """
}
