using Cockpit.Speech.Recognition;
using Cockpit.Speech.Recognition.Ggml;
using Cockpit.Speech.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace Cockpit.Speech.Tests.Recognition;

public sealed class GgmlWhisperModelValidatorTests
{
    private static readonly WhisperHyperParameters Tiny = GgmlWhisperModelWriter.TinyHyperParameters();

    /// <summary>Each way a model file can be bad, written by the same writer as the good fixture.</summary>
    public static TheoryData<string, string> Malformed => new()
    {
        { "bad magic", "bad magic" },
        { "ftype 0 all f32", "ftype 0 (all f32) is refused" },
        { "conv kernel f32", "conv needs f16 kernels" },
        { "no blank token", "no \" \" token" },
        { "missing tensor", "tensor 'decoder.blocks.1.cross_attn.out.bias' is missing" },
        { "unknown tensor", "unknown tensor 'decoder.blocks.9.attn.query.weight'" },
        { "wrong shape", "has shape [64, 63], expected [64, 64]" },
        { "wrong weight type", "is F32, expected F16" },
        { "duplicate tensor", "appears twice" },
        { "truncated data", "file truncated in tensor" },
        { "trailing bytes", "truncated inside a tensor header" },
        { "header only", "truncated" },
        { "state sizes differ", "cross-attention" },
        { "vocabulary too small", "n_vocab 1000" },
        { "mel filters 80 x 200", "mel filters are 80 x 200" },
        { "heads do not divide state", "not multiples of the head counts" },
        { "unsupported ftype", "unsupported ftype 5" },
        { "empty token", "impossible length of 0" },
    };

    [Fact]
    public void Validate_TinyModel_ReadsHeaderAndAllTensors()
    {
        var info = GgmlWhisperModelValidator.Validate(TinyWhisperModel.FilePath, suppressBlank: true);

        Assert.Equal(Tiny, info.HyperParameters);
        Assert.Equal(WhisperTensorLayout.Expected(Tiny, GgmlType.F16).Count, info.TensorCount);
        Assert.True(info.HasBlankToken);
        Assert.Equal(TimeSpan.FromSeconds(6), info.HyperParameters.Window);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Validate_MalformedModel_RefusedWithReason(string variant, string reason)
    {
        var path = Write(variant);

        var error = Assert.Throws<SpeechModelException>(() => GgmlWhisperModelValidator.Validate(path, suppressBlank: true));

        Assert.Equal(path, error.ModelPath);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task SpeechFrontEnd_MalformedModel_ReportsUnavailableAndKeepsRunning(string variant, string reason)
    {
        var path = Write(variant);

        await using var speech = new SpeechFrontEnd(Options.Create(new SpeechOptions { ModelPath = path }));
        var error = await Assert.ThrowsAsync<SpeechUnavailableException>(() => speech.TranscribeAsync(new MemoryAudioSource(new float[16_000])));

        Assert.False(speech.IsAvailable);
        Assert.StartsWith($"speech unavailable: {path}: ", speech.UnavailableReason, StringComparison.Ordinal);
        Assert.Contains(reason, speech.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(speech.UnavailableReason, error.Message);
    }

    [Fact]
    public void Validate_MissingFile_SaysNotFound()
    {
        var error = Assert.Throws<SpeechModelException>(() => GgmlWhisperModelValidator.Validate("/nonexistent/ggml-base.bin", true));

        Assert.Equal("/nonexistent/ggml-base.bin: model file not found", error.Message);
    }

    [Fact]
    public void Validate_NoBlankTokenWithoutSuppressBlank_Accepted()
    {
        var path = Write("no blank token");

        var info = GgmlWhisperModelValidator.Validate(path, suppressBlank: false);

        Assert.False(info.HasBlankToken);
    }

    internal static string Write(string variant, string? fileName = null)
    {
        var path = TinyWhisperModel.ScratchPath(fileName ?? variant.Replace(' ', '-') + ".bin");
        var h = Tiny;
        var vocabulary = TinyWhisperModel.Vocabulary();
        var tensors = WhisperTensorLayout.Expected(h, GgmlType.F16);
        var fft = GgmlWhisperModelValidator.FftBins;
        Action<byte[]>? patch = null;
        int? cut = null;
        byte[]? append = null;
        switch (variant)
        {
            case "bad magic":
                patch = bytes => bytes[0] = (byte)'G';
                break;
            case "ftype 0 all f32":
                h = h with { FType = 0 };
                tensors = WhisperTensorLayout.Expected(h, GgmlType.F32).Select(t => t with { Type = GgmlType.F32 }).ToList();
                break;
            case "conv kernel f32":
                tensors = tensors.Select(t => t.Name == "encoder.conv1.weight" ? t with { Type = GgmlType.F32 } : t).ToList();
                break;
            case "no blank token":
                vocabulary = vocabulary.Where(token => !(token.Length == 1 && token[0] == (byte)' ')).ToList();
                break;
            case "missing tensor":
                tensors = tensors.Where(t => t.Name != "decoder.blocks.1.cross_attn.out.bias").ToList();
                break;
            case "unknown tensor":
                tensors = [.. tensors, new("decoder.blocks.9.attn.query.weight", [64, 64], GgmlType.F16)];
                break;
            case "wrong shape":
                tensors = tensors.Select(t => t.Name == "encoder.blocks.0.attn.query.weight" ? t with { Dims = [64, 63] } : t).ToList();
                break;
            case "wrong weight type":
                tensors = tensors.Select(t => t.Name == "decoder.blocks.0.mlp.0.weight" ? t with { Type = GgmlType.F32 } : t).ToList();
                break;
            case "duplicate tensor":
                tensors = [.. tensors, tensors[5]];
                break;
            case "truncated data":
                cut = 4096;
                break;
            case "trailing bytes":
                append = [1, 0, 0, 0, 9];
                break;
            case "header only":
                cut = -1;
                break;
            case "state sizes differ":
                h = h with { NTextState = 128 };
                tensors = WhisperTensorLayout.Expected(h, GgmlType.F16);
                break;
            case "vocabulary too small":
                h = h with { NVocab = 1000 };
                break;
            case "mel filters 80 x 200":
                fft = 200;
                break;
            case "heads do not divide state":
                h = h with { NAudioHead = 3, NTextHead = 3 };
                break;
            case "unsupported ftype":
                h = h with { FType = 5 };
                break;
            case "empty token":
                vocabulary = [[], .. vocabulary];
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(variant));
        }

        GgmlWhisperModelWriter.Write(path, h, vocabulary, tensors, seed: 3, melFftBins: fft);
        if (patch is not null || cut is not null || append is not null)
        {
            var bytes = File.ReadAllBytes(path);
            patch?.Invoke(bytes);
            bytes = cut switch
            {
                -1 => bytes[..30],
                { } c => bytes[..^c],
                null => bytes,
            };
            File.WriteAllBytes(path, append is null ? bytes : [.. bytes, .. append]);
        }

        return path;
    }
}
