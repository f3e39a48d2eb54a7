using Cockpit.Understanding.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// TorchSharp's RegisterComponents names each parameter after its field, and exported and saved models carry those
// names: the fields keep them.
#pragma warning disable IDE1006

namespace Cockpit.Training.Model;

/// <summary>
/// The MoLE encoder (Jie et al., ICML 2025) as trained: pre-norm Transformer layers whose FFN is
/// <c>h' = h + FFN_shared(u) + Σ_j softmax(W_r·u)_j · FFN_j(RMSNorm_e(e))</c>, with <c>u</c> the post-attention-normed
/// hidden state and <c>e</c> the token embedding (no position). All N experts are mixed (no top-k, no balance loss).
/// Because expert inputs depend only on the token id, they are computed once per distinct id in the batch and
/// gathered, which is also exactly what the deployed lookup table stores.
/// </summary>
internal sealed class MoleEncoder : nn.Module
{
    private readonly Embedding embedding;
    private readonly Parameter position;
    private readonly ModuleList<MoleLayer> layers;
    private readonly Parameter finalNorm;
    private readonly Linear intentHead;
    private readonly Linear slotHead;
    private readonly Linear zoneHead;
    private readonly float dropout;

    /// <param name="config">The model's shape.</param>
    /// <param name="dropout">Dropout on the embeddings and on every residual branch while training (0: none); inference
    /// is unchanged, so the experts re-parameterise into the lookup table as before.</param>
    public MoleEncoder(ModelShape config, float dropout = 0)
        : base("mole")
    {
        Config = config;
        this.dropout = dropout;
        embedding = nn.Embedding(config.Vocab, config.Dim);
        position = nn.Parameter(torch.randn(config.MaxLength, config.Dim) * 0.02f);
        layers = nn.ModuleList([.. Enumerable.Range(0, config.Layers).Select(i => new MoleLayer(config, i, dropout))]);
        finalNorm = nn.Parameter(torch.ones(config.Dim));
        intentHead = nn.Linear(config.Dim, config.IntentTags);
        slotHead = nn.Linear(config.Dim, config.SlotTags);
        zoneHead = nn.Linear(config.Dim, config.Zones);
        using (torch.no_grad())
        {
            embedding.weight!.normal_(0, 0.3);
        }

        RegisterComponents();
    }

    public ModelShape Config { get; }

    public IReadOnlyList<MoleLayer> Layers => [.. layers];

    public static Tensor RmsNorm(Tensor x, Tensor weight) =>
        x * torch.rsqrt(x.pow(2).mean([-1], keepdim: true) + 1e-6f) * weight;

    /// <summary>Dropout while training; the identity otherwise.</summary>
    public static Tensor Dropout(Tensor x, float p, bool training) =>
        training && p > 0 ? torch.nn.functional.dropout(x, p, training: true) : x;

    /// <summary>Runs the encoder.</summary>
    /// <param name="ids">[B, T] token ids.</param>
    /// <param name="mask">[B, T] 1 for tokens, 0 for padding.</param>
    /// <param name="unique">[U] distinct ids of the batch.</param>
    /// <param name="inverse">[B, T] index of each token in <paramref name="unique"/>.</param>
    /// <returns>Intent, slot and zone logits, [B, T, classes] each.</returns>
    public (Tensor Intents, Tensor Slots, Tensor Zones) Forward(Tensor ids, Tensor mask, Tensor unique, Tensor inverse)
    {
        var t = ids.shape[1];
        var e = embedding.forward(ids);
        var h = Dropout(e + position.narrow(0, 0, t).unsqueeze(0), dropout, training);
        var additive = ((1f - mask) * -1e9f).unsqueeze(1).unsqueeze(1);
        var eUnique = Config.UsesExperts ? embedding.forward(unique) : null;
        foreach (var layer in layers)
        {
            h = layer.Forward(h, additive, eUnique, inverse);
        }

        var z = RmsNorm(h, finalNorm);
        return (intentHead.forward(z), slotHead.forward(z), zoneHead.forward(z));
    }

    /// <summary>All weights by export name, as float arrays with shapes.</summary>
    public Dictionary<string, (float[] Data, long[] Shape)> ExportWeights() =>
        NamedWeights().ToDictionary(w => w.Name, w => (w.Weight.detach().cpu().contiguous().data<float>().ToArray(), w.Weight.shape), StringComparer.Ordinal);

    /// <summary>
    /// Overwrites every weight with the one of the same export name (<see cref="ExportWeights"/>'s layout, any shape of
    /// the same size), to continue training an exported model.
    /// </summary>
    /// <exception cref="InvalidDataException">A weight is missing or has another size.</exception>
    public void ImportWeights(IReadOnlyDictionary<string, float[]> weights)
    {
        using var noGrad = torch.no_grad();
        foreach (var (name, target) in NamedWeights())
        {
            if (!weights.TryGetValue(name, out var data) || data.Length != target.numel())
            {
                throw new InvalidDataException($"The model to start from has no weight '{name}' of {target.numel()} values.");
            }

            target.copy_(torch.tensor(data).reshape(target.shape));
        }
    }

    /// <summary>Every weight under its export name, as a view of the parameter (transposed where ONNX wants [in, out]).</summary>
    private IEnumerable<(string Name, Tensor Weight)> NamedWeights()
    {
        yield return ("embedding", embedding.weight!);
        yield return ("position", position);
        yield return ("final_norm", finalNorm);
        yield return ("intent_head.w", intentHead.weight!.t());
        yield return ("intent_head.b", intentHead.bias!);
        yield return ("slot_head.w", slotHead.weight!.t());
        yield return ("slot_head.b", slotHead.bias!);
        yield return ("zone_head.w", zoneHead.weight!.t());
        yield return ("zone_head.b", zoneHead.bias!);
        for (var i = 0; i < layers.Count; i++)
        {
            foreach (var (name, w) in layers[i].Weights())
            {
                yield return ($"layer{i}.{name}", w);
            }
        }
    }
}
