using System.Text.Json.Nodes;
using Cockpit.Training.Labels;
using Cockpit.Training.Measurement;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;

namespace Cockpit.Understanding.Tests.Model;

/// <summary>
/// The model committed under models/understanding, through the runtime as the head unit runs it: its manifest's figures
/// on every evaluation set reproduce (the generator's held-out file, the human-written dev and test splits, MASSIVE dev),
/// and the public samples' requests and everyday requests are understood.
/// </summary>
public sealed class ShippedModelTests(ShippedModelFixture fixture) : IClassFixture<ShippedModelFixture>
{
    private static readonly string MassiveDirectory = Path.Combine(RepoPaths.Root, "..", "shared", "corpora", "massive");

    [Fact]
    public void Manifest_MatchesCatalogLabelSet()
    {
        var manifest = fixture.Understander.Manifest;

        Assert.Equal(new LabelSet(ActionCatalog.Default).Sha256, manifest.LabelsSha256);
        Assert.Equal(ActionCatalog.Default.Version, manifest.CatalogVersion);
    }

    [Fact]
    public void EveryEvaluationSet_ReproducesTheManifest()
    {
        var labels = new LabelSet(ActionCatalog.Default);
        var massive = new MassiveCorpus(Path.Combine(RepoPaths.Root, "data", "massive", "mapping.json"), labels);
        var sets = EvaluationSets.Load(
            EvaluationSets.ReadHeldOut(Path.Combine(RepoPaths.ShippedModel, "heldout.jsonl")),
            Path.Combine(RepoPaths.Root, EvaluationSets.HumanDirectory),
            Directory.Exists(MassiveDirectory) ? MassiveDirectory : null,
            massive,
            Path.Combine(RepoPaths.Root, "data", "phrasebooks"));

        var boards = UnderstandingReport.Measure(sets, texts => [.. fixture.Understander.UnderstandBatch(texts).Select(r => r.Calls)], ActionCatalog.Default, massive, includeTest: true);

        var recorded = fixture.Understander.Manifest.Metrics!["understanding"]!.AsObject();
        foreach (var board in boards)
        {
            foreach (var lang in new[] { "zh", "en" })
            {
                var figures = recorded[board.Name]![lang]!;
                AssertReproduces(board.ExactMatch(lang), figures["exactMatch"], $"{board.Name} {lang} exact");
                AssertReproduces(board.Rejection(lang), figures["rejection"], $"{board.Name} {lang} rejection");
            }
        }
    }

    [Theory]
    [InlineData("把主驾温度调到二十二度", "climate.temperature.set(zones=driver, value=22)")]
    [InlineData("set the passenger temperature to 24 degrees", "climate.temperature.set(zones=passenger, value=24)")]
    [InlineData("turn on the air conditioning", "climate.ac.on()")]
    [InlineData("打开前挡除雾", "climate.front_defrost.on()")]
    [InlineData("打开后备箱", "trunk.open()")]
    [InlineData("turn on the fog lights", "lights.fog_front.on()")]
    [InlineData("音量调到三十", "media.volume.set(value=30)")]
    [InlineData("打开蓝牙", "screen.bluetooth.on()")]
    [InlineData("what a lovely day it is", "")]
    [InlineData("close the sunroof and turn on the AC", "sunroof.close() ; climate.ac.on()")]
    [InlineData("next song", "media.playback.next()")]
    [InlineData("open the navigation app", "screen.open_app.open(value=navigation)")]
    [InlineData("车门都锁好了吗", "door.lock.query()")]
    [InlineData("is the sunroof open?", "sunroof.query()")]
    [InlineData("把座椅加热打开，哦不对，算了", "")]
    public void Understand_PublicSamplesRequests_ExpectedCalls(string text, string expected) =>
        Assert.Equal(expected, string.Join(" ; ", fixture.Understander.Understand(text).Calls));

    private static void AssertReproduces(double measured, JsonNode? recorded, string what)
    {
        if (recorded is null)
        {
            Assert.True(double.IsNaN(measured), what);
            return;
        }

        Assert.True(Math.Abs(measured - recorded.GetValue<double>()) < 0.0005, $"{what}: {measured:F4} measured, {recorded.GetValue<double>():F4} in the manifest");
    }
}
