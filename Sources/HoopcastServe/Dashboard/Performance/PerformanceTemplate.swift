/// The performance page (``PerformanceView``).
enum PerformanceTemplate {
    static let text = """
        {{#layout}}{{>head}}{{/layout}}
        <div class="page-head">
        <h1>Performance <span class="sub">{{rangeLabel}}</span></h1>
        </div>
        <form class="filters" method="get" action="/performance" data-autosubmit>
        <div class="field"><label for="f-from">From</label>\
        <input type="date" id="f-from" name="from" value="{{from}}"></div>
        <div class="field"><label for="f-to">To</label><input type="date" id="f-to" name="to" value="{{to}}"></div>
        <div class="field"><label for="f-system">System</label><select id="f-system" name="system">
        {{#systems}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/systems}}
        </select></div>
        <div class="field"><label for="f-market">Market</label><select id="f-market" name="market">
        {{#markets}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/markets}}
        </select></div>
        <button type="submit">Apply</button>
        </form>
        <section class="card" aria-labelledby="h-record">
        <h2 id="h-record">Record by system</h2>
        <p class="card-note">OVER/UNDER calls at one unit each, {{marketName}}. MAE on lined predictions: \
        the model's against the line's own (negative difference: closer than the line).</p>
        {{#hasSummary}}
        <div class="table-wrap" role="region" aria-labelledby="h-record" tabindex="0">
        <table class="data sortable">
        <thead><tr><th scope="col" data-type="text">System</th><th scope="col" class="num" data-type="num">Bets</th>\
        <th scope="col" data-type="text">W-L-P</th><th scope="col" class="num" data-type="num">Hit rate</th>\
        <th scope="col" class="num" data-type="num">ROI</th><th scope="col" class="num" data-type="num">Units</th>\
        <th scope="col" class="num" data-type="num">Lined n</th><th scope="col" class="num" data-type="num">Model MAE</th>\
        <th scope="col" class="num" data-type="num">Line MAE</th>\
        <th scope="col" class="num" data-type="num">Difference</th></tr></thead>
        <tbody>
        {{#summary}}
        <tr><th scope="row"><span class="swatch {{swatch}}"></span> {{system}}</th><td class="num">{{bets}}</td>\
        <td>{{record}}</td><td class="num">{{hitRate}}</td><td class="num">{{roi}}</td>\
        <td class="num {{unitsClass}}">{{units}}</td><td class="num">{{lined}}</td><td class="num">{{modelMAE}}</td>\
        <td class="num">{{lineMAE}}</td><td class="num {{differenceClass}}">{{difference}}</td></tr>
        {{/summary}}
        </tbody>
        </table>
        </div>
        {{/hasSummary}}
        {{^hasSummary}}<p class="empty">Nothing is graded in this range.</p>{{/hasSummary}}
        </section>
        <section class="card" aria-labelledby="h-units">
        <h2 id="h-units">Cumulative units</h2>
        {{#unitsChart}}
        <figure>
        <div class="chart-box">{{{svg}}}</div>
        <ul class="legend">
        {{#legend}}<li><span class="swatch {{swatch}}"></span>{{name}}</li>{{/legend}}
        </ul>
        </figure>
        {{/unitsChart}}
        {{^unitsChart}}<p class="empty">No OVER/UNDER call was graded in this range.</p>{{/unitsChart}}
        </section>
        <section class="card" aria-labelledby="h-weekly">
        <h2 id="h-weekly">Model vs line MAE by week · {{systemName}}</h2>
        {{#hasWeeks}}
        <div class="table-wrap" role="region" aria-labelledby="h-weekly" tabindex="0">
        <table class="data sortable">
        <thead><tr><th scope="col" data-type="text">Week of</th><th scope="col" data-type="text">Market</th>\
        <th scope="col" class="num" data-type="num">Lined n</th><th scope="col" class="num" data-type="num">Model MAE</th>\
        <th scope="col" class="num" data-type="num">Line MAE</th>\
        <th scope="col" class="num" data-type="num">Difference</th></tr></thead>
        <tbody>
        {{#weeks}}
        <tr><th scope="row">{{week}}</th><td>{{market}}</td><td class="num">{{lined}}</td>\
        <td class="num">{{modelMAE}}</td><td class="num">{{lineMAE}}</td>\
        <td class="num {{differenceClass}}">{{difference}}</td></tr>
        {{/weeks}}
        </tbody>
        </table>
        </div>
        {{/hasWeeks}}
        {{^hasWeeks}}<p class="empty">No lined prediction of this system was graded in this range.</p>{{/hasWeeks}}
        </section>
        <div class="grid-2">
        <section class="card" aria-labelledby="h-calibration">
        <h2 id="h-calibration">Calibration · {{systemName}}, {{marketName}}</h2>
        {{#reliabilityChart}}
        <figure><div class="chart-box">{{{svg}}}</div></figure>
        {{/reliabilityChart}}
        {{#hasBuckets}}
        <div class="table-wrap" role="region" aria-labelledby="h-calibration" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">P(over) bucket</th><th scope="col" class="num">Predicted</th>\
        <th scope="col" class="num">Observed</th><th scope="col" class="num">n</th></tr></thead>
        <tbody>
        {{#buckets}}
        <tr><th scope="row">{{bucket}}</th><td class="num">{{predicted}}</td><td class="num">{{observed}}</td>\
        <td class="num">{{n}}</td></tr>
        {{/buckets}}
        </tbody>
        </table>
        </div>
        {{/hasBuckets}}
        {{^hasBuckets}}<p class="empty">No calibrated prediction with a result in this range.</p>{{/hasBuckets}}
        </section>
        <section class="card" aria-labelledby="h-edges">
        <h2 id="h-edges">Results by edge · {{systemName}}, {{marketName}}</h2>
        <p class="card-note">Every calibrated lined prediction taken on its better side, by its edge.</p>
        {{#hasEdges}}
        <div class="table-wrap" role="region" aria-labelledby="h-edges" tabindex="0">
        <table class="data">
        <thead><tr><th scope="col">Edge</th><th scope="col" class="num">Bets</th><th scope="col" class="num">Wins</th>\
        <th scope="col" class="num">Hit rate</th><th scope="col" class="num">ROI</th></tr></thead>
        <tbody>
        {{#edges}}
        <tr><th scope="row">{{range}}</th><td class="num">{{bets}}</td><td class="num">{{wins}}</td>\
        <td class="num">{{hitRate}}</td><td class="num {{roiClass}}">{{roi}}</td></tr>
        {{/edges}}
        </tbody>
        </table>
        </div>
        {{/hasEdges}}
        {{^hasEdges}}<p class="empty">No calibrated prediction with a result in this range.</p>{{/hasEdges}}
        </section>
        </div>
        {{#layout}}{{>foot}}{{/layout}}

        """
}
