using System.Diagnostics;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Understanding;

/// <summary>
/// The on-device understanding model: tokenizer → lookup-table gather (memory-mapped) → ONNX Runtime encoder → intent,
/// slot and zone heads decoded into calls (<see cref="CallDecoder"/>). Thread-safe; open once and share.
/// </summary>
public sealed class UtteranceUnderstander : IDisposable
{
    private readonly Tokenizer _tokenizer;
    private readonly CallDecoder _decoder;
    private readonly EncoderSession _session;
    private readonly LookupTable? _table;
    private UtteranceUnderstander(ModelManifest manifest, ActionCatalog catalog, Tokenizer tokenizer, LabelSet labels, EncoderSession session, LookupTable? table)
    {
        Manifest = manifest;
        Catalog = catalog;
        _tokenizer = tokenizer;
        _decoder = new CallDecoder(catalog, labels);
        _session = session;
        _table = table;
    }

    /// <summary>The manifest of the loaded model.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>The action catalog the calls refer to.</summary>
    public ActionCatalog Catalog { get; }

    /// <summary>Path of the memory-mapped lookup table, or null for a dense model.</summary>
    public string? LookupTablePath => _table?.Path;

    /// <summary>Whether the experts run in the fused kernel (see <see cref="UnderstandingOptions.UseFusedKernel"/>).</summary>
    public bool UsesFusedKernel => _session.IsFused;

    /// <summary>Opens a model directory; builds the lookup table into the cache directory on first start.</summary>
    /// <param name="options">Where the model and the cache are, and thread counts.</param>
    /// <param name="catalog">The catalog; defaults to the embedded one.</param>
    /// <exception cref="InvalidDataException">A file is missing, differs from the manifest, or the label set does not match the catalog.</exception>
    public static UtteranceUnderstander Open(UnderstandingOptions options, ActionCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        catalog ??= ActionCatalog.Default;
        var dir = options.ModelDirectory;
        var manifest = ModelManifest.Load(dir);
        if (options.VerifyHashes)
        {
            manifest.Verify(dir);
        }

        var labels = new LabelSet(catalog);
        if (!string.Equals(labels.Sha256, manifest.LabelsSha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The model in {dir} was trained for another label set (catalog {manifest.CatalogVersion}); retrain or update the catalog.");
        }

        var tokenizer = Tokenizer.FromFile(Path.Combine(dir, "vocab.txt"));
        LookupTable? table = null;
        if (manifest.Config.UsesExperts)
        {
            var expertsSha = manifest.Files.TryGetValue("experts.onnx", out var f) ? f.Sha256 : ModelManifest.HashFile(Path.Combine(dir, "experts.onnx"));
            var cachePath = Path.Combine(options.CacheDirectory, LookupTable.FileNameFor(expertsSha, options.TablePrecision));
            table = LookupTable.OpenOrBuild(cachePath, Path.Combine(dir, "experts.onnx"), expertsSha, manifest.Config, options.BuildThreads, options.TablePrecision, options.ResidentTable);
        }

        var kernel = options.UseFusedKernel ? EncoderSession.KernelLibrary : null;
        var session = new EncoderSession(Path.Combine(dir, "encoder.onnx"), manifest.Config, table, options.IntraOpThreads, kernel);
        return new UtteranceUnderstander(manifest, catalog, tokenizer, labels, session, table);
    }

    /// <summary>Detects the language from the script: any Chinese character means <c>zh</c>.</summary>
    /// <param name="text">The utterance.</param>
    public static string DetectLanguage(string text) => text.Any(Tokenizer.IsCjk) ? "zh" : "en";

    /// <summary>Understands one utterance.</summary>
    /// <param name="text">The utterance (as typed or recognised).</param>
    /// <param name="language">Language hint (<c>zh</c> / <c>en</c>), or null to detect.</param>
    /// <param name="speakingSeat">Who speaks; recorded on the result (the resolver uses it for "my").</param>
    public UnderstandingResult Understand(string text, string? language = null, Seat speakingSeat = Seat.Driver) =>
        UnderstandBatch([text], language)[0] with { SpeakingSeat = speakingSeat };

    /// <summary>Understands several utterances in one encoder run.</summary>
    /// <param name="texts">The utterances.</param>
    /// <param name="language">Language hint for all, or null to detect each.</param>
    public IReadOnlyList<UnderstandingResult> UnderstandBatch(IReadOnlyList<string> texts, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var watch = Stopwatch.StartNew();
        var (tokenized, length, intents, slots, zones) = Encode(texts);
        var batch = texts.Count;
        var results = new UnderstandingResult[batch];
        var (nIntents, nSlots, nZones) = (Manifest.Config.IntentTags, Manifest.Config.SlotTags, Manifest.Config.Zones);
        for (var b = 0; b < batch; b++)
        {
            var text = texts[b] ?? "";
            var n = tokenized[b].Count;
            var (decoded, confidence) = _decoder.Decode(
                text,
                tokenized[b],
                intents.AsSpan(b * length * nIntents, n * nIntents),
                slots.AsSpan(b * length * nSlots, n * nSlots),
                zones.AsSpan(b * length * nZones, n * nZones));
            results[b] = new UnderstandingResult
            {
                Text = text,
                Language = language ?? DetectLanguage(text),
                Calls = decoded,
                Confidence = confidence,
                Elapsed = watch.Elapsed / batch,
            };
        }

        return results;
    }

    /// <summary>Runs the encoder over a batch: each utterance's tokens (cut to the model's length) and the intent, slot and
    /// zone logits, row-major [batch, length, classes].</summary>
    internal (List<IReadOnlyList<Token>> Tokens, int Length, float[] Intents, float[] Slots, float[] Zones) Encode(IReadOnlyList<string> texts)
    {
        var max = Manifest.Config.MaxLength;
        var tokenized = texts.Select(t => _tokenizer.Encode(t ?? "")).Select(t => t.Count > max ? [.. t.Take(max)] : t).ToList();
        var length = Math.Max(1, tokenized.Max(t => t.Count));
        var batch = texts.Count;
        var ids = new long[batch * length];
        var mask = new float[batch * length];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < tokenized[b].Count; i++)
            {
                ids[(b * length) + i] = tokenized[b][i].Id;
                mask[(b * length) + i] = 1;
            }
        }

        var (intents, slots, zones) = _session.Run(ids, mask, batch, length);
        return (tokenized, length, intents, slots, zones);
    }

    /// <summary>Releases the ONNX Runtime session and the memory map.</summary>
    public void Dispose()
    {
        _session.Dispose();
        _table?.Dispose();
    }
}
