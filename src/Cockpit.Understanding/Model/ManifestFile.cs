using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Model;

/// <summary>A model file listed in the manifest.</summary>
public sealed class ManifestFile
{
    /// <summary>SHA-256 of the file, lower-case hex.</summary>
    [JsonPropertyName("sha256")]
    public string Sha256 { get; init; } = "";

    /// <summary>Size in bytes.</summary>
    [JsonPropertyName("bytes")]
    public long Bytes { get; init; }
}
