using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Cockpit.Speech.Training;

/// <summary>
/// Whisper's architecture as whisper.cpp runs it, with parameters named and shaped as in OpenAI's checkpoints (so the
/// export is a rename-free copy): conv stem (k3; k3 stride 2; GELU), fixed sinusoidal positions, pre-LN blocks,
/// ln_post; a decoder with learned positions, causal self-attention, cross-attention and logits tied to the token
/// embedding. The embedding holds only the domain's rows (text units, then the special tokens); the ~51k other rows
/// are exported as zeros, so at inference each of them scores 0. Training adds one constant column of
/// log(zero rows) to the softmax, which is what those rows weigh together, so the model learns to beat them.
/// </summary>
internal sealed class SpeechWhisperModel : nn.Module
{
    private readonly SpeechModelConfig _config;
    private readonly Dictionary<string, Parameter> _weights = new(StringComparer.Ordinal);
    private readonly Tensor _encoderPositions;
    private readonly float _zeroRowsLogit;
    private readonly Parameter _ctcWeight;
    private readonly Parameter _ctcBias;

    public SpeechWhisperModel(SpeechModelConfig config, int compactVocabulary)
        : base("speech_whisper")
    {
        _config = config;
        var d = config.Dim;
        _zeroRowsLogit = (float)Math.Log(SpeechVocabulary.FullVocabulary - compactVocabulary);
        _encoderPositions = Sinusoids(config.AudioContext, d);
        register_buffer("encoder_positional_embedding", _encoderPositions);
        Add("encoder.conv1.weight", torch.randn(d, config.Mels, 3) * (float)Math.Sqrt(1.0 / (config.Mels * 3)));
        Add("encoder.conv1.bias", torch.zeros(d));
        Add("encoder.conv2.weight", torch.randn(d, d, 3) * (float)Math.Sqrt(1.0 / (d * 3)));
        Add("encoder.conv2.bias", torch.zeros(d));
        for (var i = 0; i < config.AudioLayers; i++)
        {
            AddBlock($"encoder.blocks.{i}.", cross: false);
        }

        AddNorm("encoder.ln_post");
        Add("decoder.token_embedding.weight", torch.randn(compactVocabulary, d) * 0.02f);
        Add("decoder.positional_embedding", torch.randn(config.TextContext, d) * 0.01f);
        for (var i = 0; i < config.TextLayers; i++)
        {
            AddBlock($"decoder.blocks.{i}.", cross: true);
        }

        AddNorm("decoder.ln");

        // Training-only CTC head over the text units plus a blank: it teaches the encoder to align with the text much
        // sooner than cross-attention alone does. whisper.cpp never sees it.
        var units = compactVocabulary - SpeechVocabulary.Specials.Length;
        _ctcWeight = nn.Parameter(torch.randn(units + 1, d) * 0.02f);
        _ctcBias = nn.Parameter(BlankBiasedCtcBias(units));
        register_parameter("ctc_weight", _ctcWeight);
        register_parameter("ctc_bias", _ctcBias);
    }

    /// <summary>
    /// The CTC head's initial bias: 0 for every unit and ln(9 · units) for the blank, so the untrained head already
    /// calls ~90 % of frames blank, as an aligned clip does (≤ 34 units in 200 positions). From a uniform start the
    /// first updates instead push every frame towards the blank through the whole encoder, which collapses its output
    /// to one vector for all frames and clips (measured: frame-to-frame std 0.04 after 30 steps) and leaves the head
    /// emitting only blanks for thousands of steps.
    /// </summary>
    private static Tensor BlankBiasedCtcBias(int units)
    {
        var bias = new float[units + 1];
        bias[units] = (float)Math.Log(9.0 * units);
        return torch.tensor(bias);
    }

    /// <summary>CTC log-probabilities [T, B, units + 1] (blank last) of the encoder output.</summary>
    public Tensor CtcLogProbabilities(Tensor audio) => F.linear(audio, _ctcWeight, _ctcBias).log_softmax(-1).transpose(0, 1);

    public SpeechModelConfig Config => _config;

    /// <summary>The encoder's parameters and the CTC head's: all that CTC-only training updates.</summary>
    public IEnumerable<Parameter> EncoderParameters() =>
        [.. _weights.Where(w => w.Key.StartsWith("encoder.", StringComparison.Ordinal)).Select(w => w.Value), _ctcWeight, _ctcBias];

    /// <summary>Encoder output [B, n_audio_ctx, d] for log-mel features [B, mels, 2·n_audio_ctx].</summary>
    public Tensor Encode(Tensor mel)
    {
        var x = F.gelu(F.conv1d(mel, W("encoder.conv1.weight"), W("encoder.conv1.bias"), padding: 1));
        x = F.gelu(F.conv1d(x, W("encoder.conv2.weight"), W("encoder.conv2.bias"), stride: 2, padding: 1));
        x = x.permute(0, 2, 1) + _encoderPositions;
        for (var i = 0; i < _config.AudioLayers; i++)
        {
            var p = $"encoder.blocks.{i}.";
            var h = Norm(x, p + "attn_ln");
            x = x + Attention(p + "attn", h, h, null);
            x = x + Mlp(p, Norm(x, p + "mlp_ln"));
        }

        return Norm(x, "encoder.ln_post");
    }

    /// <summary>Logits [B, L, compact + 1] (the last column stands for the zero rows) for compact token ids [B, L].</summary>
    public Tensor Decode(Tensor tokens, Tensor audio)
    {
        var length = tokens.shape[1];
        var embedding = W("decoder.token_embedding.weight");
        var x = embedding.index_select(0, tokens.flatten()).view(tokens.shape[0], length, -1) + W("decoder.positional_embedding").narrow(0, 0, length);
        using var causal = torch.triu(torch.full(length, length, float.NegativeInfinity), 1);
        for (var i = 0; i < _config.TextLayers; i++)
        {
            var p = $"decoder.blocks.{i}.";
            var h = Norm(x, p + "attn_ln");
            x = x + Attention(p + "attn", h, h, causal);
            x = x + Attention(p + "cross_attn", Norm(x, p + "cross_attn_ln"), audio, null);
            x = x + Mlp(p, Norm(x, p + "mlp_ln"));
        }

        x = Norm(x, "decoder.ln");
        var logits = torch.matmul(x, embedding.t());
        var zeros = torch.full(logits.shape[0], logits.shape[1], 1, _zeroRowsLogit);
        return torch.cat([logits, zeros], 2);
    }

    /// <summary>Every tensor whisper.cpp reads, by its name, as float values in PyTorch row-major order.</summary>
    public Dictionary<string, float[]> ExportWeights(SpeechVocabulary vocabulary)
    {
        using var noGrad = torch.no_grad();
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, parameter) in _weights)
        {
            result[name] = parameter.detach().contiguous().data<float>().ToArray();
        }

        result["encoder.positional_embedding"] = _encoderPositions.contiguous().data<float>().ToArray();
        var d = _config.Dim;
        var compact = result["decoder.token_embedding.weight"];
        var full = new float[(long)SpeechVocabulary.FullVocabulary * d];
        for (var row = 0; row < vocabulary.CompactSize; row++)
        {
            Array.Copy(compact, row * d, full, (long)vocabulary.FullId(row) * d, d);
        }

        result["decoder.token_embedding.weight"] = full;
        return result;
    }

    /// <summary>
    /// Sets every weight whisper.cpp reads from <paramref name="tensors"/> (as <see cref="ExportWeights"/> wrote them),
    /// taking the domain's rows of the full token embedding; the training-only CTC head keeps its fresh start.
    /// </summary>
    public void ImportWeights(IReadOnlyDictionary<string, float[]> tensors, SpeechVocabulary vocabulary)
    {
        using var noGrad = torch.no_grad();
        var d = _config.Dim;
        foreach (var (name, parameter) in _weights)
        {
            var values = tensors.TryGetValue(name, out var found) ? found : throw new InvalidDataException($"the model file has no tensor '{name}'");
            if (name == "decoder.token_embedding.weight")
            {
                var compact = new float[vocabulary.CompactSize * d];
                for (var row = 0; row < vocabulary.CompactSize; row++)
                {
                    Array.Copy(values, (long)vocabulary.FullId(row) * d, compact, row * d, d);
                }

                values = compact;
            }

            if (values.Length != parameter.numel())
            {
                throw new InvalidDataException($"tensor '{name}' holds {values.Length} values; this model's needs {parameter.numel()} ({string.Join(" x ", parameter.shape)})");
            }

            parameter.copy_(torch.tensor(values).view(parameter.shape));
        }
    }

    private static Tensor Sinusoids(int length, int channels)
    {
        // Whisper's sinusoids(): sin then cos halves, timescales from 1 to 10000.
        var increment = Math.Log(10000) / ((channels / 2) - 1);
        var inverse = torch.exp(torch.arange(channels / 2, dtype: ScalarType.Float32) * (float)-increment);
        var time = torch.arange(length, dtype: ScalarType.Float32).unsqueeze(1) * inverse.unsqueeze(0);
        return torch.cat([torch.sin(time), torch.cos(time)], 1);
    }

    private Tensor Attention(string p, Tensor x, Tensor source, Tensor? mask)
    {
        var b = x.shape[0];
        var heads = _config.Heads;
        var dh = _config.Dim / heads;
        var q = F.linear(x, W(p + ".query.weight"), W(p + ".query.bias")).view(b, -1, heads, dh).transpose(1, 2);
        var k = F.linear(source, W(p + ".key.weight")).view(b, -1, heads, dh).transpose(1, 2);
        var v = F.linear(source, W(p + ".value.weight"), W(p + ".value.bias")).view(b, -1, heads, dh).transpose(1, 2);
        var scores = torch.matmul(q, k.transpose(-1, -2)) * (float)(1.0 / Math.Sqrt(dh));
        if (mask is not null)
        {
            scores = scores + mask;
        }

        var attended = torch.matmul(scores.softmax(-1), v).transpose(1, 2).reshape(b, -1, _config.Dim);
        return F.linear(attended, W(p + ".out.weight"), W(p + ".out.bias"));
    }

    private Tensor Mlp(string p, Tensor x) =>
        F.linear(F.gelu(F.linear(x, W(p + "mlp.0.weight"), W(p + "mlp.0.bias"))), W(p + "mlp.2.weight"), W(p + "mlp.2.bias"));

    private Tensor Norm(Tensor x, string p) => F.layer_norm(x, [_config.Dim], W(p + ".weight"), W(p + ".bias"), 1e-5);

    private Parameter W(string name) => _weights[name];

    private void Add(string name, Tensor init)
    {
        var parameter = nn.Parameter(init);
        _weights[name] = parameter;
        register_parameter(name.Replace('.', '_'), parameter);
    }

    private void AddNorm(string p)
    {
        Add(p + ".weight", torch.ones(_config.Dim));
        Add(p + ".bias", torch.zeros(_config.Dim));
    }

    private void AddBlock(string p, bool cross)
    {
        var d = _config.Dim;
        AddAttention(p + "attn");
        if (cross)
        {
            AddAttention(p + "cross_attn");
        }

        AddNorm(p + "mlp_ln");
        Add(p + "mlp.0.weight", torch.randn(4 * d, d) * 0.02f);
        Add(p + "mlp.0.bias", torch.zeros(4 * d));
        Add(p + "mlp.2.weight", torch.randn(d, 4 * d) * 0.02f);
        Add(p + "mlp.2.bias", torch.zeros(d));
    }

    private void AddAttention(string p)
    {
        var d = _config.Dim;
        AddNorm(p + "_ln");
        Add(p + ".query.weight", torch.randn(d, d) * 0.02f);
        Add(p + ".query.bias", torch.zeros(d));
        Add(p + ".key.weight", torch.randn(d, d) * 0.02f);
        Add(p + ".value.weight", torch.randn(d, d) * 0.02f);
        Add(p + ".value.bias", torch.zeros(d));
        Add(p + ".out.weight", torch.randn(d, d) * 0.02f);
        Add(p + ".out.bias", torch.zeros(d));
    }
}
