using Cockpit.Training.Labels;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Model;

namespace Cockpit.Understanding.Tests.Training;

/// <summary>MASSIVE requests through <c>data/massive/mapping.json</c>: what the car does for each, or that it does nothing.</summary>
public sealed class MassiveCorpusTests
{
    private static readonly MassiveCorpus Corpus = new(Path.Combine(RepoPaths.Root, "data", "massive", "mapping.json"), new LabelSet(ActionCatalog.Default));

    [Fact]
    public void LightRequest_NamingARoomOfAHouse_AsksForNothing()
    {
        var request = Request("iot_hue_lightchange", "set the living room lights to red", new() { ["house_place"] = "living room", ["color_type"] = "red" });

        Assert.True(Corpus.IsOutOfDomain(request));
        Assert.True(Corpus.IsRight(request, []));
        Assert.False(Corpus.IsRight(request, ["light.ambient_color.set"]));
        Assert.True(Corpus.ForTraining(request)!.IsNothing);
    }

    [Fact]
    public void LightRequest_InTheCar_TaughtAsItsCall()
    {
        var request = Request("iot_hue_lightchange", "make the lights red", new() { ["color_type"] = "red" });

        Assert.False(Corpus.IsOutOfDomain(request));
        Assert.True(Corpus.IsRight(request, ["light.ambient_color.set"]));
        Assert.Equal("light.ambient_color.set(value=RED)", Corpus.ForTraining(request)!.Gold.Single().ToString());
    }

    private static MassiveCorpus.Request Request(string intent, string text, Dictionary<string, string> slots) =>
        new("1", "en", intent, "in_domain", text, slots);
}
