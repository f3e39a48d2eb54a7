using System.Security.Cryptography;
using System.Text;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Model;

/// <summary>
/// What the model says about each token, derived from the catalog:
/// <list type="bullet">
/// <item><b>intents</b> — BIO over the calls the catalog can carry out, one class per call that no argument word needs to
/// name: <c>climate.ac.on</c>, <c>climate.air_distribution.set=DOWN</c>, <c>screen.open_app.open=media</c>,
/// <c>door.lock.query</c>, <c>sensor.speed.query</c>, and <c>_.up</c> for a follow-up that names no function. A segment of
/// tokens is one call, so an implicit request ("脚底下好冷") is a call although no word names it;</item>
/// <item><b>slots</b> — BIO over the argument spans that carry text: an absolute value, a relative amount, a level, free
/// text;</item>
/// <item><b>zones</b> — per token, independently, whether the call it belongs to is for each catalog zone (<c>driver</c>,
/// <c>rear</c>, <c>mine</c>, …), so "the kids in the back are cold" says <c>rear</c> with no zone word.</item>
/// </list>
/// </summary>
public sealed class LabelSet
{
    /// <summary>The operation of a question about a function's or a reading's state.</summary>
    public const string QueryOperation = "query";

    /// <summary>The operation of a screen task that takes only text ("navigate to X") or nothing ("go back").</summary>
    public const string RunOperation = "run";

    /// <summary>The function part of a follow-up's intent ("a bit higher": <c>_.up</c>).</summary>
    public const string FollowUp = "_";

    /// <summary>The operations a follow-up may carry.</summary>
    public static readonly IReadOnlyList<string> FollowUpOperations = ["on", "off", "open", "close", "up", "down"];

    /// <summary>Slot span kinds, in label order.</summary>
    public static readonly IReadOnlyList<string> SlotKinds = ["VALUE", "DELTA", "LEVEL", "TEXT"];

    private readonly Dictionary<string, int> _intentIds;
    private readonly Dictionary<string, int> _slotIds;
    private readonly ActionCatalog _catalog;

    /// <summary>Builds the labels of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The action catalog.</param>
    public LabelSet(ActionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        var intents = new List<Intent>();
        foreach (var function in catalog.Functions)
        {
            foreach (var op in Operations(function))
            {
                if (TakesEnumValue(function, op))
                {
                    intents.AddRange(function.Value.Values.Select(value => new Intent(function.Id, op, value.Value)));
                }
                else
                {
                    intents.Add(new Intent(function.Id, op, null));
                }
            }

            if (!function.IsScreenTask)
            {
                intents.Add(new Intent(function.Id, QueryOperation, null));
            }
        }

        intents.AddRange(catalog.Readings.Select(reading => new Intent(reading.Id, QueryOperation, null)));
        intents.AddRange(FollowUpOperations.Select(op => new Intent(null, op, null)));
        Intents = intents;
        IntentTags = ["O", .. intents.SelectMany(intent => new[] { "B-" + intent.Id, "I-" + intent.Id })];
        SlotTags = ["O", .. SlotKinds.SelectMany(kind => new[] { "B-" + kind, "I-" + kind })];
        Zones = [.. catalog.Zones.Select(zone => zone.Id)];
        _intentIds = intents.Select((intent, index) => (intent.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        _slotIds = SlotKinds.Select((kind, index) => (kind, index)).ToDictionary(pair => pair.kind, pair => pair.index, StringComparer.Ordinal);
        var all = string.Join('\n', IntentTags.Concat(["--"]).Concat(SlotTags).Concat(["--"]).Concat(Zones));
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)));
    }

    /// <summary>The intents in label order.</summary>
    public IReadOnlyList<Intent> Intents { get; }

    /// <summary>The intent head's labels: <c>O</c>, then <c>B-</c> and <c>I-</c> of each intent.</summary>
    public IReadOnlyList<string> IntentTags { get; }

    /// <summary>The slot head's labels: <c>O</c>, then <c>B-</c> and <c>I-</c> of each of <see cref="SlotKinds"/>.</summary>
    public IReadOnlyList<string> SlotTags { get; }

    /// <summary>The zone head's outputs, one per catalog zone.</summary>
    public IReadOnlyList<string> Zones { get; }

    /// <summary>Hash of the three label lists, recorded in the manifest.</summary>
    public string Sha256 { get; }

    /// <summary>The <c>B-</c> tag id of an intent (its <c>I-</c> tag is the next).</summary>
    /// <param name="intent">The intent id.</param>
    public int BeginTag(string intent) =>
        _intentIds.TryGetValue(intent, out var index) ? 1 + (2 * index) : throw new KeyNotFoundException($"Unknown intent {intent}.");

    /// <summary>The intent of an intent tag and whether the tag begins a call; null for <c>O</c>.</summary>
    /// <param name="tag">An intent tag id.</param>
    public (Intent Intent, bool IsBegin)? ParseIntentTag(int tag) =>
        tag <= 0 || tag >= IntentTags.Count ? null : (Intents[(tag - 1) / 2], (tag - 1) % 2 == 0);

    /// <summary>The <c>B-</c> tag id of a slot kind (its <c>I-</c> tag is the next).</summary>
    /// <param name="kind">One of <see cref="SlotKinds"/>.</param>
    public int SlotBeginTag(string kind) =>
        _slotIds.TryGetValue(kind, out var index) ? 1 + (2 * index) : throw new KeyNotFoundException($"Unknown slot {kind}.");

    /// <summary>The slot kind of a slot tag and whether it begins a span; null for <c>O</c>.</summary>
    /// <param name="tag">A slot tag id.</param>
    public (string Kind, bool IsBegin)? ParseSlotTag(int tag) =>
        tag <= 0 || tag >= SlotTags.Count ? null : (SlotKinds[(tag - 1) / 2], (tag - 1) % 2 == 0);

    /// <summary>
    /// The intent a call is labelled with: the function's own spelling of the operation (a lamp's <c>close</c> is its
    /// <c>off</c>), the value folded in where it is one of a few (<c>set=DOWN</c>, <c>open=media</c>); null when the
    /// catalog cannot carry the call out.
    /// </summary>
    /// <param name="function">The function or reading id, or null for a follow-up.</param>
    /// <param name="op">The operation.</param>
    /// <param name="enumValue">The enum value the call sets, when it sets one.</param>
    public string? IntentOf(string? function, string op, string? enumValue)
    {
        string? id;
        if (function is null)
        {
            id = new Intent(null, op, null).Id;
        }
        else if (op == QueryOperation)
        {
            id = new Intent(function, op, null).Id;
        }
        else if (_catalog.FindFunction(function) is { } found)
        {
            var canonical = CanonicalOperation(found, op);
            if (canonical is null)
            {
                return null;
            }

            id = new Intent(function, canonical, TakesEnumValue(found, canonical) ? found.FindValue(enumValue ?? "")?.Value ?? "" : null).Id;
        }
        else
        {
            return null;
        }

        return _intentIds.ContainsKey(id) ? id : null;
    }

    /// <summary>The intent with the given id, or null.</summary>
    /// <param name="id">An intent id.</param>
    public Intent? FindIntent(string id) => _intentIds.TryGetValue(id, out var index) ? Intents[index] : null;

    /// <summary>The distinct operations a function is labelled with, in catalog order.</summary>
    private static IEnumerable<string> Operations(CatalogFunction function)
    {
        if (function.Value.Type is CatalogValueType.Text or CatalogValueType.None && function.Ops.Count == 0)
        {
            return [RunOperation];
        }

        return function.Ops.Keys.Select(op => CanonicalOperation(function, op)!).Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// One spelling per effect: operations with the same literal collapse (<see cref="CatalogFunction.CanonicalOperation"/>);
    /// an operation without a literal on a function whose value is one of a few (<c>display.mode</c>'s <c>on</c>,
    /// <c>screen.open_app</c>'s <c>set</c>) is that function's one way to pick a value.
    /// </summary>
    private static string? CanonicalOperation(CatalogFunction function, string op)
    {
        if (op == RunOperation && function.Ops.Count == 0)
        {
            return op;
        }

        if (!function.Accepts(op))
        {
            return null;
        }

        if (function.Value.Type == CatalogValueType.Enum && function.Literal(op) is null && op is not ("up" or "down" or "max" or "min"))
        {
            return function.Ops.Keys.First(candidate => function.Literal(candidate) is null && candidate is not ("up" or "down" or "max" or "min"));
        }

        return function.CanonicalOperation(op);
    }

    private static bool TakesEnumValue(CatalogFunction function, string op) =>
        function.Value.Type == CatalogValueType.Enum && function.Literal(op) is null && op is not ("up" or "down" or "max" or "min");
}

/// <summary>One call class of the intent head.</summary>
/// <param name="Function">The function or reading id; null for a follow-up that names none.</param>
/// <param name="Operation">The operation (<c>query</c> for a question, <c>run</c> for a text-only screen task).</param>
/// <param name="Value">The enum value folded into the intent, or null.</param>
public sealed record Intent(string? Function, string Operation, string? Value)
{
    /// <summary>The intent's id: <c>function.op</c>, <c>function.op=VALUE</c>, or <c>_.op</c>.</summary>
    public string Id => (Function ?? LabelSet.FollowUp) + "." + Operation + (Value is null ? "" : "=" + Value);

    /// <summary>True for a question about a state.</summary>
    public bool IsQuery => Operation == LabelSet.QueryOperation;
}
