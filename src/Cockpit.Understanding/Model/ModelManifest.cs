using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Model;

/// <summary>
/// <c>manifest.json</c> of a shipped understanding model: versions, file hashes, label set, training data hash and the
/// measured metrics. Format: <c>models/README.md</c>.
/// </summary>
public sealed class ModelManifest
{
    /// <summary>The manifest file name inside a model directory.</summary>
    public const string FileName = "manifest.json";

    /// <summary>Manifest format version (2: intent, slot and zone heads).</summary>
    [JsonPropertyName("format")]
    public int Format { get; init; } = 2;

    /// <summary>Model name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>Model version.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>Catalog version the model was trained against.</summary>
    [JsonPropertyName("catalogVersion")]
    public string CatalogVersion { get; init; } = "";

    /// <summary>SHA-256 of the catalog JSON the model was trained against.</summary>
    [JsonPropertyName("catalogSha256")]
    public string CatalogSha256 { get; init; } = "";

    /// <summary>SHA-256 of the label list; must match the label set derived from the catalog at run time.</summary>
    [JsonPropertyName("labelsSha256")]
    public string LabelsSha256 { get; init; } = "";

    /// <summary>The intent tags in id order (<see cref="LabelSet.IntentTags"/>).</summary>
    [JsonPropertyName("intentTags")]
    public IReadOnlyList<string> IntentTags { get; init; } = [];

    /// <summary>The slot tags in id order (<see cref="LabelSet.SlotTags"/>).</summary>
    [JsonPropertyName("slotTags")]
    public IReadOnlyList<string> SlotTags { get; init; } = [];

    /// <summary>The zone outputs in order (<see cref="LabelSet.Zones"/>).</summary>
    [JsonPropertyName("zones")]
    public IReadOnlyList<string> Zones { get; init; } = [];

    /// <summary>Encoder dimensions.</summary>
    [JsonPropertyName("config")]
    public ModelShape Config { get; init; } = new();

    /// <summary>Files by name (<c>encoder.onnx</c>, <c>experts.onnx</c>, <c>vocab.txt</c>, <c>heldout.jsonl</c>).</summary>
    [JsonPropertyName("files")]
    public IReadOnlyDictionary<string, ManifestFile> Files { get; init; } = new Dictionary<string, ManifestFile>();

    /// <summary>Training run facts: data hash, sample counts, seed, steps, step time, library versions.</summary>
    [JsonPropertyName("training")]
    public JsonObject? Training { get; init; }

    /// <summary>Measured metrics of the shipped files (held-out exact match per language, OOD rejection, latency).</summary>
    [JsonPropertyName("metrics")]
    public JsonObject? Metrics { get; init; }

    /// <summary>JSON options used to read and write manifests.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads <c>manifest.json</c> from a model directory.</summary>
    /// <param name="directory">The model directory.</param>
    public static ModelManifest Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return JsonSerializer.Deserialize<ModelManifest>(File.ReadAllBytes(path), JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    /// <param name="path">The file.</param>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Checks that every listed file exists with the recorded size and SHA-256 (a truncated copy fails on its size
    /// without being read). <see cref="UtteranceUnderstander.Open"/> calls it before using any file.
    /// </summary>
    /// <param name="directory">The model directory.</param>
    /// <exception cref="InvalidDataException">A file is missing or differs; the message names the file and both values.</exception>
    public void Verify(string directory)
    {
        foreach (var (name, file) in Files)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"Model file {path} is missing.");
            }

            var bytes = new FileInfo(path).Length;
            if (file.Bytes > 0 && bytes != file.Bytes)
            {
                throw new InvalidDataException($"Model file {path} has {bytes} bytes, the manifest says {file.Bytes}.");
            }

            var hash = HashFile(path);
            if (!string.Equals(hash, file.Sha256, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Model file {path} has SHA-256 {hash}, the manifest says {file.Sha256}.");
            }
        }
    }
}
