using System.Globalization;
using Cockpit.Training.Data;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;

namespace Cockpit.Training.Labels;

/// <summary>
/// A generated sample as a labelled utterance. The calls are assembled from what the generator rendered for each call
/// index — the function, operation, zone, enum value it picked, the numbers it chose, the free text it inserted — never
/// read back from the model's tags or through the runtime decoder.
/// </summary>
internal sealed class GeneratorLabels(ActionCatalog catalog, LabelSet labels)
{
    /// <summary>The sample as an utterance; null when one of its calls is not one the catalog carries out.</summary>
    /// <param name="sample">A generated sample.</param>
    public LabeledUtterance? From(Sample sample)
    {
        var calls = new List<GoldCall>();
        var segments = new List<CallSegment>();
        var slots = new List<SlotSpan>();
        // Functions listed around one verb ("打开空调和座椅加热") each take it: the verb is said in one call only.
        var said = sample.Spans.FirstOrDefault(span => span.Class.StartsWith("OP:", StringComparison.Ordinal));
        (string Op, string Phrase)? sharedOp = said is null ? null : (said.Class[3..], sample.Text[said.Start..said.End]);
        foreach (var group in sample.Spans.GroupBy(span => span.Call).OrderBy(group => group.Key))
        {
            var spans = group.ToList();
            var call = Call(sample.Text, spans, sharedOp);
            if (call is null || labels.IntentOf(call.Function, call.Operation, call.Symbol) is not { } intent)
            {
                return null;
            }

            calls.Add(call);
            segments.Add(new CallSegment(intent, spans.Min(span => span.Start), spans.Max(span => span.End), call.Zones));
            slots.AddRange(spans.Select(Slot).OfType<SlotSpan>());
        }

        return new LabeledUtterance(sample.Text, sample.Lang, "generator", sample.Template, [calls], segments, slots);
    }

    private GoldCall? Call(string text, List<LabelledSpan> spans, (string Op, string Phrase)? sharedOp)
    {
        string? function = null;
        string? op = null;
        string? value = null;
        double? delta = null;
        var zones = new List<string>();
        var freeText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            var (kind, rest) = span.Class.IndexOf(':') is var colon and > 0 ? (span.Class[..colon], span.Class[(colon + 1)..]) : (span.Class, "");
            switch (kind)
            {
                case "FN":
                    function = rest;
                    break;
                case "OP":
                    op = rest;
                    break;
                case "ZONE":
                    zones.Add(rest);
                    break;
                case "NUM":
                    value = Format(span.Number);
                    break;
                case "LEVEL":
                    value = "L" + Format(span.Number);
                    break;
                case "DELTA":
                    delta = span.Number;
                    break;
                case "ENUM":
                    var equals = rest.IndexOf('=');
                    function ??= rest[..equals];
                    value = rest[(equals + 1)..];
                    break;
                case "TXT":
                    freeText[rest] = text[span.Start..span.End];
                    break;
            }
        }

        // "warmer", "next", "louder": the operation names its function and what it does to it.
        if (op is not null && catalog.FindOperation(op)?.Implies is { } implied && (function is null || function == implied.Function))
        {
            (function, op) = (implied.Function, implied.Op);
        }

        op ??= function is not null && catalog.FindFunction(function) is { Ops.Count: 0 } ? LabelSet.RunOperation
            : value is not null ? "set"
            : function is not null && sharedOp is { } shared ? SharedOp(function, shared.Op, shared.Phrase)
            : null;
        return op is null ? null : new GoldCall(function, op, zones, value, delta, freeText);
    }

    /// <summary>
    /// The operation a verb said once for several functions means for one of them: the generator names it after the
    /// function it is said with ("关" is <c>off</c> for the fog lights), and another listed function may call the same
    /// word by another operation (<c>close</c> or <c>fold</c> for the mirrors).
    /// </summary>
    private string SharedOp(string function, string op, string phrase)
    {
        var own = catalog.FindFunction(function);
        if (own is null || own.Ops.Count == 0 || own.Accepts(op))
        {
            return op;
        }

        return catalog.Operations.FirstOrDefault(o => own.Accepts(o.Id) && own.PhrasesOf(o).Contains(phrase))?.Id ?? op;
    }

    private static SlotSpan? Slot(LabelledSpan span) => span.Class switch
    {
        "NUM" => new SlotSpan("VALUE", span.Start, span.End),
        "LEVEL" => new SlotSpan("LEVEL", span.Start, span.End),
        "DELTA" => new SlotSpan("DELTA", span.Start, span.End),
        _ when span.Class.StartsWith("TXT:", StringComparison.Ordinal) => new SlotSpan("TEXT", span.Start, span.End),
        _ => null,
    };

    private static string? Format(double? number) => number?.ToString(CultureInfo.InvariantCulture);
}
