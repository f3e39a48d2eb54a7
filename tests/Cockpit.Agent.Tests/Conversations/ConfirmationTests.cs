using Cockpit.Agent.Conversations;
using Cockpit.Testing;
using Cockpit.Understanding;
using Cockpit.Vehicle.V1;
using Kuksa.Val.V2;

namespace Cockpit.Agent.Tests.Conversations;

/// <summary>
/// Requests understood too weakly to act on: the agent asks whether to do what it understood, does it on a yes, drops it
/// on a no or another request. The threshold is set to 1 here, so every request is asked about.
/// </summary>
public sealed class ConfirmationTests(ConfirmationTests.AskingCockpit cockpit) : IClassFixture<ConfirmationTests.AskingCockpit>
{
    private const string Brightness = "Vehicle.Cabin.Infotainment.HMI.Brightness";
    private readonly VAL.VALClient _vehicle = new(cockpit.VehicleChannel);

    /// <summary>The embedded default asking back below a confidence of 1 (every request the model is not certain of).</summary>
    public sealed class AskingCockpit : EmbeddedCockpit
    {
        protected override IEnumerable<string> ExtraArguments => ["--Agent:ClarifyBelowConfidence=1"];
    }

    /// <summary>Understood with a confidence under the threshold, the agent asks, naming what it would do, and does it on a yes.</summary>
    [Theory]
    [InlineData("yes please")]
    [InlineData("OK, do it.")]
    public async Task Converse_AskedThenYes_AsksNamingTheChangeThenMakesIt(string yes)
    {
        await new Simulation.SimulationClient(cockpit.VehicleChannel).ResetAsync(new ResetRequest()); // the other case turned it up
        var before = await Current(Brightness);

        var asked = await cockpit.Pipeline.ConverseAsync(new TurnRequest("display brightness up a notch", "en", Seat.Driver, null), default);
        var unchanged = await Current(Brightness);
        var done = await cockpit.Pipeline.ConverseAsync(new TurnRequest(yes, "en", Seat.Driver, asked.ConversationId), default);

        Assert.Equal(TurnOutcome.Clarify, asked.Outcome);
        Assert.Equal($"Do you want me to turn the screen brightness up to {before + 20} percent?", asked.Reply);
        Assert.Equal(before, unchanged);
        Assert.Equal(TurnOutcome.Done, done.Outcome);
        Assert.Equal($"Turned the screen brightness up to {before + 20} percent.", done.Reply);
        Assert.Equal(before + 20, await Current(Brightness));
    }

    [Fact]
    public async Task Converse_AskedThenNo_NothingChangesAndALaterYesAnswersNothing()
    {
        var before = await Current(Brightness);

        var asked = await cockpit.Pipeline.ConverseAsync(new TurnRequest("display brightness up a notch", "en", Seat.Driver, null), default);
        var declined = await cockpit.Pipeline.ConverseAsync(new TurnRequest("no", "en", Seat.Driver, asked.ConversationId), default);
        var late = await cockpit.Pipeline.ConverseAsync(new TurnRequest("yes", "en", Seat.Driver, asked.ConversationId), default);

        Assert.Equal(TurnOutcome.Clarify, asked.Outcome);
        Assert.Equal((TurnOutcome.NotUnderstood, "OK, I'll leave it as it is."), (declined.Outcome, declined.Reply));
        Assert.Equal(TurnOutcome.NotUnderstood, late.Outcome);
        Assert.Equal(before, await Current(Brightness));
    }

    [Fact]
    public async Task Converse_AskedThenAnotherRequest_OnlyTheNewRequestIsCarriedOut()
    {
        var before = await Current(Brightness);

        var asked = await cockpit.Pipeline.ConverseAsync(new TurnRequest("display brightness up a notch", "en", Seat.Driver, null), default);
        var other = await cockpit.Pipeline.ConverseAsync(new TurnRequest("turn on the fog lights", "en", Seat.Driver, asked.ConversationId), default);
        var late = await cockpit.Pipeline.ConverseAsync(new TurnRequest("yes", "en", Seat.Driver, asked.ConversationId), default);

        // The other request is asked about in turn (everything is, here); the yes answers it, not the first.
        Assert.Equal(TurnOutcome.Clarify, asked.Outcome);
        Assert.Equal(TurnOutcome.Clarify, other.Outcome);
        Assert.Equal(TurnOutcome.Done, late.Outcome);
        Assert.True((await _vehicle.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Body.Lights.Fog.Front.IsOn") })).DataPoint.Value.Bool);
        Assert.Equal(before, await Current(Brightness));
    }

    private async Task<float> Current(string path) =>
        (await _vehicle.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) })).DataPoint.Value.Float;
}
