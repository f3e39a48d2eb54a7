using Cockpit.Testing;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Grpc;

public sealed class ReadAndMetadataTests : IAsyncLifetime
{
    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() => _host = await VehicleServiceHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetServerInfo_Always_NamesTheService()
    {
        var info = await _host.Val.GetServerInfoAsync(new GetServerInfoRequest());

        Assert.Equal("cockpit-vehicle", info.Name);
        Assert.False(string.IsNullOrEmpty(info.Version));
    }

    [Fact]
    public async Task GetValue_FreshCar_ReturnsDocumentedDefaults()
    {
        var temperature = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature") });
        var values = await _host.Val.GetValuesAsync(new GetValuesRequest
        {
            SignalIds = { Wire.Path("Vehicle.Speed"), Wire.Path("Vehicle.Cabin.Infotainment.Media.Played.Track"), Wire.Path("Vehicle.Cabin.Infotainment.Navigation.DestinationSet.Latitude") },
        });

        Assert.Equal(22f, temperature.DataPoint.Value.Float);
        Assert.NotNull(temperature.DataPoint.Timestamp);
        Assert.Equal(0f, values.DataPoints[0].Value.Float);
        Assert.Equal("晴天", values.DataPoints[1].Value.String);
        Assert.Null(values.DataPoints[2].Value); // known signal, no value yet
    }

    [Fact]
    public async Task GetValue_ById_SameAsByPath()
    {
        var metadata = await _host.Val.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle.Cabin.Infotainment.Media.Volume" });

        var byId = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = new SignalID { Id = metadata.Metadata.Single().Id } });

        Assert.Equal(30u, byId.DataPoint.Value.Uint32);
    }

    [Fact]
    public async Task ListMetadata_Branch_ListsItsSignalsWithLimits()
    {
        var response = await _host.Val.ListMetadataAsync(new ListMetadataRequest { Root = "Vehicle.Cabin.HVAC.Station.Row1" });

        Assert.Equal(6, response.Metadata.Count);
        var temperature = response.Metadata.Single(item => item.Path == "Vehicle.Cabin.HVAC.Station.Row1.Driver.Temperature");
        Assert.Equal((DataType.Float, EntryType.Actuator, "Celsius", 16f, 32f),
            (temperature.DataType, temperature.EntryType, temperature.Unit, temperature.Min.Float, temperature.Max.Float));
        var direction = response.Metadata.Single(item => item.Path.EndsWith("Driver.AirDistribution", StringComparison.Ordinal));
        Assert.Equal(["UP", "MIDDLE", "DOWN"], direction.AllowedValues.StringArray.Values);
    }

    [Theory]
    [InlineData("Vehicle.Cabin.Door.*.*.IsOpen", 4)]
    [InlineData("Vehicle.**.IsLocked", 5)]
    [InlineData("Vehicle.Speed", 1)]
    [InlineData("", 86)]
    public async Task ListMetadata_Pattern_FiltersSignals(string root, int expected)
    {
        var response = await _host.Val.ListMetadataAsync(new ListMetadataRequest { Root = root });

        Assert.Equal(expected, response.Metadata.Count);
    }

    [Theory]
    [InlineData("Vehicle.Teleporter", StatusCode.NotFound, "root 'Vehicle.Teleporter': no signal matches")]
    [InlineData("Vehicle.Cab*", StatusCode.InvalidArgument, "root: 'Vehicle.Cab*': a wildcard must be a whole segment ('*' or '**') (Parameter 'pattern')")]
    public async Task ListMetadata_BadRoot_Fails(string root, StatusCode code, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.ListMetadataAsync(new ListMetadataRequest { Root = root }).ResponseAsync);

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
    }

    [Theory]
    [InlineData("Vehicle.Teleporter.IsOn", StatusCode.NotFound, "Vehicle.Teleporter.IsOn: no such signal")]
    [InlineData("", StatusCode.InvalidArgument, "the signal path is empty")]
    public async Task GetValue_BadPath_Fails(string path, StatusCode code, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) }).ResponseAsync);

        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task PublishValue_Sensor_BecomesCurrentValue()
    {
        await _host.Val.PublishValueAsync(new PublishValueRequest
        {
            SignalId = Wire.Path("Vehicle.Speed"),
            DataPoint = new Datapoint { Value = Wire.Float(88.5f) },
        });

        var speed = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path("Vehicle.Speed") });
        Assert.Equal(88.5f, speed.DataPoint.Value.Float);
    }
}
