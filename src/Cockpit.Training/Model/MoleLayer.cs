using Cockpit.Understanding.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

// TorchSharp's RegisterComponents names each parameter after its field, and exported and saved models carry those
// names: the fields keep them.
#pragma warning disable IDE1006

namespace Cockpit.Training.Model;

/// <summary>One pre-norm Transformer layer with a MoLE FFN (shared FFN + N lookup experts on the token embedding).</summary>
internal sealed class MoleLayer : nn.Module
{
    /// <summary>Experts each token uses in the MoE baseline (the paper's top-2).</summary>
    public const int TopK = 2;

    private readonly ModelShape config;
    private readonly Parameter norm1;
    private readonly Parameter norm2;
    private readonly Linear qkv;
    private readonly Linear output;
    private readonly Linear shared1;
    private readonly Linear shared2;
    private readonly Linear? router;
    private readonly Parameter? expertNorm;
    private readonly Parameter? w1;
    private readonly Parameter? b1;
    private readonly Parameter? w2;
    private readonly Parameter? b2;
    private readonly float dropout;

    public MoleLayer(ModelShape config, int index, float dropout = 0)
        : base($"layer{index}")
    {
        this.config = config;
        this.dropout = dropout;
        var d = config.Dim;
        norm1 = nn.Parameter(torch.ones(d));
        norm2 = nn.Parameter(torch.ones(d));
        qkv = nn.Linear(d, 3 * d);
        output = nn.Linear(d, d);
        shared1 = nn.Linear(d, config.SharedHidden);
        shared2 = nn.Linear(config.SharedHidden, d);
        if (config.UsesExperts || config.UsesHiddenStateExperts)
        {
            var n = config.Experts;
            var k = config.ExpertHidden;
            router = nn.Linear(d, n, hasBias: false);
            expertNorm = config.UsesExperts ? nn.Parameter(torch.ones(d)) : null;
            w1 = nn.Parameter(torch.randn(n, d, k) * (float)Math.Sqrt(2.0 / d));
            b1 = nn.Parameter(torch.zeros(n, 1, k));
            w2 = nn.Parameter(torch.randn(n, k, d) * (float)(0.5 / Math.Sqrt(k)));
            b2 = nn.Parameter(torch.zeros(n, 1, d));
        }

        RegisterComponents();
    }

    /// <summary>Expert outputs for distinct tokens: [U, N, d]. This is what the lookup table stores per token id.</summary>
    public Tensor Experts(Tensor eUnique)
    {
        var x = MoleEncoder.RmsNorm(eUnique, expertNorm!).unsqueeze(0);
        var hidden = torch.nn.functional.relu(torch.matmul(x, w1!) + b1!);
        return (torch.matmul(hidden, w2!) + b2!).permute(1, 0, 2);
    }

    public Tensor Forward(Tensor h, Tensor additiveMask, Tensor? eUnique, Tensor inverse)
    {
        var b = h.shape[0];
        var t = h.shape[1];
        var d = config.Dim;
        var heads = config.Heads;
        var dh = d / heads;

        var x = MoleEncoder.RmsNorm(h, norm1);
        var q = qkv.forward(x).view(b, t, 3, heads, dh).permute(2, 0, 3, 1, 4);
        var scores = torch.matmul(q[0], q[1].transpose(-1, -2)) * (float)(1.0 / Math.Sqrt(dh)) + additiveMask;
        var attention = torch.matmul(scores.softmax(-1), q[2]).permute(0, 2, 1, 3).reshape(b, t, d);
        h = h + MoleEncoder.Dropout(output.forward(attention), dropout, training);

        var u = MoleEncoder.RmsNorm(h, norm2);
        var ffn = shared2.forward(torch.nn.functional.relu(shared1.forward(u)));
        if (config.UsesHiddenStateExperts)
        {
            ffn = ffn + TopKExperts(u);
        }
        else if (router is not null && eUnique is not null)
        {
            var gate = router.forward(u).softmax(-1).unsqueeze(-2);
            var experts = Experts(eUnique).index_select(0, inverse.flatten()).view(b, t, config.Experts, d);
            ffn = ffn + torch.matmul(gate, experts).squeeze(-2);
        }

        return h + MoleEncoder.Dropout(ffn, dropout, training);
    }

    /// <summary>The MoE baseline's FFN: each token's top-k experts on its hidden state, weighted by the renormalised router.</summary>
    private Tensor TopKExperts(Tensor u)
    {
        var d = config.Dim;
        var flat = u.reshape(-1, d);
        var (top, chosen) = router!.forward(flat).topk(TopK, dim: -1);
        var gates = top.softmax(-1);
        var result = torch.zeros_like(flat);
        for (var j = 0; j < config.Experts; j++)
        {
            var weight = (gates * chosen.eq(j)).sum(-1);
            var rows = weight.nonzero().flatten();
            if (rows.shape[0] == 0)
            {
                continue;
            }

            var x = flat.index_select(0, rows);
            var hidden = torch.nn.functional.relu(torch.matmul(x, w1![j]) + b1![j]);
            var y = (torch.matmul(hidden, w2![j]) + b2![j]) * weight.index_select(0, rows).unsqueeze(-1);
            result = result.index_add(0, rows, y, 1);
        }

        return result.view(u.shape);
    }

    public IEnumerable<(string Name, Tensor Weight)> Weights()
    {
        yield return ("norm1", norm1);
        yield return ("norm2", norm2);
        yield return ("qkv.w", qkv.weight!.t());
        yield return ("qkv.b", qkv.bias!);
        yield return ("out.w", output.weight!.t());
        yield return ("out.b", output.bias!);
        yield return ("shared1.w", shared1.weight!.t());
        yield return ("shared1.b", shared1.bias!);
        yield return ("shared2.w", shared2.weight!.t());
        yield return ("shared2.b", shared2.bias!);
        if (router is not null)
        {
            yield return ("router.w", router.weight!.t());
            yield return ("expert_norm", expertNorm!);
            yield return ("experts.w1", w1!);
            yield return ("experts.b1", b1!);
            yield return ("experts.w2", w2!);
            yield return ("experts.b2", b2!);
        }
    }
}
