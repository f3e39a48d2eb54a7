using Cockpit.Training.Labels;
using Cockpit.Training.Measurement;
using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Tests.Training;

/// <summary>Exact match by effect: two spellings of one request match, two requests that do different things do not.</summary>
public sealed class CallEffectsTests
{
    private readonly CallEffects _effects = new(ActionCatalog.Default);

    [Theory]
    [InlineData("window.position.open()", "window.position.set(value=100)")]
    [InlineData("screen.open_app.on(value=climate)", "screen.open_app.open(value=climate)")]
    [InlineData("screen.open_app.set(value=media)", "screen.open_app.open(value=media)")]
    [InlineData("screen.navigate.run(place=\"the airport\")", "screen.navigate.run(place=\"Airport\")")]
    [InlineData("climate.temperature.up(zones=mine)", "climate.temperature.up(zones=driver)")]
    public void Match_SameEffect_Matches(string gold, string predicted) =>
        Assert.True(_effects.Match([[GoldCall.Parse(gold).ToActionCall()]], [GoldCall.Parse(predicted).ToActionCall()]));

    [Theory]
    [InlineData("screen.bluetooth.on()", "screen.bluetooth.off()")]
    [InlineData("screen.open_app.open(value=climate)", "screen.open_app.open(value=media)")]
    [InlineData("window.position.open(zones=driver)", "window.position.open(zones=passenger)")]
    [InlineData("screen.call.run(contact=\"Oliver\")", "screen.call.run(contact=\"Olga\")")]
    [InlineData("climate.temperature.set(value=22)", "climate.temperature.set(value=23)")]
    public void Match_OtherEffect_DoesNotMatch(string gold, string predicted) =>
        Assert.False(_effects.Match([[GoldCall.Parse(gold).ToActionCall()]], [GoldCall.Parse(predicted).ToActionCall()]));
}
