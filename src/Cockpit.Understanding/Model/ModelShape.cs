using System.Text.Json.Serialization;

namespace Cockpit.Understanding.Model;

/// <summary>The encoder's dimensions as recorded in the manifest (<c>config</c>).</summary>
public sealed class ModelShape
{
    /// <summary>Vocabulary size (rows of the lookup table).</summary>
    [JsonPropertyName("vocab")]
    public int Vocab { get; init; }

    /// <summary>Hidden size d.</summary>
    [JsonPropertyName("dim")]
    public int Dim { get; init; }

    /// <summary>Number of layers L.</summary>
    [JsonPropertyName("layers")]
    public int Layers { get; init; }

    /// <summary>Attention heads.</summary>
    [JsonPropertyName("heads")]
    public int Heads { get; init; }

    /// <summary>Lookup experts per layer N.</summary>
    [JsonPropertyName("experts")]
    public int Experts { get; init; }

    /// <summary>Hidden size of one expert FFN (training only; the table stores its outputs).</summary>
    [JsonPropertyName("expertHidden")]
    public int ExpertHidden { get; init; }

    /// <summary>Hidden size of the shared FFN.</summary>
    [JsonPropertyName("sharedHidden")]
    public int SharedHidden { get; init; }

    /// <summary>Longest input in tokens; longer utterances are truncated.</summary>
    [JsonPropertyName("maxLength")]
    public int MaxLength { get; init; }

    /// <summary>Number of intent tags (<see cref="LabelSet.IntentTags"/>).</summary>
    [JsonPropertyName("intentTags")]
    public int IntentTags { get; init; }

    /// <summary>Number of slot tags (<see cref="LabelSet.SlotTags"/>).</summary>
    [JsonPropertyName("slotTags")]
    public int SlotTags { get; init; }

    /// <summary>Number of zone outputs (<see cref="LabelSet.Zones"/>).</summary>
    [JsonPropertyName("zones")]
    public int Zones { get; init; }

    /// <summary><c>mole</c> or <c>dense</c>; the training project also trains <c>moe</c>, a baseline that is never exported.</summary>
    [JsonPropertyName("variant")]
    public string Variant { get; init; } = "mole";

    /// <summary>True when the encoder takes a lookup-table input.</summary>
    [JsonIgnore]
    public bool UsesExperts => Variant == "mole";

    /// <summary>True for the MoE baseline: experts routed on the hidden state, which cannot become a table.</summary>
    [JsonIgnore]
    public bool UsesHiddenStateExperts => Variant == "moe";
}
