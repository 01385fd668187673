/// The dashboard's one style sheet (`/assets/app.css`): no inline style anywhere, so the Content-Security-Policy
/// needs no `unsafe-inline`. Written from ``Palette``.
enum DashboardStyleSheet {
    static let text = base + layout + tables + forms + charts + series + small

    static let base = """
        :root { color-scheme: light; }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: \(Palette.page); color: \(Palette.text);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
        }
        a { color: \(Palette.accent); text-underline-offset: 2px; }
        a:hover { color: \(Palette.accentHover); }
        :focus-visible { outline: 3px solid \(Palette.navMark); outline-offset: 2px; }
        h1, h2, h3 { line-height: 1.25; margin: 0 0 .5rem; }
        h1 { font-size: 1.6rem; font-weight: 700; }
        h2 { font-size: 1.15rem; font-weight: 650; margin-top: .25rem; }
        h3 { font-size: 1rem; font-weight: 650; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
        .muted, .sub { color: \(Palette.muted); }
        .sub { font-weight: 400; font-size: .95rem; }
        .visually-hidden {
          position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
          clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
        }
        .skip { position: absolute; left: -999px; top: 0; background: \(Palette.surface); padding: .5rem 1rem; }
        .skip:focus { left: .5rem; z-index: 10; }

        """

    static let layout = """
        .top { background: \(Palette.navBackground); color: \(Palette.navText); }
        .bar {
          max-width: 1200px; margin: 0 auto; padding: .6rem 1rem; display: flex; flex-wrap: wrap;
          align-items: center; gap: .5rem 1.5rem;
        }
        .brand {
          display: inline-flex; align-items: center; gap: .5rem; color: \(Palette.navActive); font-weight: 700;
          font-size: 1.1rem; text-decoration: none;
        }
        .brand:hover { color: \(Palette.navActive); }
        .main-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.1rem; margin: 0; padding: 0; }
        .main-nav a {
          color: \(Palette.navText); text-decoration: none; padding: .35rem 0; display: inline-block;
          border-bottom: 2px solid transparent;
        }
        .main-nav a:hover { color: \(Palette.navActive); }
        .main-nav a[aria-current="page"] { color: \(Palette.navActive); border-bottom-color: \(Palette.navMark); }
        .account { margin-left: auto; display: flex; align-items: center; gap: .75rem; font-size: .9rem; }
        .account a, .account .link-button { color: \(Palette.navText); }
        .account a:hover, .account .link-button:hover { color: \(Palette.navActive); }
        .who { color: \(Palette.navActive); }
        .scope {
          border: 1px solid \(Palette.navText); border-radius: 999px; padding: 0 .45rem; font-size: .75rem;
          margin-left: .25rem; color: \(Palette.navText);
        }
        main { max-width: 1200px; margin: 0 auto; padding: 1.25rem 1rem 2rem; }
        .narrow-wrap { max-width: 480px; margin: 1rem auto 0; }
        .page-head {
          display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem 1rem;
          margin-bottom: 1rem;
        }
        .page-head h1 { margin: 0; }
        .page-head p { margin: 0; }
        .card {
          background: \(Palette.surface); border: 1px solid \(Palette.border); border-radius: 10px; padding: 1rem;
          margin-bottom: 1.25rem;
        }
        .card > h2:first-child { margin-top: 0; }
        .card-note { margin: -.25rem 0 .75rem; color: \(Palette.muted); font-size: .9rem; }
        .grid-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 1.25rem; }
        .grid-charts {
          display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr)); gap: 1rem 1.5rem;
        }
        .grid-2 > *, .grid-charts > * { min-width: 0; }
        .grid-2 { margin-bottom: 1.25rem; align-items: start; }
        .grid-2 > .card { margin-bottom: 0; }
        .stats { display: flex; flex-wrap: wrap; gap: .75rem; margin: 0 0 1.25rem; padding: 0; }
        .stat {
          background: \(Palette.surface); border: 1px solid \(Palette.border); border-radius: 10px;
          padding: .6rem .9rem; min-width: 7.5rem;
        }
        .stat dt { color: \(Palette.muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
        .stat dd { margin: 0; font-size: 1.35rem; font-weight: 650; font-variant-numeric: tabular-nums; }
        .stat-alert { border-color: \(Palette.underText); }
        .stat-alert dd { color: \(Palette.underText); }
        .date-nav { display: flex; gap: .75rem; align-items: center; font-size: .95rem; }
        .page-head form.search .field { flex: 0 1 auto; }
        .summary { color: \(Palette.muted); margin: .25rem 0 .75rem; }
        .empty { color: \(Palette.muted); font-style: italic; margin: .5rem 0; }
        .flash {
          background: \(Palette.noticeBackground); color: \(Palette.noticeText); border-radius: 8px;
          padding: .6rem .9rem; margin: 0 0 1rem;
        }
        .alert {
          background: \(Palette.errorBackground); color: \(Palette.errorText); border-radius: 8px;
          padding: .6rem .9rem; margin: 0 0 1rem;
        }
        .foot { max-width: 1200px; margin: 0 auto; padding: 0 1rem 2rem; color: \(Palette.muted); font-size: .85rem; }
        .results { list-style: none; padding: 0; margin: 0; }
        .results li { padding: .5rem 0; border-bottom: 1px solid \(Palette.grid); }
        .results li:last-child { border-bottom: 0; }
        .team { color: \(Palette.muted); font-size: .85em; font-weight: 500; }
        .name { overflow-wrap: anywhere; }

        """

    static let tables = """
        .table-wrap {
          position: relative; overflow-x: auto; background: \(Palette.surface); border: 1px solid \(Palette.border);
          border-radius: 10px; margin-bottom: 1.25rem;
        }
        .card .table-wrap { border: 0; border-radius: 0; margin: 0 -1rem; }
        table.data { border-collapse: collapse; width: 100%; font-size: .9rem; }
        table.data caption { text-align: left; padding: .75rem 1rem 0; font-weight: 650; }
        table.data th, table.data td {
          padding: .45rem .55rem; text-align: left; border-bottom: 1px solid \(Palette.grid); white-space: nowrap;
          vertical-align: middle;
        }
        table.data th:first-child, table.data td:first-child { padding-left: .75rem; }
        table.data thead th {
          background: \(Palette.surfaceAlt); color: \(Palette.muted); font-size: .78rem; font-weight: 650;
          text-transform: uppercase; letter-spacing: .03em; border-bottom: 1px solid \(Palette.border);
        }
        table.data thead th a, table.data thead th button {
          color: inherit; text-decoration: none; font: inherit; text-transform: inherit; letter-spacing: inherit;
          background: none; border: 0; padding: 0; cursor: pointer;
        }
        table.data thead th a:hover, table.data thead th button:hover { color: \(Palette.text); }
        table.data thead th[aria-sort="ascending"] a::after,
        table.data thead th[aria-sort="ascending"] button::after { content: " ▲"; }
        table.data thead th[aria-sort="descending"] a::after,
        table.data thead th[aria-sort="descending"] button::after { content: " ▼"; }
        table.data tbody tr { background: \(Palette.surface); }
        table.data tbody tr:nth-child(even) { background: \(Palette.surfaceAlt); }
        table.data tbody tr:hover { background: \(Palette.passBackground); }
        table.data tbody th:first-child { position: sticky; left: 0; background: inherit; z-index: 1; }
        table.data thead th:first-child { position: sticky; left: 0; z-index: 2; }
        table.data tbody th { font-weight: 600; }
        table.data tbody tr:last-child > * { border-bottom: 0; }
        table.data .num { text-align: right; font-variant-numeric: tabular-nums; }
        table.data td.wrap { white-space: normal; min-width: 16rem; max-width: 36rem; overflow-wrap: anywhere; }
        .pos { color: \(Palette.overText); }
        .neg { color: \(Palette.underText); }
        .call {
          display: inline-block; min-width: 4.2rem; text-align: center; border-radius: 999px; padding: .05rem .5rem;
          font-size: .78rem; font-weight: 700; letter-spacing: .03em;
        }
        .call-over, .result-win { background: \(Palette.overBackground); color: \(Palette.overText); }
        .call-under, .result-loss { background: \(Palette.underBackground); color: \(Palette.underText); }
        .call-pass, .call-no_line, .result-push, .result-void, .result-no_bet {
          background: \(Palette.passBackground); color: \(Palette.passText);
        }
        progress { width: 8rem; height: .6rem; vertical-align: middle; accent-color: \(Palette.barOver); }

        """

    static let forms = """
        form.filters {
          display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; background: \(Palette.surface);
          border: 1px solid \(Palette.border); border-radius: 10px; padding: .75rem 1rem; margin-bottom: 1rem;
        }
        .field { display: flex; flex-direction: column; gap: .2rem; }
        .field label, form.stacked label { font-size: .8rem; font-weight: 600; color: \(Palette.muted); }
        input, select, button { font: inherit; }
        input[type="date"], input[type="search"], input[type="password"], select {
          min-height: 2.3rem; padding: .3rem .55rem; border: 1px solid \(Palette.border); border-radius: 7px;
          background: \(Palette.surface); color: \(Palette.text);
        }
        button, .button {
          min-height: 2.3rem; padding: .35rem 1rem; border-radius: 7px; border: 1px solid \(Palette.accent);
          background: \(Palette.accent); color: \(Palette.accentText); font-weight: 600; cursor: pointer;
        }
        button:hover { background: \(Palette.accentHover); border-color: \(Palette.accentHover); }
        button.small { min-height: 1.9rem; padding: .15rem .75rem; font-size: .85rem; }
        .link-button {
          background: none; border: 0; padding: 0; min-height: 0; font-weight: 400; text-decoration: underline;
          text-underline-offset: 2px;
        }
        .link-button:hover { background: none; }
        form.inline { display: inline; margin: 0; }
        form.stacked { display: flex; flex-direction: column; gap: .5rem; }
        form.stacked input { width: 100%; }
        form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; }
        form.search .field { flex: 1 1 16rem; }
        .hint { color: \(Palette.muted); font-size: .85rem; margin: 0; }

        """

    static let charts = """
        figure { margin: 0; }
        figcaption { font-weight: 650; margin-bottom: .35rem; }
        figcaption .sub { font-size: .85rem; }
        .chart-box { overflow-x: auto; }
        svg.chart { display: block; width: 100%; height: auto; overflow: visible; min-width: 280px; }
        svg.chart.wide { min-width: 440px; max-width: 760px; }
        svg.chart text { font-size: 11px; font-family: inherit; }
        svg.chart.wide text { font-size: 12px; }
        svg.chart .axis { fill: \(Palette.muted); }
        svg.chart .axis-title { fill: \(Palette.muted); font-size: 11px; font-weight: 600; }
        svg.chart .n-label { fill: \(Palette.muted); font-size: 10px; }
        svg.chart .grid { stroke: \(Palette.grid); stroke-width: 1; }
        svg.chart .grid.zero { stroke: \(Palette.barPush); }
        svg.chart .bar-over { fill: \(Palette.barOver); }
        svg.chart .bar-under { fill: \(Palette.barUnder); }
        svg.chart .bar-push { fill: \(Palette.barPush); }
        svg.chart .bar-none { fill: \(Palette.barNone); }
        svg.chart .line-path { fill: none; stroke: \(Palette.lineMark); stroke-width: 1.75; }
        svg.chart .line-dot { fill: \(Palette.lineMark); }
        svg.chart .today-line { stroke: \(Palette.todayLine); stroke-width: 1.5; stroke-dasharray: 6 4; }
        svg.chart .today-label { fill: \(Palette.todayLine); font-weight: 700; }
        svg.chart .diagonal { stroke: \(Palette.barPush); stroke-width: 1.25; stroke-dasharray: 5 4; }
        svg.chart .series { fill: none; stroke-width: 2; stroke-linejoin: round; }
        svg.chart .series.s-ensemble { stroke-width: 3; }
        .legend { display: flex; flex-wrap: wrap; gap: .35rem 1rem; list-style: none; padding: 0; margin: .5rem 0 0; }
        .legend li { display: inline-flex; align-items: center; gap: .4rem; font-size: .85rem; color: \(Palette.muted); }
        .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; }
        .swatch.line { height: 3px; width: 1.2rem; border-radius: 0; }
        .swatch.dashed { height: 0; border-top: 2px dashed \(Palette.todayLine); width: 1.2rem; border-radius: 0; }
        .swatch.bar-over { background: \(Palette.barOver); }
        .swatch.bar-under { background: \(Palette.barUnder); }
        .swatch.bar-push { background: \(Palette.barPush); }
        .swatch.bar-none { background: \(Palette.barNone); }
        .swatch.line-mark { background: \(Palette.lineMark); }

        """

    static let series = Palette.series.map { cls, color in
        """
        svg.chart .series.\(cls) { stroke: \(color); }
        svg.chart .point.\(cls) { fill: \(color); }
        .swatch.\(cls) { background: \(color); }

        """
    }.joined()

    static let small = """
        @media (max-width: 640px) {
          body { font-size: 14px; }
          h1 { font-size: 1.3rem; }
          .bar { gap: .35rem 1rem; }
          .account { margin-left: 0; width: 100%; }
          main { padding: 1rem .75rem 1.5rem; }
          form.filters { padding: .6rem .75rem; }
          .field { flex: 1 1 40%; }
          .field select, .field input { width: 100%; }
          .grid-charts, .grid-2 { grid-template-columns: 1fr; }
          table.data th, table.data td { padding: .4rem .55rem; }
        }

        """
}
