using System.Text.Json.Serialization;

namespace Cockpit.Training.Model;

/// <summary>Shape of the MoLE encoder. Defaults follow issue 4: d = 256, 4 layers, 4 heads, N = 16 lookup experts.</summary>
internal sealed record MoleConfig
{
    [JsonPropertyName("vocab")]
    public int Vocab { get; init; }

    [JsonPropertyName("dim")]
    public int Dim { get; init; } = 256;

    [JsonPropertyName("layers")]
    public int Layers { get; init; } = 4;

    [JsonPropertyName("heads")]
    public int Heads { get; init; } = 4;

    [JsonPropertyName("experts")]
    public int Experts { get; init; } = 16;

    /// <summary>Hidden size of each lookup expert FFN_j (d → expertHidden → d).</summary>
    [JsonPropertyName("expertHidden")]
    public int ExpertHidden { get; init; } = 64;

    /// <summary>Hidden size of the shared FFN.</summary>
    [JsonPropertyName("sharedHidden")]
    public int SharedHidden { get; init; } = 512;

    [JsonPropertyName("maxLength")]
    public int MaxLength { get; init; } = 64;

    [JsonPropertyName("tags")]
    public int Tags { get; init; }

    [JsonPropertyName("callClasses")]
    public int CallClasses { get; init; }

    /// <summary>
    /// <c>mole</c> (default), <c>dense</c> (shared FFN only, a baseline) or <c>moe</c> (the paper's MoE baseline: top-2 of
    /// N experts routed on the hidden state; trained and measured in TorchSharp only, never exported).
    /// </summary>
    [JsonPropertyName("variant")]
    public string Variant { get; init; } = "mole";

    [JsonIgnore]
    public bool UsesExperts => Variant == "mole";

    [JsonIgnore]
    public bool UsesHiddenStateExperts => Variant == "moe";

    /// <summary>Experts each token uses in the MoE baseline.</summary>
    [JsonPropertyName("topK")]
    public int TopK { get; init; } = 2;
}
