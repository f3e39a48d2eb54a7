using System.Text;
using Cockpit.Can.Codec;
using Cockpit.Vehicle.Can;
using Cockpit.Vehicle.Vss;

namespace Cockpit.Vehicle.Tests.Can;

public sealed class VssDbcMappingReaderTests
{
    private static readonly VssCatalog Catalog = VssCatalogReader.ReadEmbedded();

    [Fact]
    public void Read_VssTreeForm_FindsLeavesUnderChildren()
    {
        const string json = """
            { "Vehicle": { "type": "branch", "children": { "Speed": { "type": "sensor", "datatype": "float",
              "dbc2vss": { "signal": "VehicleSpeed", "interval_ms": 100, "on_change": false, "transform": { "math": "floor(x * 1.6)" } } } } } }
            """;

        var mapping = Read(json);

        var (dbc2vss, vss2dbc) = mapping.Paths["Vehicle.Speed"];
        Assert.Equal("VehicleSpeed", dbc2vss!.Signal);
        Assert.Equal(TimeSpan.FromMilliseconds(100), dbc2vss.Interval);
        Assert.False(dbc2vss.OnChange);
        Assert.Null(vss2dbc);
        Assert.True(dbc2vss.Transform.TryDecode(new DecodedSignal("VehicleSpeed", 10, 10, null, "km/h"), Catalog.Get("Vehicle.Speed"), out var value));
        Assert.Equal(16f, value);
    }

    [Fact]
    public void Read_FlatFormWithMapping_TranslatesBothWays()
    {
        const string json = """
            { "Vehicle.Cabin.HVAC.IsAirConditioningActive": {
                "dbc2vss": { "signal": "AcOn", "transform": { "mapping": [ { "from": 0, "to": false }, { "from": "On", "to": true } ] } },
                "vss2dbc": { "signal": "AcOnReq", "transform": { "mapping": [ { "from": false, "to": 0 }, { "from": true, "to": 1 } ] } } } }
            """;
        var entry = Catalog.Get("Vehicle.Cabin.HVAC.IsAirConditioningActive");

        var (dbc2vss, vss2dbc) = Read(json).Paths[entry.Path];

        Assert.True(dbc2vss!.Transform.TryDecode(new DecodedSignal("AcOn", 1, 1, "On", ""), entry, out var on));
        Assert.Equal(true, on);
        Assert.True(dbc2vss.Transform.TryDecode(new DecodedSignal("AcOn", 0, 0, "Off", ""), entry, out var off));
        Assert.Equal(false, off);
        Assert.False(dbc2vss.Transform.TryDecode(new DecodedSignal("AcOn", 3, 3, "Invalid", ""), entry, out _));
        Assert.True(vss2dbc!.Transform.Inverse().TryDecode(new DecodedSignal("AcOnReq", 1, 1, null, ""), entry, out var request));
        Assert.Equal(true, request);
    }

    [Theory]
    [InlineData("""{ "Vehicle.Speed": { "dbc2vss": { "interval_ms": 5 } } }""", "test.json: Vehicle.Speed: dbc2vss: expected \"signal\": the DBC signal name")]
    [InlineData("""{ "Vehicle.Speed": { "dbc2vss": { "signal": "S", "interval_ms": -1 } } }""", "test.json: Vehicle.Speed: dbc2vss: expected \"interval_ms\" to be a number of milliseconds ≥ 0")]
    [InlineData("""{ "Vehicle.Speed": { "dbc2vss": { "signal": "S", "on_change": "yes" } } }""", "test.json: Vehicle.Speed: dbc2vss: expected \"on_change\" to be true or false")]
    [InlineData("""{ "Vehicle.Speed": { "dbc2vss": { "signal": "S", "transform": { "math": "x *" } } } }""", "test.json: Vehicle.Speed: dbc2vss: transform math: 'x *': expected a number, x, a function or '(' at column 4")]
    [InlineData("""{ "Vehicle.Speed": { "dbc2vss": { "signal": "S", "transform": { "table": [] } } } }""", "test.json: Vehicle.Speed: dbc2vss: expected \"transform\" to hold \"math\" (a string) or \"mapping\" (an array)")]
    [InlineData("""[1, 2]""", "test.json: the root: expected an object")]
    public void Read_Malformed_ErrorNamesFilePathAndExpectation(string json, string message)
    {
        var error = Assert.Throws<VssDbcMappingException>(() => Read(json));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InName_ThrowsMappingException()
    {
        // Found by fuzzing (fuzz/corpus/vssdbc/crash-invalid-utf8.json): a byte 0xFF in a key passed JsonDocument.Parse and
        // threw InvalidOperationException ("Cannot transcode invalid UTF-8") while the mapping was walked.
        var bytes = Encoding.UTF8.GetBytes("""{ "Vehicle.Speed": { "dbc2vss": { "signal": "S" } } }""");
        bytes[3] = 0xFF;

        var error = Assert.Throws<VssDbcMappingException>(() => VssDbcMappingReader.Read(new MemoryStream(bytes), "test.json"));

        Assert.StartsWith("test.json: not UTF-8 (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Utf8Bom_IsAccepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "Vehicle.Speed": { "dbc2vss": { "signal": "S" } } }""")).ToArray();

        var mapping = VssDbcMappingReader.Read(new MemoryStream(bytes), "test.json");

        Assert.Equal("test.json", mapping.Source);
    }

    [Theory]
    [InlineData("x", 3.5, 3.5)]
    [InlineData("floor(x*1.8+32)", 21.5, 70)]
    [InlineData("-(x - 1) / 2", 5, -2)]
    [InlineData("max(min(x, 100), 0) % 7", 150, 2)]
    [InlineData("round(x) + ceil(0.2) + abs(-1e1)", 2.5, 14)]
    public void MathExpression_Evaluate_FollowsPrecedence(string text, double x, double expected)
    {
        Assert.Equal(expected, MathExpression.Parse(text).Evaluate(x));
    }

    private static VssDbcMapping Read(string json) => VssDbcMappingReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");
}
