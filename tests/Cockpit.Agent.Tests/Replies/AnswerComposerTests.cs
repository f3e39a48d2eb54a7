using Cockpit.Agent.Replies;
using Cockpit.Understanding;
using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Agent.Tests.Replies;

/// <summary>Answers to questions about the car, said from the values the car reports, as people say them.</summary>
public sealed class AnswerComposerTests
{
    private readonly AnswerComposer _answers = new(ActionCatalog.Default, new ReplyComposer(ActionCatalog.Default));
    private readonly ActionResolver _resolver = new(ActionCatalog.Default);

    public static TheoryData<string, string[], string, object?, string> States => new()
    {
        { "trunk", [], "Vehicle.Body.Trunk.Rear.IsOpen", false, "The trunk is closed|后备箱关着" },
        { "door.lock", ["rear_right"], "Vehicle.Cabin.Door.Row2.PassengerSide.IsLocked", false, "The rear right door is unlocked|右后车门没锁" },
        { "climate.ac", [], "Vehicle.Cabin.HVAC.IsAirConditioningActive", true, "The A/C is on|空调开着" },
        { "sunroof", [], "Vehicle.Cabin.Sunroof.Position", 40, "The sunroof is 40% open|天窗开了40%" },
        { "climate.temperature", ["driver"], "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature", 21.5f, "The driver's temperature is set to 21.5 degrees|主驾温度设定为21.5度" },
        { "wipers.front", [], "Vehicle.Body.Windshield.Front.Wiping.Mode", "OFF", "The wipers are off|雨刮关着" },
        { "wipers.front", [], "Vehicle.Body.Windshield.Front.Wiping.Mode", "INTERVAL", "The wipers are on interval|雨刮是间歇" },
        { "lights.low_beam", [], "Vehicle.Body.Lights.Beam.Low.IsOn", true, "The low beams are on|近光灯开着" },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void Answer_OneState_SaidAsPeopleSayIt(string function, string[] zones, string path, object? value, string expected)
    {
        var action = _resolver.Resolve([new ActionCall { Function = function, Operation = "query", Zones = zones }], Seat.Driver, _ => null, null).Actions.Single();
        var values = new Dictionary<string, object?> { [path] = value };

        var said = string.Join('|', _answers.Answer(action, p => values.GetValueOrDefault(p), "en"), _answers.Answer(action, p => values.GetValueOrDefault(p), "zh"));

        Assert.Equal(expected, said);
    }

    [Theory]
    [InlineData(true, "All the doors are locked|全车车门都已锁上")]
    [InlineData(false, "Door locks: the driver locked, the passenger locked, the rear left locked, the rear right unlocked|门锁：主驾已锁上，副驾已锁上，左后已锁上，右后没锁")]
    public void Answer_EverySeat_SaidTogetherWhenTheyAgree(bool rearRightLocked, string expected)
    {
        var action = _resolver.Resolve([new ActionCall { Function = "door.lock", Operation = "query", Zones = ["all"] }], Seat.Driver, _ => null, null).Actions.Single();
        object? Locked(string path) => !path.Contains("Row2.PassengerSide", StringComparison.Ordinal) || rearRightLocked;

        Assert.Equal(expected, string.Join('|', _answers.Answer(action, Locked, "en"), _answers.Answer(action, Locked, "zh")));
    }

    [Fact]
    public void Answer_StateUnknown_SaysItCannotReadIt()
    {
        var action = _resolver.Resolve([new ActionCall { Function = "sensor.outside_temperature", Operation = "query" }], Seat.Driver, _ => null, null).Actions.Single();

        Assert.Equal("I can't read the temperature outside right now", _answers.Answer(action, _ => null, "en"));
    }
}
