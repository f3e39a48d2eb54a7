using Cockpit.Understanding.Model;
using Microsoft.ML.OnnxRuntime;

namespace Cockpit.Understanding.Tests.Model;

/// <summary>The lookup table built from the shipped <c>experts.onnx</c> into a fresh cache directory.</summary>
public sealed class LookupTableTests : IDisposable
{
    private readonly string cache = Directory.CreateTempSubdirectory("cockpit-lut-").FullName;
    private readonly ModelManifest manifest = ModelManifest.Load(RepoPaths.ShippedModel);

    private string ExpertsSha256 => manifest.Files["experts.onnx"].Sha256;

    [Fact]
    public async Task OpenOrBuild_TwoAtOnceOnAnEmptyCache_BothOpenTheSameTable()
    {
        var path = Path.Combine(cache, LookupTable.FileNameFor(ExpertsSha256));

        var tables = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(Open)));

        try
        {
            var rows = tables.Select(t => Gather(t, [1, 2, 3], layer: 1)).ToList();
            Assert.Equal(rows[0], rows[1]);
            Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(cache).Select(Path.GetFileName));
        }
        finally
        {
            Array.ForEach(tables, t => t.Dispose());
        }
    }

    public void Dispose() => Directory.Delete(cache, recursive: true);

    private LookupTable Open() =>
        LookupTable.OpenOrBuild(Path.Combine(cache, LookupTable.FileNameFor(ExpertsSha256)), Path.Combine(RepoPaths.ShippedModel, "experts.onnx"), ExpertsSha256, manifest.Config, threads: 1);

    private float[] Gather(LookupTable table, long[] ids, int layer)
    {
        var rows = new Float16[ids.Length * manifest.Config.Experts * manifest.Config.Dim];
        table.Gather(ids, layer, rows);
        return [.. rows.Select(h => h.ToFloat())];
    }
}
