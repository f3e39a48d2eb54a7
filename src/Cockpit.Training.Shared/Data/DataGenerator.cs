using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Training.Data;

/// <summary>
/// Deterministic (seeded) bilingual generator: catalog phrases × templates × values, with fillers, disfluencies, ASR
/// homophone slips, Chinese/English numerals, relative values, multi-intent and out-of-domain utterances. The held-out
/// split is by template: a quarter of each frame's phrasings (and a fifth of the free-text values) never appear in training.
/// </summary>
internal sealed class DataGenerator
{
    private static readonly string[] SwitchFrames = ["switch"];
    private static readonly string[] PartialOps = ["half", "crack", "tilt"];
    private readonly ActionCatalog _catalog;
    private readonly HashSet<string> _heldOutTemplates;
    private readonly Dictionary<(string Lang, string Frame), (List<Template> Train, List<Template> Test)> _frames = [];

    public DataGenerator(ActionCatalog catalog)
    {
        _catalog = catalog;
        _heldOutTemplates = [];
        foreach (var g in TemplateBank.All.GroupBy(t => (t.Lang, t.Frame)))
        {
            var ordered = g.OrderBy(t => StableHash(t.Id)).ToList();
            var n = ordered.Count >= 3 ? Math.Max(1, ordered.Count / 4) : 0;
            var test = ordered.Take(n).ToList();
            var train = ordered.Skip(n).ToList();
            _frames[g.Key] = (train, test.Count > 0 ? test : train);
            foreach (var t in test)
            {
                _heldOutTemplates.Add(t.Id);
            }
        }
    }

    public IReadOnlySet<string> HeldOutTemplates => _heldOutTemplates;

    public static string DataHash(IEnumerable<Sample> samples)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in samples)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(s.Text + "\t" + string.Join(';', s.Spans.Select(x => $"{x.Start},{x.End},{x.Class},{x.Call},{x.Number?.ToString(CultureInfo.InvariantCulture)}")) + "\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public List<Sample> Generate(int count, bool heldOut, int seed)
    {
        var rng = new Random(seed);
        var result = new List<Sample>(count);
        while (result.Count < count)
        {
            var lang = rng.Next(2) == 0 ? "zh" : "en";
            var r = rng.NextDouble();
            Sample? s = r < 0.16 ? OutOfDomain(lang, heldOut, rng) : r < 0.33 ? Multi(lang, heldOut, rng) : r < 0.37 ? Shared(lang, heldOut, rng) : Single(lang, heldOut, rng);
            if (s is not null)
            {
                result.Add(s);
            }
        }

        return result;
    }

    private static int StableHash(string s)
    {
        var h = SHA256.HashData(Encoding.UTF8.GetBytes(s));
        return BitConverter.ToInt32(h, 0) & int.MaxValue;
    }

    private static T Pick<T>(IReadOnlyList<T> list, Random rng) => list[rng.Next(list.Count)];

    private static IReadOnlyList<string> Split(IReadOnlyList<string> values, bool heldOut) =>
        [.. values.Where((_, i) => (i % 5 == 0) == heldOut)];

    private Sample? Single(string lang, bool heldOut, Random rng)
    {
        var (pieces, template) = Call(lang, heldOut, rng, 1, multi: false);
        return pieces is null ? null : Finish(pieces, lang, template, rng, heldOut);
    }

    private Sample? Multi(string lang, bool heldOut, Random rng)
    {
        var n = rng.NextDouble() < 0.7 ? 2 : 3;
        var all = new List<Piece>();
        var ids = new List<string>();
        for (var i = 1; i <= n; i++)
        {
            var (pieces, template) = Call(lang, heldOut, rng, i, multi: true);
            if (pieces is null)
            {
                return null;
            }

            if (i > 1)
            {
                all.Add(Piece.Outside(Pick(lang == "zh" ? ValueLists.ZhConnectors : ValueLists.EnConnectors, rng)));
            }

            all.AddRange(pieces);
            ids.Add(template);
        }

        return Finish(all, lang, string.Join('+', ids), rng, heldOut);
    }

    /// <summary>Two functions that share one verb ("打开空调和座椅加热", "close the sunroof and the sunshade"): two calls.</summary>
    private Sample? Shared(string lang, bool heldOut, Random rng)
    {
        var (train, test) = _frames[(lang, "shared")];
        var template = Pick(heldOut ? test : train, rng);
        var parts = template.Pattern.Split("{and}");
        var suffixed = lang == "en" && template.Pattern.Contains("{ops}", StringComparison.Ordinal);
        var candidates = (from op in TemplateBank.SwitchOps
                          where template.Allows(op)
                          let fs = _catalog.Functions
                              .Where(f => f.Id is not "screen.open_app" and not "display.mode" && f.Accepts(op) && f.Literal(op) is not null)
                              .Where(f => !suffixed || f.PhrasesOf(_catalog.FindOperation(op)!).EnSuffix.Count > 0)
                              .ToList()
                          where fs.Count >= 2
                          select (op, fs)).ToList();
        var (shared, functions) = Pick(candidates, rng);
        var first = Pick(functions, rng);
        var second = Pick(functions.Where(f => f != first).ToList(), rng);
        var pieces = Fill(template with { Pattern = parts[0] }, first, shared, lang, heldOut, rng, 1);
        var rest = Fill(template with { Pattern = parts[1] }, second, shared, lang, heldOut, rng, 2);
        if (pieces is null || rest is null)
        {
            return null;
        }

        pieces.Add(Piece.Outside(Pick(lang == "zh" ? ValueLists.ZhConjunctions : ValueLists.EnConjunctions, rng)));
        pieces.AddRange(rest);
        return Finish(pieces, lang, template.Id, rng, heldOut);
    }

    private Sample OutOfDomain(string lang, bool heldOut, Random rng)
    {
        var pieces = new List<Piece>();
        if (rng.NextDouble() < 0.2)
        {
            var words = lang == "zh" ? ValueLists.ZhNoiseChars : ValueLists.EnNoiseWords;
            var k = rng.Next(1, 7);
            for (var i = 0; i < k; i++)
            {
                pieces.Add(Piece.Outside(Pick(words, rng)));
            }

            return Sample.FromPieces(pieces, lang, lang + ".ood.noise");
        }

        if (rng.NextDouble() < 0.2)
        {
            // Hard negatives: a function is named but nothing is asked ("what is the sunroof").
            var frame = Pick(Split(lang == "zh" ? ValueLists.ZhOodFrames : ValueLists.EnOodFrames, heldOut), rng);
            var f = Pick(_catalog.Functions.Where(x => !x.IsScreenTask).ToList(), rng);
            pieces.Add(Piece.Outside(frame.Replace("{fn}", Pick(lang == "zh" ? f.Zh : f.En, rng), StringComparison.Ordinal)));
            return Sample.FromPieces(pieces, lang, lang + ".ood.hard");
        }

        var written = rng.NextDouble() < 0.5 ? (lang == "zh" ? ValueLists.ZhOutOfDomain : ValueLists.EnOutOfDomain) : SmallTalk.For(lang);
        var list = Split(written, heldOut);
        if (rng.NextDouble() < 0.2)
        {
            pieces.Add(Piece.Outside(Pick(lang == "zh" ? ValueLists.ZhFillers : ValueLists.EnFillers, rng)));
        }

        pieces.Add(Piece.Outside(Pick(list, rng)));
        return Sample.FromPieces(pieces, lang, lang + ".ood");
    }

    private static Sample Finish(List<Piece> pieces, string lang, string template, Random rng, bool heldOut)
    {
        var zh = lang == "zh";
        if (rng.NextDouble() < 0.3)
        {
            pieces.Insert(0, Piece.Outside(Pick(zh ? ValueLists.ZhPrefixes : ValueLists.EnPrefixes, rng)));
        }
        else if (rng.NextDouble() < 0.05)
        {
            // A remark before the request ("我家的空调坏了，把空调打开"): its car words ask for nothing.
            pieces.Insert(0, Piece.Outside(Pick(Split(SmallTalk.For(lang), heldOut), rng) + (zh ? "，" : ",")));
        }

        if (rng.NextDouble() < 0.2)
        {
            pieces.Add(Suffix(Pick(zh ? ValueLists.ZhSuffixes : ValueLists.EnSuffixes, rng), pieces));
        }

        if (rng.NextDouble() < 0.1 && pieces.Count > 1)
        {
            pieces.Insert(rng.Next(1, pieces.Count), Piece.Outside(Pick(zh ? ValueLists.ZhFillers : ValueLists.EnFillers, rng) + (zh ? "" : ",")));
        }

        if (rng.NextDouble() < 0.3 && pieces.Count > 1)
        {
            // Distractors: words that ask for nothing, anywhere between pieces, so unseen literal words in new phrasings
            // are read as "outside" rather than as a request.
            var k = rng.Next(1, 3);
            for (var j = 0; j < k; j++)
            {
                pieces.Insert(rng.Next(0, pieces.Count + 1), Piece.Outside(Pick(zh ? ValueLists.ZhDistractors : ValueLists.EnDistractors, rng)));
            }
        }

        if (rng.NextDouble() < 0.06 && pieces.Count > 1)
        {
            // A restart: the occupant repeats the start of a phrase ("打开，打开空调", "turn the turn on the AC").
            var i = rng.Next(pieces.Count);
            var copy = pieces[i].Text.Trim();
            var cut = Math.Max(1, Math.Min(copy.Length, zh ? rng.Next(1, 3) : copy.Length));
            if (copy.Length > 0)
            {
                pieces.Insert(i, Piece.Outside(copy[..cut] + (zh && rng.Next(2) == 0 ? "，" : "")));
            }
        }

        if (zh && rng.NextDouble() < 0.15)
        {
            for (var i = 0; i < pieces.Count; i++)
            {
                var text = pieces[i].Text;
                foreach (var (from, to) in ValueLists.ZhSlips)
                {
                    if (text.Contains(from, StringComparison.Ordinal) && rng.NextDouble() < 0.6)
                    {
                        text = text.Replace(from, to);
                    }
                }

                pieces[i] = pieces[i] with { Text = text };
            }
        }

        if (rng.NextDouble() < 0.15)
        {
            pieces.Add(Piece.Outside(zh ? Pick<string>(["。", "！", "？"], rng) : Pick<string>([".", "?", "!"], rng)));
        }

        var sample = Sample.FromPieces(pieces, lang, template);
        if (!zh && rng.NextDouble() < 0.3 && sample.Text.Length > 0)
        {
            sample = sample with { Text = char.ToUpperInvariant(sample.Text[0]) + sample.Text[1..] };
        }

        return sample;
    }

    /// <summary>
    /// A closing phrase. "for me" is the speaker's zone in the catalog ("open the window for me"), so it is labelled so
    /// for the last call; where that call already names a zone another phrase is used.
    /// </summary>
    private static Piece Suffix(string text, List<Piece> pieces)
    {
        if (text != "for me")
        {
            return Piece.Outside(text);
        }

        var last = pieces.Max(p => p.Class is null ? 0 : p.Call);
        var zoned = pieces.Any(p => p.Call == last && p.Class?.StartsWith("ZONE:", StringComparison.Ordinal) == true);
        return last > 0 && !zoned ? new Piece(text, "ZONE:mine", last) : Piece.Outside("please");
    }

    private (List<Piece>? Pieces, string Template) Call(string lang, bool heldOut, Random rng, int call, bool multi)
    {
        string frame;
        var r = rng.NextDouble();
        frame = r switch
        {
            < 0.18 => "switch",
            < 0.22 => "question",
            < 0.36 => "set",
            < 0.43 => "level",
            < 0.53 => "rel",
            < 0.58 => "reldelta",
            < 0.63 => "extreme",
            < 0.68 => "partial",
            < 0.72 => "implied",
            < 0.80 => "enum",
            < 0.84 => "app",
            < 0.91 => "text",
            < 0.95 => "bare",
            _ => "followup",
        };
        if (multi && frame is "followup" or "implied" or "text")
        {
            frame = Pick(SwitchFrames, rng);
        }

        var (train, test) = _frames[(lang, frame)];
        var template = Pick(heldOut ? test : train, rng);
        var (function, op) = Choose(frame, lang, template, rng);
        if (op is null && function is null)
        {
            return (null, template.Id);
        }

        if (function?.Id == "screen.call")
        {
            var (ctrain, ctest) = _frames[(lang, "call")];
            template = Pick(heldOut ? ctest : ctrain, rng);
        }

        var pieces = Fill(template, function, op, lang, heldOut, rng, call);
        return (pieces, template.Id);
    }

    private (CatalogFunction? Function, string? Op) Choose(string frame, string lang, Template template, Random rng)
    {
        bool UsesSuffix() => template.Pattern.Contains("{ops}", StringComparison.Ordinal);
        bool HasSuffix(CatalogFunction? f, string op)
        {
            var operation = _catalog.FindOperation(op)!;
            return (f?.PhrasesOf(operation) ?? operation).EnSuffix.Count > 0;
        }
        IEnumerable<CatalogFunction> vehicle = _catalog.Functions;
        switch (frame)
        {
            case "switch":
            {
                var candidates = (from f in vehicle
                                  where f.Id is not "screen.open_app" and not "display.mode"
                                  from op in TemplateBank.SwitchOps
                                  where f.Accepts(op) && (f.Literal(op) is not null || f.Value.Type == CatalogValueType.Level)
                                  where template.Allows(op) && (lang == "zh" || !UsesSuffix() || HasSuffix(f, op))
                                  select (f, op)).ToList();
                return candidates.Count == 0 ? (null, null) : Pick(candidates, rng);
            }

            case "question":
            {
                var fs = vehicle.Where(f => !f.IsScreenTask && f.Value.Type != CatalogValueType.Text && AsksAbout(template, f)).ToList();
                return fs.Count == 0 ? (null, null) : (Pick(fs, rng), null);
            }

            case "set":
            {
                var fs = vehicle.Where(f => f.Value.Type == CatalogValueType.Number && f.Accepts("set")).ToList();
                return (Pick(fs, rng), "set");
            }

            case "level":
            {
                var fs = vehicle.Where(f => f.Value.Type == CatalogValueType.Level || (f.Value.Type == CatalogValueType.Number && f.Value.Levels.Count > 0)).ToList();
                return (Pick(fs, rng), "set");
            }

            case "rel" or "reldelta":
            {
                var fs = vehicle.Where(f => f.Accepts("up") && f.Accepts("down")).ToList();
                return (Pick(fs, rng), rng.Next(2) == 0 ? "up" : "down");
            }

            case "extreme":
            {
                var fs = vehicle.Where(f => f.Accepts("max") && f.Accepts("min") && f.Value.Type != CatalogValueType.Level).ToList();
                fs.AddRange(vehicle.Where(f => f.Value.Type == CatalogValueType.Level));
                return (Pick(fs, rng), rng.Next(3) == 0 ? "min" : "max");
            }

            case "partial":
            {
                var candidates = (from f in vehicle
                                  from op in PartialOps
                                  where f.Accepts(op) && template.Allows(op)
                                  where !(op == "tilt" && template.Pattern.Contains("[open", StringComparison.Ordinal))
                                  select (f, op)).ToList();
                return candidates.Count == 0 ? (null, null) : Pick(candidates, rng);
            }

            case "implied":
            {
                var ops = _catalog.Operations.Where(o => o.Implies is not null && o.Implies.Op is "up" or "down").ToList();
                var op = Pick(ops, rng);
                return (_catalog.FindFunction(op.Implies!.Function), op.Id);
            }

            case "enum":
            {
                var fs = vehicle.Where(f => f.Value.Type == CatalogValueType.Enum && !f.IsScreenTask).ToList();
                return (Pick(fs, rng), "set");
            }

            case "app":
                return (_catalog.FindFunction("screen.open_app"), rng.Next(3) == 0 ? "on" : "open");

            case "text":
            {
                var fs = vehicle.Where(f => f.Value.Type == CatalogValueType.Text).ToList();
                return (Pick(fs, rng), null);
            }

            case "bare":
            {
                if (template.Pattern.Contains("{fn}", StringComparison.Ordinal) && !template.Pattern.Contains("{op}", StringComparison.Ordinal))
                {
                    return (_catalog.FindFunction("screen.back"), null);
                }

                var ops = template.Pattern.Contains("{fn}", StringComparison.Ordinal) ? new[] { "play", "pause" } : ["play", "pause", "next", "previous", "mute"];
                var op = Pick(ops, rng);
                return (_catalog.FindFunction(_catalog.FindOperation(op)!.Implies!.Function), op);
            }

            default:
            {
                string[] ops = template.Pattern.Contains("{delta}", StringComparison.Ordinal) || template.Pattern.Contains("一点", StringComparison.Ordinal) || template.Pattern.Contains("a bit", StringComparison.Ordinal)
                    ? ["up", "down"]
                    : ["on", "off", "open", "close"];
                var op = Pick(ops, rng);
                return lang == "en" && UsesSuffix() && !HasSuffix(null, op) ? (null, null) : (null, op);
            }
        }
    }

    /// <summary>Whether a question phrasing fits a function: its kind ("switch", "amount") in place of operations.</summary>
    private static bool AsksAbout(Template template, CatalogFunction function) => template.Ops switch
    {
        ["switch"] => function.Accepts("on") || function.Accepts("open") || function.Accepts("lock"),
        ["amount"] => function.Value.Type is CatalogValueType.Number or CatalogValueType.Level,
        _ => true,
    };

    private List<Piece>? Fill(Template template, CatalogFunction? function, string? op, string lang, bool heldOut, Random rng, int call)
    {
        var zh = lang == "zh";
        var pieces = new List<Piece>();
        var operation = op is null ? null : _catalog.FindOperation(op);
        string? opPhrase = null;
        var pattern = template.Pattern;
        var zoneSlots = (pattern.Contains("{zone}", StringComparison.Ordinal) ? 1 : 0) + (pattern.Contains("{zpost}", StringComparison.Ordinal) ? 1 : 0);
        CatalogZone? zone = null;
        string? zoneSlot = null;
        if (zoneSlots > 0 && function?.Zoning is { } zoning && rng.NextDouble() < 0.6)
        {
            var zones = _catalog.Zones.Where(z => z.Id == "mine" || z.Seats.Any(zoning.Seats.Contains)).ToList();
            zone = Pick(zones, rng);
            var slots = new List<string>();
            if (pattern.Contains("{zone}", StringComparison.Ordinal))
            {
                slots.Add("{zone}");
            }

            if (!zh && pattern.Contains("{zpost}", StringComparison.Ordinal))
            {
                slots.Add("{zpost}");
            }

            zoneSlot = slots.Count == 0 ? null : Pick(slots, rng);
        }

        var valueUsesPercent = false;
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '{')
            {
                var end = pattern.IndexOf('}', i);
                var slot = pattern[i..(end + 1)];
                i = end + 1;
                switch (slot)
                {
                    case "{fn}":
                        if (function is null)
                        {
                            return null;
                        }

                        pieces.Add(new Piece(Pick(zh ? function.Zh : function.En, rng), "FN:" + function.Id, call));
                        break;
                    case "{zone}" or "{zpost}":
                        if (zone is not null && slot == zoneSlot)
                        {
                            var phrases = zh ? zone.Zh : slot == "{zone}" ? zone.En : zone.EnPost;
                            var phrase = Pick(phrases, rng);
                            if (zh && phrase.EndsWith('的') && i < pattern.Length && pattern[i] == '的')
                            {
                                phrase = phrase[..^1];
                            }

                            if (!zh && slot == "{zone}" && zone.Id is "mine" or "all" && pieces.Count > 0 && pieces[^1].Text.EndsWith("the", StringComparison.Ordinal) && pieces[^1].Class is null)
                            {
                                var prev = pieces[^1].Text;
                                pieces[^1] = pieces[^1] with { Text = prev[..^3] };
                            }

                            pieces.Add(new Piece(phrase, "ZONE:" + zone.Id, call));
                        }
                        else if (zh && i < pattern.Length && pattern[i] == '的')
                        {
                            i++;
                        }

                        break;
                    case "{op}" or "{ops}":
                        if (operation is null)
                        {
                            return null;
                        }

                        var said = function?.PhrasesOf(operation) ?? operation;
                        var list = zh ? said.Zh : slot == "{op}" ? said.En : said.EnSuffix;
                        if (list.Count == 0)
                        {
                            return null;
                        }

                        opPhrase ??= Pick(list, rng);
                        var phraseForSlot = list.Contains(opPhrase) ? opPhrase : Pick(list, rng);
                        pieces.Add(new Piece(phraseForSlot, "OP:" + CanonicalOp(function, operation.Id, phraseForSlot), call));
                        break;
                    case "{val}":
                        if (function is null)
                        {
                            return null;
                        }

                        var (text, number, percent) = Value(function, lang, rng);
                        valueUsesPercent = percent;
                        pieces.Add(new Piece(text, "NUM", call, number));
                        break;
                    case "{lvl}":
                        if (function is null)
                        {
                            return null;
                        }

                        var top = function.Value.Levels.Count - 1;
                        var k = rng.Next(1, top + 1);
                        pieces.Add(new Piece(rng.Next(2) == 0 ? k.ToString(CultureInfo.InvariantCulture) : zh ? NumberWords.ZhInteger(k, rng.Next(2) == 0) : NumberWords.EnInteger(k, rng), "LEVEL", call, k));
                        break;
                    case "{lvlword}":
                    {
                        if (function is null)
                        {
                            return null;
                        }

                        var (word, level) = Pick(LevelWords.Named(lang, function.Value.Levels.Count - 1), rng);
                        pieces.Add(new Piece(word, "LEVEL", call, level));
                        break;
                    }

                    case "{delta}":
                        var delta = Delta(function, rng);
                        pieces.Add(new Piece(NumberWords.Render(delta, lang, rng), "DELTA", call, delta));
                        break;
                    case "{unit}":
                        pieces.Add(Piece.Outside(valueUsesPercent ? "" : Unit(function, lang, rng)));
                        break;
                    case "{enum}":
                        if (function is null || function.Value.Values.Count == 0)
                        {
                            return null;
                        }

                        var v = Pick(function.Value.Values, rng);
                        var valuePhrase = Pick(zh ? v.Zh : v.En, rng);
                        var (owner, ownerValue) = template.Frame == "enum" && !pattern.Contains("{fn}", StringComparison.Ordinal) ? FirstOwner(valuePhrase, zh) ?? (function, v) : (function, v);
                        pieces.Add(new Piece(valuePhrase, $"ENUM:{owner.Id}={ownerValue.Value}", call));
                        break;
                    case "{txt}":
                        if (function?.Value.Slot is not { } textSlot)
                        {
                            return null;
                        }

                        var textValues = TextValues(textSlot, lang);
                        var textValue = !heldOut && rng.NextDouble() < 0.5
                            ? ComposedTextValues.Compose(textSlot, lang, Split(textValues, heldOut: true), rng)
                            : Pick(Split(textValues, heldOut), rng);
                        pieces.Add(new Piece(textValue, "TXT:" + textSlot, call));
                        break;
                }

                continue;
            }

            if (pattern[i] == '[')
            {
                var end = pattern.IndexOf(']', i);
                var parts = pattern[(i + 1)..end].Split('|');
                i = end + 1;
                var cls = parts[1];
                // A question's words ("is the A/C on") carry the query; "on" there is no request to switch on.
                if (cls.StartsWith("OP:", StringComparison.Ordinal) && function is not null && cls[3..] != LabelSet.QueryOperation)
                {
                    cls = "OP:" + CanonicalOp(function, cls[3..], parts[0]);
                }

                pieces.Add(new Piece(parts[0], cls, call));
                continue;
            }

            var next = pattern.IndexOfAny(['{', '['], i);
            var literal = next < 0 ? pattern[i..] : pattern[i..next];
            i = next < 0 ? pattern.Length : next;
            if (zh)
            {
                pieces.Add(Piece.Outside(literal));
            }
            else
            {
                pieces.AddRange(literal.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Piece.Outside));
            }
        }

        return pieces;
    }

    /// <summary>
    /// The function a value phrase said without its function means ("use slow": the front wipers, not the rear ones):
    /// the first in catalog order that has it, so such utterances have one label rather than a coin toss.
    /// </summary>
    private (CatalogFunction Function, CatalogEnumValue Value)? FirstOwner(string phrase, bool zh) =>
        (from f in _catalog.Functions
         where f.Value.Type == CatalogValueType.Enum && !f.IsScreenTask
         from v in f.Value.Values
         where (zh ? v.Zh : v.En).Contains(phrase)
         select ((CatalogFunction, CatalogEnumValue)?)(f, v)).FirstOrDefault();

    private string CanonicalOp(CatalogFunction? function, string op, string phrase)
    {
        if (function is null || function.Ops.Count == 0)
        {
            return op;
        }

        if (_catalog.FindOperation(op)?.Implies is not null && function.Accepts(_catalog.FindOperation(op)!.Implies!.Op))
        {
            return op;
        }

        foreach (var o in _catalog.Operations.Where(o => function.Accepts(o.Id)))
        {
            if (function.PhrasesOf(o).Contains(phrase))
            {
                return o.Id;
            }
        }

        return op;
    }

    private static string[] TextValues(string slot, string lang) => (slot, lang) switch
    {
        ("query", "zh") => ValueLists.ZhQueries,
        ("query", _) => ValueLists.EnQueries,
        ("place", "zh") => ValueLists.ZhPlaces,
        ("place", _) => ValueLists.EnPlaces,
        ("contact", "zh") => ValueLists.ZhContacts,
        ("contact", _) => ValueLists.EnContacts,
        (_, "zh") => ValueLists.ZhTargets,
        _ => ValueLists.EnTargets,
    };

    private static (string Text, double Number, bool Percent) Value(CatalogFunction function, string lang, Random rng)
    {
        var spec = function.Value;
        if (spec.Unit.En == "percent")
        {
            var v = rng.NextDouble() < 0.03 ? rng.Next(101, 200) : rng.NextDouble() < 0.6 ? rng.Next((int)spec.Min / 5, 21) * 5 : rng.Next((int)spec.Min, 101);
            v = Math.Max(v, (int)spec.Min);
            return rng.NextDouble() < 0.5 ? (NumberWords.Percent(v, lang, rng), v, true) : (NumberWords.Render(v, lang, rng), v, false);
        }

        double value = rng.NextDouble() < 0.07
            ? (rng.Next(2) == 0 ? rng.Next(0, (int)spec.Min) : rng.Next((int)spec.Max + 1, (int)spec.Max * 2))
            : spec.Min + (rng.Next((int)((spec.Max - spec.Min) / spec.Step) + 1) * spec.Step);
        if (spec.Step < 1 && rng.NextDouble() < 0.6)
        {
            value = Math.Round(value);
        }

        return (NumberWords.Render(value, lang, rng), value, false);
    }

    private static double Delta(CatalogFunction? function, Random rng)
    {
        if (function is null || function.Value.Type == CatalogValueType.Level)
        {
            return rng.Next(1, 4);
        }

        var step = function.Value.RelativeStep;
        return step <= 1 ? rng.Next(1, 6) : rng.Next(1, 6) * (step >= 10 ? 5 : 1);
    }

    private static string Unit(CatalogFunction? function, string lang, Random rng)
    {
        if (function is null)
        {
            return lang == "zh" ? Pick<string>(["度", ""], rng) : Pick<string>(["degrees", ""], rng);
        }

        var unit = function.Value.Unit;
        if (lang == "zh")
        {
            return unit.Zh == "度" ? Pick<string>(["度", "度", "摄氏度"], rng) : unit.Zh;
        }

        return unit.En switch
        {
            "degrees" => Pick<string>(["degrees", "degrees", "", "degrees celsius"], rng),
            "percent" => Pick<string>(["percent", "", "%"], rng),
            "level" => Pick<string>(["levels", "level", ""], rng),
            _ => unit.En,
        };
    }
}
