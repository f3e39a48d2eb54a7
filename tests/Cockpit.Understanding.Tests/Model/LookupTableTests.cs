using Cockpit.Understanding.Model;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Understanding.Tests.Model;

/// <summary>The lookup table built from the shipped <c>experts.onnx</c> into a fresh cache directory.</summary>
public sealed class LookupTableTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("cockpit-lut-").FullName;
    private readonly ModelManifest _manifest = ModelManifest.Load(RepoPaths.ShippedModel);

    private string ExpertsSha256 => _manifest.Files["experts.onnx"].Sha256;

    [Fact]
    public async Task OpenOrBuild_TwoAtOnceOnAnEmptyCache_BothOpenTheSameTable()
    {
        var path = Path.Combine(_cache, LookupTable.FileNameFor(ExpertsSha256));

        var tables = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(Open)));

        try
        {
            var rows = tables.Select(t => Gather(t, [1, 2, 3], layer: 1)).ToList();
            Assert.Equal(rows[0], rows[1]);
            Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(_cache).Select(Path.GetFileName));
        }
        finally
        {
            Array.ForEach(tables, t => t.Dispose());
        }
    }

    [Fact]
    public void OpenOrBuild_Int8_HalfTheBytesAndEachValueWithinHalfAStepOfTheFloat16Table()
    {
        using var half = Open();
        using var int8 = Open(LookupTablePrecision.Int8);
        var shape = _manifest.Config;
        long[] ids = [0, 1, 7, 100, shape.Vocab - 1];

        Assert.Equal(LookupTable.HeaderBytes + ((long)shape.Vocab * shape.Layers * shape.Experts * (4 + shape.Dim)), new FileInfo(int8.Path).Length);
        Assert.Equal(2, File.ReadAllBytes(int8.Path)[12]);
        Assert.EndsWith("-int8.bin", int8.Path, StringComparison.Ordinal);
        for (var layer = 0; layer < shape.Layers; layer++)
        {
            var expected = Gather(half, ids, layer);
            var actual = Gather(int8, ids, layer);
            foreach (var output in Enumerable.Range(0, expected.Length / shape.Dim))
            {
                var values = expected.AsSpan(output * shape.Dim, shape.Dim).ToArray();
                var step = values.Max(Math.Abs) / 127;
                for (var k = 0; k < shape.Dim; k++)
                {
                    // Half a quantisation step, plus fp16's rounding of the widened value that Gather returns.
                    Assert.InRange(Math.Abs(actual[(output * shape.Dim) + k] - values[k]), 0, (step / 2) + (Math.Abs(values[k]) / 1024) + 1e-6);
                }
            }
        }
    }

    [Theory]
    [InlineData(LookupTablePrecision.Float16)]
    [InlineData(LookupTablePrecision.Int8)]
    public void OpenOrBuild_Resident_SameRowsAndLogitsAsTheMappedTable(LookupTablePrecision precision)
    {
        using var mapped = Open(precision);
        using var resident = Open(precision, resident: true);
        var encoder = Path.Combine(RepoPaths.ShippedModel, "encoder.onnx");
        long[] ids = [2, 500, 1200, 3000, _manifest.Config.Vocab - 1];
        float[] mask = [1, 1, 1, 1, 1];
        using var fromMap = new EncoderSession(encoder, _manifest.Config, mapped, 1, EncoderSession.KernelLibrary);
        using var fromMemory = new EncoderSession(encoder, _manifest.Config, resident, 1, EncoderSession.KernelLibrary);

        Assert.False(mapped.IsResident);
        Assert.True(resident.IsResident);
        Assert.Equal(Gather(mapped, ids, layer: 3), Gather(resident, ids, layer: 3));
        Assert.Equal(fromMap.Run(ids, mask, 1, ids.Length).Intents, fromMemory.Run(ids, mask, 1, ids.Length).Intents);
    }

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private LookupTable Open() => Open(LookupTablePrecision.Float16);

    private LookupTable Open(LookupTablePrecision precision, bool resident = false) =>
        LookupTable.OpenOrBuild(Path.Combine(_cache, LookupTable.FileNameFor(ExpertsSha256, precision)), Path.Combine(RepoPaths.ShippedModel, "experts.onnx"), ExpertsSha256, _manifest.Config, threads: 1, precision, resident);

    private float[] Gather(LookupTable table, long[] ids, int layer)
    {
        var rows = new Float16[ids.Length * _manifest.Config.Experts * _manifest.Config.Dim];
        table.Gather(ids, layer, rows);
        return [.. rows.Select(h => h.ToFloat())];
    }
}
