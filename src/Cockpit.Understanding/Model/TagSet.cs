using System.Security.Cryptography;
using System.Text;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Model;

/// <summary>
/// The model's label set, derived from the catalog: BIO tags over span classes
/// (<c>FN:function</c>, <c>OP:op</c>, <c>ZONE:zone</c>, <c>NUM</c>, <c>LEVEL</c>, <c>DELTA</c>, <c>ENUM:function=value</c>,
/// <c>TXT:slot</c>) plus a call index per token (0 = no call, 1..<see cref="MaxCalls"/>), so several actions in one
/// utterance come out by construction.
/// </summary>
internal sealed class TagSet
{
    /// <summary>Most calls one utterance can hold.</summary>
    public const int MaxCalls = 4;

    private readonly Dictionary<string, int> ids;

    public TagSet(ActionCatalog catalog)
    {
        var classes = new List<string>();
        classes.AddRange(catalog.Functions.Select(f => "FN:" + f.Id));
        classes.AddRange(catalog.Operations.Select(o => "OP:" + o.Id));
        classes.AddRange(catalog.Zones.Select(z => "ZONE:" + z.Id));
        classes.AddRange(["NUM", "LEVEL", "DELTA"]);
        foreach (var f in catalog.Functions.Where(f => f.Value.Type == CatalogValueType.Enum))
        {
            classes.AddRange(f.Value.Values.Select(v => $"ENUM:{f.Id}={v.Value}"));
        }

        classes.AddRange(catalog.Functions.Where(f => f.Value.Slot is not null).Select(f => "TXT:" + f.Value.Slot).Distinct());
        var labels = new List<string> { "O" };
        foreach (var c in classes)
        {
            labels.Add("B-" + c);
            labels.Add("I-" + c);
        }

        Labels = labels;
        ids = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', labels))));
    }

    /// <summary>Labels in id order; 0 is <c>O</c>.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int Count => Labels.Count;

    /// <summary>Number of call-index classes (0..MaxCalls).</summary>
    public static int CallClasses => MaxCalls + 1;

    /// <summary>Hash of the label list, recorded in the manifest.</summary>
    public string Sha256 { get; }

    public int Id(string label) => ids.TryGetValue(label, out var id) ? id : throw new KeyNotFoundException($"Unknown tag {label}.");

    public int Begin(string spanClass) => Id("B-" + spanClass);

    public int Inside(string spanClass) => Id("I-" + spanClass);

    /// <summary>Splits a label id into (isBegin, class); class is null for <c>O</c>.</summary>
    public (bool IsBegin, string? Class) Parse(int id)
    {
        if (id <= 0 || id >= Labels.Count)
        {
            return (false, null);
        }

        var label = Labels[id];
        return (label[0] == 'B', label[2..]);
    }
}
