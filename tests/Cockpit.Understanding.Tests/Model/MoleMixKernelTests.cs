using System.Text.Json;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Onnx;
using Cockpit.Understanding.Onnx.Proto;
using Cockpit.Understanding.Text;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Understanding.Tests.Model;

/// <summary>
/// The fused expert-path kernel (<c>Native/mole_mix.cc</c>, <see cref="MoleMixFusion"/>) on the shipped model: built
/// beside the assembly, used by default, and giving the stock graph's logits.
/// </summary>
public sealed class MoleMixKernelTests : IClassFixture<ShippedModelFixture>, IDisposable
{
    private readonly ShippedModelFixture _fixture;
    private readonly ModelManifest _manifest = ModelManifest.Load(RepoPaths.ShippedModel);
    private readonly Dictionary<LookupTablePrecision, LookupTable> _tables;

    public MoleMixKernelTests(ShippedModelFixture fixture)
    {
        _fixture = fixture;
        var sha = _manifest.Files["experts.onnx"].Sha256;
        _tables = Enum.GetValues<LookupTablePrecision>().ToDictionary(p => p, p => LookupTable.OpenOrBuild(
            Path.Combine(RepoPaths.Cache, LookupTable.FileNameFor(sha, p)), Path.Combine(RepoPaths.ShippedModel, "experts.onnx"), sha, _manifest.Config, Environment.ProcessorCount, p));
    }

    private static string Encoder => Path.Combine(RepoPaths.ShippedModel, "encoder.onnx");

    [Fact]
    public void Understander_ByDefault_RunsTheFusedKernel()
    {
        Assert.NotNull(EncoderSession.KernelLibrary);
        Assert.True(_fixture.Understander.UsesFusedKernel);
    }

    /// <summary>
    /// The bound is a share of the largest stock logit of each head. The stock graph reads an int8 table widened to fp16
    /// (rounded at every read), the kernel in fp32: hence its wider share, about two fp16 rounding steps at the logits'
    /// size (they reach 40, where fp16 steps by 1/32).
    /// </summary>
    [Theory]
    [InlineData(LookupTablePrecision.Float16, false, 1, 2e-5)]
    [InlineData(LookupTablePrecision.Float16, false, 48, 2e-5)]
    [InlineData(LookupTablePrecision.Float16, true, 1, 2e-5)]
    [InlineData(LookupTablePrecision.Float16, true, 48, 2e-5)]
    [InlineData(LookupTablePrecision.Int8, false, 48, 1e-3)]
    [InlineData(LookupTablePrecision.Int8, true, 48, 1e-3)]
    public void FusedGraph_HeldOutBatch_GivesTheStockGraphsLogits(LookupTablePrecision precision, bool portable, int batch, double share)
    {
        var (ids, mask, length) = HeldOutBatch(batch);
        using var stock = new EncoderSession(Encoder, _manifest.Config, _tables[precision], 1);
        using var fused = new EncoderSession(Encoder, _manifest.Config, _tables[precision], 1, EncoderSession.KernelLibrary!, portable);

        var expected = stock.Run(ids, mask, batch, length);
        var actual = fused.Run(ids, mask, batch, length);

        Assert.False(stock.IsFused);
        Assert.True(fused.IsFused);
        Assert.InRange(MaxDifference(expected.Intents, actual.Intents), 0, share * expected.Intents.Max(Math.Abs));
        Assert.InRange(MaxDifference(expected.Slots, actual.Slots), 0, share * expected.Slots.Max(Math.Abs));
        Assert.InRange(MaxDifference(expected.Zones, actual.Zones), 0, share * expected.Zones.Max(Math.Abs));
    }

    /// <summary>The int8 table is a quantisation (its logits differ) that leaves the model's decisions as they were.</summary>
    [Fact]
    public void Int8Table_HeldOutBatch_SameTagsAsTheFloat16Table()
    {
        var (ids, mask, length) = HeldOutBatch(48);
        using var half = new EncoderSession(Encoder, _manifest.Config, _tables[LookupTablePrecision.Float16], 1, EncoderSession.KernelLibrary!);
        using var int8 = new EncoderSession(Encoder, _manifest.Config, _tables[LookupTablePrecision.Int8], 1, EncoderSession.KernelLibrary!);

        var (expected, actual) = (half.Run(ids, mask, 48, length).Intents, int8.Run(ids, mask, 48, length).Intents);
        var classes = _manifest.Config.IntentTags;
        var tokens = Enumerable.Range(0, expected.Length / classes).Where(token => mask[token] > 0).ToList();
        var agreeing = tokens.Count(token => ArgMax(expected, token, classes) == ArgMax(actual, token, classes));

        Assert.InRange(MaxDifference(expected, actual), 1e-6, double.MaxValue);
        Assert.InRange((double)agreeing / tokens.Count, 0.995, 1.0);
    }

    private static int ArgMax(float[] logits, int token, int classes)
    {
        var row = logits.AsSpan(token * classes, classes);
        var best = 0;
        for (var i = 1; i < row.Length; i++)
        {
            best = row[i] > row[best] ? i : best;
        }

        return best;
    }

    [Fact]
    public void TryFuse_ShippedEncoder_OneKernelNodePerLayerAndOneTableInput()
    {
        var fused = ModelProto.Parser.ParseFrom(MoleMixFusion.TryFuse(File.ReadAllBytes(Encoder), _manifest.Config, LookupTablePrecision.Float16));
        var stock = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Encoder));

        var kernels = fused.Graph.Node.Where(n => n.Domain == MoleMixFusion.Domain).ToList();
        Assert.Equal(Enumerable.Range(0, _manifest.Config.Layers).Select(l => (long)l), kernels.Select(n => n.Attribute.Single(a => a.Name == "layer").I));
        Assert.Equal(["input_ids", "attention_mask", MoleMixFusion.TableInput], fused.Graph.Input.Select(i => i.Name));
        Assert.Equal(stock.Graph.Node.Count - (4 * _manifest.Config.Layers), fused.Graph.Node.Count);
        Assert.DoesNotContain(fused.Graph.Node, n => n.OpType is "Cast" or "Sum");
    }

    [Fact]
    public void TryFuse_GraphWithoutTheExpertPath_ReturnsNull()
    {
        var experts = File.ReadAllBytes(Path.Combine(RepoPaths.ShippedModel, "experts.onnx"));

        Assert.Null(MoleMixFusion.TryFuse(experts, _manifest.Config, LookupTablePrecision.Float16));
    }

    [Fact]
    public void Kernel_LayerOutsideTheTable_FailsWithClearError()
    {
        var fused = ModelProto.Parser.ParseFrom(MoleMixFusion.TryFuse(File.ReadAllBytes(Encoder), _manifest.Config, LookupTablePrecision.Float16));
        fused.Graph.Node.First(n => n.OpType == MoleMixFusion.OpType).Attribute.Single(a => a.Name == "layer").I = _manifest.Config.Layers;
        using var options = new SessionOptions();

        var error = Assert.Throws<OnnxRuntimeException>(() => EncoderSession.CreateWithKernel(fused.ToByteArray(), options, EncoderSession.KernelLibrary!).Dispose());

        Assert.Contains("cockpit.MoleMix: layer outside the table's rows", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var table in _tables.Values)
        {
            table.Dispose();
        }
    }

    private static double MaxDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        return a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
    }

    /// <summary>The first <paramref name="batch"/> held-out utterances, padded to the longest (0 = pad).</summary>
    private static (long[] Ids, float[] Mask, int Length) HeldOutBatch(int batch)
    {
        var tokenizer = Tokenizer.FromFile(Path.Combine(RepoPaths.ShippedModel, "vocab.txt"));
        var encoded = File.ReadLines(Path.Combine(RepoPaths.ShippedModel, "heldout.jsonl")).Take(batch)
            .Select(line => tokenizer.Encode(JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!))
            .ToList();
        var length = encoded.Max(t => t.Count);
        var ids = new long[batch * length];
        var mask = new float[batch * length];
        for (var b = 0; b < batch; b++)
        {
            for (var i = 0; i < encoded[b].Count; i++)
            {
                ids[(b * length) + i] = encoded[b][i].Id;
                mask[(b * length) + i] = 1;
            }
        }

        return (ids, mask, length);
    }
}
