using Cockpit.Understanding.Catalog;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Understanding.Tests.Resolution;

public class ActionResolverTests
{
    private const string DriverTemp = "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature";
    private const string PassengerTemp = "Vehicle.Cabin.HVAC.Station.Row1.Passenger.Temperature";
    private readonly ActionResolver _resolver = new(ActionCatalog.Default);

    private static readonly Dictionary<string, object> Car = new(StringComparer.Ordinal)
    {
        [DriverTemp] = 24f,
        [PassengerTemp] = 21f,
        ["Vehicle.Cabin.Infotainment.Media.Volume"] = 50,
        ["Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling"] = 33,
        ["Vehicle.Cabin.Door.Row1.DriverSide.Window.Position"] = 0,
    };

    [Theory]
    [InlineData("climate.temperature", "set", "", 22d, null, "driver", DriverTemp, 22f)]
    [InlineData("climate.temperature", "set", "passenger", 24d, null, "driver", PassengerTemp, 24f)]
    [InlineData("climate.temperature", "set", "mine", 22.5d, null, "passenger", PassengerTemp, 22.5f)]
    [InlineData("climate.temperature", "set", "", 22.3d, null, "driver", DriverTemp, 22.5f)]
    [InlineData("climate.temperature", "down", "", null, null, "driver", DriverTemp, 23f)]
    [InlineData("climate.temperature", "up", "", null, 2d, "driver", DriverTemp, 26f)]
    [InlineData("climate.temperature", "max", "", null, null, "driver", DriverTemp, 32f)]
    [InlineData("media.volume", "down", "", null, null, "driver", "Vehicle.Cabin.Infotainment.Media.Volume", 40)]
    [InlineData("media.volume", "mute", "", null, null, "driver", "Vehicle.Cabin.Infotainment.Media.Volume", 0)]
    [InlineData("window.position", "half", "rear_left", null, null, "driver", "Vehicle.Cabin.Door.Row2.DriverSide.Window.Position", 50)]
    [InlineData("window.position", "crack", "mine", null, null, "rear_right", "Vehicle.Cabin.Door.Row2.PassengerSide.Window.Position", 15)]
    [InlineData("window.position", "open", "", null, null, "driver", "Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", 100)]
    [InlineData("seat.heating", "up", "", null, null, "driver", "Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling", 67)]
    [InlineData("seat.ventilation", "max", "passenger", null, null, "driver", "Vehicle.Cabin.Seat.Row1.PassengerSide.HeatingCooling", -100)]
    [InlineData("seat.heating", "on", "", null, null, "driver", "Vehicle.Cabin.Seat.Row1.DriverSide.HeatingCooling", 67)]
    [InlineData("climate.ac", "on", "", null, null, "driver", "Vehicle.Cabin.HVAC.IsAirConditioningActive", true)]
    [InlineData("sunroof", "open", "", null, null, "driver", "Vehicle.Cabin.Sunroof.Switch", "OPEN")]
    [InlineData("sunroof", "tilt", "", null, null, "driver", "Vehicle.Cabin.Sunroof.Switch", "TILT_UP")]
    [InlineData("media.playback", "next", "", null, null, "driver", "Vehicle.Cabin.Infotainment.Media.Action", "SKIP_FORWARD")]
    [InlineData("trunk", "open", "", null, null, "driver", "Vehicle.Body.Trunk.Rear.IsOpen", true)]
    public void Resolve_Call_SingleTarget(string function, string op, string zone, double? value, double? delta, string seat, string path, object expected)
    {
        var call = new ActionCall
        {
            Function = function,
            Operation = op,
            Zones = zone.Length == 0 ? [] : [zone],
            Value = value is { } v ? ActionValue.FromNumber(v) : null,
            Delta = delta,
        };

        var result = _resolver.Resolve([call], SeatExtensions.ParseSeat(seat)!.Value, Current, null);

        var action = Assert.Single(result.Actions);
        Assert.Null(action.Refusal);
        var target = Assert.Single(action.Targets);
        Assert.Equal(path, target.Path);
        Assert.Equal(expected, target.Value);
    }

    [Fact]
    public void Resolve_AllWindowsClose_FourTargets()
    {
        var call = new ActionCall { Function = "window.position", Operation = "close", Zones = ["all"] };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        Assert.Equal(4, result.Targets.Count());
        Assert.All(result.Targets, t => Assert.Equal(0, t.Value));
    }

    [Fact]
    public void Resolve_AmbientColourWithoutZone_FrontRowOnly()
    {
        var call = new ActionCall { Function = "light.ambient_color", Operation = "set", Value = ActionValue.FromEnum("BLUE") };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        Assert.Equal(
            ["Vehicle.Cabin.Light.AmbientLight.Row1.DriverSide.Color", "Vehicle.Cabin.Light.AmbientLight.Row1.PassengerSide.Color"],
            result.Targets.Select(t => t.Path));
        Assert.All(result.Targets, t => Assert.Equal("BLUE", t.Value));
    }

    [Fact]
    public void Resolve_TemperatureOutOfRange_RefusedWithRange()
    {
        var call = new ActionCall { Function = "climate.temperature", Operation = "set", Value = ActionValue.FromNumber(50) };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        var refusal = Assert.Single(result.Actions).Refusal;
        Assert.NotNull(refusal);
        Assert.Equal(RefusalReason.OutOfRange, refusal.Reason);
        Assert.Contains("16", refusal.Message.Zh, StringComparison.Ordinal);
        Assert.Contains("32", refusal.Message.En, StringComparison.Ordinal);
        Assert.Empty(result.Targets);
    }

    // A number said is never turned into another: a negative value, level or change, and a change or level beyond any range
    // (a numeral that once wrapped round), are refused with the range in both languages, and nothing is written.
    [Theory]
    [InlineData("climate.temperature", "set", -20d, null, "温度可调范围是16到32度", "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("climate.temperature", "set", 1.8446744073709552e19, null, "温度可调范围是16到32度", "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("climate.temperature", "down", null, -5d, "温度可调范围是16到32度", "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("climate.temperature", "up", null, -5d, "温度可调范围是16到32度", "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("climate.temperature", "up", null, 1.8446744073709552e19, "温度可调范围是16到32度", "The temperature can be set from 16 to 32 degrees.")]
    [InlineData("media.volume", "set", -100d, null, "音量可调范围是0到100", "The volume can be set from 0 to 100 percent.")]
    [InlineData("media.volume", "down", null, -10d, "音量可调范围是0到100", "The volume can be set from 0 to 100 percent.")]
    public void Resolve_NegativeOrAbsurdNumber_RefusedWithRange(string function, string op, double? value, double? delta, string zh, string en)
    {
        var call = new ActionCall { Function = function, Operation = op, Value = value is { } v ? ActionValue.FromNumber(v) : null, Delta = delta };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        var refusal = Assert.Single(result.Actions).Refusal;
        Assert.NotNull(refusal);
        Assert.Equal((RefusalReason.OutOfRange, zh, en), (refusal.Reason, refusal.Message.Zh, refusal.Message.En));
        Assert.Empty(result.Targets);
    }

    [Theory]
    [InlineData("seat.heating", "set", -2d, null)]
    [InlineData("seat.heating", "set", -33d, null)]
    [InlineData("seat.heating", "set", 1.8446744073709552e19, null)]
    [InlineData("seat.heating", "up", null, -1d)]
    [InlineData("seat.heating", "down", null, -1d)]
    [InlineData("seat.heating", "up", null, 1.8446744073709552e19)]
    [InlineData("climate.fan_speed", "set", 1.8446744073709552e19, null)]
    [InlineData("climate.fan_speed", "set", -3d, null)]
    public void Resolve_NegativeOrAbsurdLevel_RefusedWithLevels(string function, string op, double? level, double? delta)
    {
        var call = new ActionCall { Function = function, Operation = op, Value = level is { } l ? ActionValue.FromLevel(l) : null, Delta = delta };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        var refusal = Assert.Single(result.Actions).Refusal;
        Assert.NotNull(refusal);
        Assert.Equal(RefusalReason.OutOfRange, refusal.Reason);
        Assert.Matches("可调档位是1到[0-9]档", refusal.Message.Zh);
        Assert.Matches("has levels 1 to [0-9]\\.", refusal.Message.En);
        Assert.Empty(result.Targets);
    }

    [Fact]
    public void Resolve_MassageInRear_RefusedForZone()
    {
        var call = new ActionCall { Function = "seat.massage", Operation = "on", Zones = ["mine"] };

        var result = _resolver.Resolve([call], Seat.RearLeft, Current, null);

        Assert.Equal(RefusalReason.UnsupportedZone, Assert.Single(result.Actions).Refusal?.Reason);
    }

    [Fact]
    public void Resolve_FollowUpWarmer_UsesLastSeats()
    {
        var first = _resolver.Resolve([new ActionCall { Function = "climate.temperature", Operation = "set", Zones = ["passenger"], Value = ActionValue.FromNumber(21) }], Seat.Driver, Current, null);
        var warmer = new ActionCall { Function = "climate.temperature", Operation = "up" };

        var second = _resolver.Resolve([warmer], Seat.Driver, Current, first.Context);

        var target = Assert.Single(second.Targets);
        Assert.Equal(PassengerTemp, target.Path);
        Assert.Equal(22f, target.Value);
    }

    [Fact]
    public void Resolve_FollowUpWithoutFunction_UsesContextFunction()
    {
        var context = new DialogueContext("window.position", ["driver"], "open");
        var closeItToo = new ActionCall { Operation = "close" };

        var result = _resolver.Resolve([closeItToo], Seat.Driver, Current, context);

        var target = Assert.Single(result.Targets);
        Assert.Equal(("Vehicle.Cabin.Door.Row1.DriverSide.Window.Position", (object)0), (target.Path, target.Value));
    }

    [Fact]
    public void Resolve_FollowUpWithoutContext_NeedsContext()
    {
        var result = _resolver.Resolve([new ActionCall { Operation = "up" }], Seat.Driver, Current, null);

        Assert.Equal(RefusalReason.NeedsContext, Assert.Single(result.Actions).Refusal?.Reason);
    }

    [Fact]
    public void Resolve_ScreenNavigate_ScreenTaskWithPlace()
    {
        var place = new TextSpan(3, 5, "虹桥火车站");
        var call = new ActionCall { Function = "screen.navigate", Text = new Dictionary<string, TextSpan> { ["place"] = place } };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        var task = Assert.Single(result.Actions).Screen;
        Assert.NotNull(task);
        Assert.Equal("screen.navigate", task.Function);
        Assert.Equal("虹桥火车站", task.Text["place"].Text);
    }

    [Fact]
    public void Resolve_Bluetooth_ScreenSwitchTrue()
    {
        var result = _resolver.Resolve([new ActionCall { Function = "screen.bluetooth", Operation = "on" }], Seat.Driver, Current, null);

        Assert.Equal("true", Assert.Single(result.Actions).Screen?.Value);
    }

    [Fact]
    public void Resolve_SeatHeatingLevelFour_RefusedWithLevels()
    {
        var call = new ActionCall { Function = "seat.heating", Operation = "set", Value = ActionValue.FromLevel(4) };

        var result = _resolver.Resolve([call], Seat.Driver, Current, null);

        Assert.Equal(RefusalReason.OutOfRange, Assert.Single(result.Actions).Refusal?.Reason);
    }

    private static object? Current(string path) => Car.GetValueOrDefault(path);
}
