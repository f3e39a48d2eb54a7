using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cockpit.Understanding.Model;

namespace Cockpit.Training.Labels;

/// <summary>
/// MASSIVE 1.1 requests (human-written; <c>../shared/corpora/massive</c>, CC BY 4.0) mapped to the catalog by
/// <c>data/massive/mapping.json</c>: the train partition as training utterances (in-domain requests with their mapped
/// call, out-of-domain ones asking for nothing), the dev partition scored at the intent level.
/// </summary>
internal sealed partial class MassiveCorpus
{
    private readonly Dictionary<string, (List<string> Train, List<string> Accept)> _intents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _excluded;
    private readonly HashSet<string> _notTaughtWith;
    private readonly HashSet<string> _outOfCarSlots;
    private readonly Dictionary<string, string> _colors;
    private readonly LabelSet _labels;

    /// <param name="mappingPath">The mapping file.</param>
    /// <param name="labels">The label set the training uses.</param>
    public MassiveCorpus(string mappingPath, LabelSet labels)
    {
        _labels = labels;
        var mapping = JsonNode.Parse(File.ReadAllText(mappingPath))!.AsObject();
        foreach (var (name, entry) in mapping["intents"]!.AsObject())
        {
            _intents[name] = (
                [.. entry!["train"]!.AsArray().Select(call => call!.GetValue<string>())],
                [.. entry["accept"]!.AsArray().Select(call => call!.GetValue<string>())]);
        }

        _excluded = [.. mapping["excluded"]!.AsObject().Select(pair => pair.Key)];
        _notTaughtWith = [.. mapping["notTaughtWith"]!.AsArray().Select(slot => slot!.GetValue<string>())];
        _outOfCarSlots = [.. mapping["outOfCarSlots"]!.AsArray().Select(slot => slot!.GetValue<string>())];
        _colors = mapping["colors"]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>One MASSIVE request.</summary>
    public sealed record Request(string Id, string Lang, string Intent, string Scope, string Text, IReadOnlyDictionary<string, string> Slots);

    /// <summary>True for requests that must do nothing in a car: out of domain, or naming a place outside the car ("the kitchen lights").</summary>
    /// <param name="request">The request.</param>
    public bool IsOutOfDomain(Request request) => request.Scope is "ood" or "ood_device" || request.Slots.Keys.Any(_outOfCarSlots.Contains);

    /// <summary>Reads a partition file (<c>train.zh.jsonl</c>, <c>dev.en.jsonl</c>).</summary>
    /// <param name="path">The JSONL file.</param>
    public static List<Request> Read(string path) =>
        [.. File.ReadLines(path).Where(line => line.Length > 0).Select(line =>
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var slots = o["slots"]!.AsObject().ToDictionary(
                pair => pair.Key,
                pair => pair.Value is JsonArray many ? many[0]!.GetValue<string>() : pair.Value!.GetValue<string>(),
                StringComparer.Ordinal);
            return new Request(o["id"]!.GetValue<string>(), o["lang"]!.GetValue<string>(), o["intent"]!.GetValue<string>(), o["scope"]!.GetValue<string>(), o["text"]!.GetValue<string>(), slots);
        })];

    /// <summary>Whether the request is scored: in-domain and mapped, or out of domain.</summary>
    /// <param name="request">The request.</param>
    public bool IsScored(Request request) => IsOutOfDomain(request) || (request.Scope == "in_domain" && _intents.ContainsKey(request.Intent) && !_excluded.Contains(request.Intent));

    /// <summary>
    /// Intent-level correctness: an out-of-domain request is right when nothing is called; an in-domain one when a call's
    /// function and operation are among those its intent accepts.
    /// </summary>
    /// <param name="request">A scored request.</param>
    /// <param name="predicted">The calls understood, as <c>function.op</c>.</param>
    public bool IsRight(Request request, IReadOnlyList<string> predicted)
    {
        if (IsOutOfDomain(request))
        {
            return predicted.Count == 0;
        }

        var accept = _intents[request.Intent].Accept;
        return predicted.Any(call => accept.Any(pattern => pattern.EndsWith(".*", StringComparison.Ordinal)
            ? call.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : call == pattern));
    }

    /// <summary>The request as a training utterance (one call over the whole text, or nothing); null when it is not taught.</summary>
    /// <param name="request">A train-partition request.</param>
    public LabeledUtterance? ForTraining(Request request)
    {
        if (IsOutOfDomain(request))
        {
            return new LabeledUtterance(request.Text, request.Lang, "massive", request.Intent, [[]], [], []);
        }

        if (!IsScored(request) || request.Slots.Keys.Any(_notTaughtWith.Contains))
        {
            return null;
        }

        foreach (var template in _intents[request.Intent].Train)
        {
            if (Fill(template, request) is not { } notation)
            {
                continue;
            }

            var call = GoldCall.Parse(notation);
            if (_labels.IntentOf(call.Function, call.Operation, call.Symbol) is not { } intent)
            {
                continue;
            }

            var slots = call.Text.Values
                .Select(said => request.Text.IndexOf(said, StringComparison.Ordinal) is var at and >= 0 ? new SlotSpan("TEXT", at, at + said.Length) : null)
                .ToList();
            if (slots.Any(slot => slot is null))
            {
                continue;
            }

            return new LabeledUtterance(request.Text, request.Lang, "massive", request.Intent, [[call]],
                [new CallSegment(intent, 0, request.Text.Length, call.Zones)], [.. slots.OfType<SlotSpan>()]);
        }

        return null;
    }

    /// <summary>The template with its <c>{slot}</c> filled from the request; null when the request lacks the slot or a colour maps to none.</summary>
    private string? Fill(string template, Request request)
    {
        string? missing = null;
        var filled = SlotReference().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (!request.Slots.TryGetValue(name, out var value))
            {
                missing = name;
                return "";
            }

            if (name == "color_type")
            {
                if (!_colors.TryGetValue(value, out var color))
                {
                    missing = name;
                    return "";
                }

                return color;
            }

            return value;
        });
        return missing is null ? filled : null;
    }

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex SlotReference();
}
