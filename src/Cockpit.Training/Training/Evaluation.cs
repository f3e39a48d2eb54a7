using System.Text.Json.Nodes;
using Cockpit.Understanding;

namespace Cockpit.Training.Training;

/// <summary>Exact-match accounting: a sample is right when every call and every argument is right (and OOD yields none).</summary>
internal sealed class Evaluation
{
    private readonly Dictionary<string, (int Total, int Exact)> byLang = [];
    private int oodTotal;
    private int oodRejected;
    private int falseRejections;
    private int inDomainTotal;

    public List<string> Errors { get; } = [];

    public void Add(string lang, string text, IReadOnlyList<ActionCall> gold, IReadOnlyList<ActionCall> predicted)
    {
        var exact = gold.Count == predicted.Count && gold.Zip(predicted).All(p => p.First.SameAs(p.Second));
        if (gold.Count == 0)
        {
            oodTotal++;
            oodRejected += predicted.Count == 0 ? 1 : 0;
        }
        else
        {
            inDomainTotal++;
            var (t, e) = byLang.GetValueOrDefault(lang);
            byLang[lang] = (t + 1, e + (exact ? 1 : 0));
            falseRejections += predicted.Count == 0 ? 1 : 0;
        }

        if (!exact && Errors.Count < 400)
        {
            Errors.Add($"[{lang}] {text}\n   gold: {string.Join(" ; ", gold)}\n   pred: {string.Join(" ; ", predicted)}");
        }
    }

    public double Accuracy(string lang) => byLang.TryGetValue(lang, out var s) && s.Total > 0 ? (double)s.Exact / s.Total : 0;

    public double OodRejection => oodTotal == 0 ? 1 : (double)oodRejected / oodTotal;

    public double Overall => (double)(byLang.Values.Sum(v => v.Exact) + oodRejected) / Math.Max(1, inDomainTotal + oodTotal);

    public JsonObject ToJson()
    {
        var o = new JsonObject();
        foreach (var (lang, (t, e)) in byLang.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            o[lang] = new JsonObject { ["total"] = t, ["exact"] = e, ["exactMatch"] = Math.Round((double)e / t, 4) };
        }

        o["ood"] = new JsonObject { ["total"] = oodTotal, ["rejected"] = oodRejected, ["rejection"] = Math.Round(OodRejection, 4) };
        o["inDomainNoAction"] = falseRejections;
        o["overall"] = Math.Round(Overall, 4);
        return o;
    }

    public override string ToString() =>
        string.Join(", ", byLang.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key} {Accuracy(kv.Key):P2} ({kv.Value.Exact}/{kv.Value.Total})"))
        + $", OOD rejection {OodRejection:P2} ({oodRejected}/{oodTotal})";
}
