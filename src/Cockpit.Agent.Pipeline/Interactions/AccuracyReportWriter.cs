using System.Globalization;
using System.Net;
using System.Text;

namespace Cockpit.Agent.Interactions;

/// <summary>Writes an <see cref="AccuracyReport"/> as text (for a terminal) and as a self-contained HTML page with charts.</summary>
internal static class AccuracyReportWriter
{
    public static string ToText(AccuracyReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Interactions: {report.Interactions}, with a known verdict: {report.Labelled}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Execution accuracy: {Percent(report.Overall)} ({report.Overall.Correct}/{report.Overall.Total})");
        Section("By language", report.ByLanguage);
        Section("By domain", report.ByDomain);
        text.AppendLine("Outcomes:");
        foreach (var (outcome, count) in report.Outcomes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {outcome,-16} {count}");
        }

        text.AppendLine("Latency (ms)        p50      p95      p99      max");
        foreach (var (stage, latency) in report.LatencyMs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {stage,-15} {latency.P50,8:0.00} {latency.P95,8:0.00} {latency.P99,8:0.00} {latency.Max,8:0.00}");
        }

        if (report.Worst.Count > 0)
        {
            text.AppendLine("Worst utterances:");
            foreach (var worst in report.Worst)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {worst.Times}× [{worst.Language}] \"{worst.Transcript}\" → {worst.Outcome}: {worst.ModelOutput.Replace('\n', ' ')}");
            }
        }

        return text.ToString();

        void Section(string title, IReadOnlyDictionary<string, AccuracyReport.Tally> tallies)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{title}:");
            foreach (var (name, tally) in tallies)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-16} {Percent(tally),7} ({tally.Correct}/{tally.Total})");
            }
        }
    }

    public static string ToHtml(AccuracyReport report, DateTimeOffset generated)
    {
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Cockpit accuracy report</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif;margin:2rem;color:#1d2430;background:#f6f7f9}
            h1{margin:0 0 .2rem}.muted{color:#667085}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1.2rem 0}
            .card{background:#fff;border-radius:10px;padding:1rem 1.4rem;box-shadow:0 1px 3px #0002;min-width:10rem}
            .big{font-size:2rem;font-weight:700}section{background:#fff;border-radius:10px;padding:1rem 1.4rem;margin:1rem 0;box-shadow:0 1px 3px #0002}
            table{border-collapse:collapse}td,th{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #eee}
            </style></head><body>
            """);
        html.Append(CultureInfo.InvariantCulture, $"<h1>Cockpit accuracy report</h1><div class=\"muted\">Generated {generated:yyyy-MM-dd HH:mm} UTC from {report.Interactions} interactions ({report.Labelled} with a known verdict)</div>");
        html.Append("<div class=\"cards\">");
        Card("Execution accuracy", Percent(report.Overall));
        foreach (var (language, tally) in report.ByLanguage)
        {
            Card($"Accuracy ({language})", Percent(tally));
        }

        Card("Median latency", $"{report.LatencyMs["total"].P50:0.0} ms");
        Card("p99 latency", $"{report.LatencyMs["total"].P99:0.0} ms");
        html.Append("</div>");

        html.Append("<section><h2>Accuracy by domain</h2>");
        html.Append(Bars(report.ByDomain.Select(pair => (pair.Key, pair.Value.Accuracy * 100, $"{Percent(pair.Value)} ({pair.Value.Correct}/{pair.Value.Total})")).ToList(), 100));
        html.Append("</section><section><h2>Outcomes</h2>");
        var most = report.Outcomes.Count == 0 ? 1 : report.Outcomes.Values.Max();
        html.Append(Bars(report.Outcomes.Select(pair => (pair.Key, (double)pair.Value, pair.Value.ToString(CultureInfo.InvariantCulture))).ToList(), most));
        html.Append("</section><section><h2>Latency per stage (ms)</h2><table><tr><th>stage</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
        foreach (var (stage, latency) in report.LatencyMs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{stage}</td><td>{latency.P50:0.00}</td><td>{latency.P95:0.00}</td><td>{latency.P99:0.00}</td><td>{latency.Max:0.00}</td></tr>");
        }

        html.Append("</table></section><section><h2>Worst utterances</h2><table><tr><th>times</th><th>lang</th><th>utterance</th><th>outcome</th><th>model output</th></tr>");
        foreach (var worst in report.Worst)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{worst.Times}</td><td>{worst.Language}</td><td>{WebUtility.HtmlEncode(worst.Transcript)}</td><td>{worst.Outcome}</td><td>{WebUtility.HtmlEncode(worst.ModelOutput)}</td></tr>");
        }

        html.Append("</table></section></body></html>\n");
        return html.ToString();

        void Card(string title, string value) =>
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><div class=\"muted\">{WebUtility.HtmlEncode(title)}</div><div class=\"big\">{WebUtility.HtmlEncode(value)}</div></div>");
    }

    /// <summary>A horizontal bar chart as inline SVG (no scripts: the page works offline, anywhere).</summary>
    private static string Bars(IReadOnlyList<(string Label, double Value, string Caption)> bars, double scale)
    {
        const int Row = 28, LabelWidth = 160, BarWidth = 420;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + BarWidth + 160}\" height=\"{Math.Max(1, bars.Count) * Row + 8}\" role=\"img\">");
        for (var index = 0; index < bars.Count; index++)
        {
            var (label, value, caption) = bars[index];
            var y = index * Row + 4;
            var width = scale <= 0 ? 0 : Math.Max(1, value / scale * BarWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"14\">{WebUtility.HtmlEncode(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{Row - 10}\" rx=\"3\" fill=\"#3b82f6\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 8:0.#}\" y=\"{y + 17}\" font-size=\"13\" fill=\"#475467\">{WebUtility.HtmlEncode(caption)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Percent(AccuracyReport.Tally tally) =>
        tally.Total == 0 ? "n/a" : (tally.Accuracy * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
