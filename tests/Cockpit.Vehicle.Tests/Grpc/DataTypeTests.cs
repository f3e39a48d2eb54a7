using Cockpit.Testing;
using Grpc.Core;
using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Tests.Grpc;

/// <summary>Every VSS data type goes through Actuate and comes back unchanged from GetValue.</summary>
public sealed class DataTypeTests : IAsyncLifetime
{
    private VehicleServiceHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await VehicleServiceHost.StartAsync(options => options.CatalogPath = Path.Combine(AppContext.BaseDirectory, "TestData", "all-types.json"));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, Value> EveryType => new()
    {
        { "String", new Value { String = "héllo 你好" } },
        { "Boolean", new Value { Bool = true } },
        { "Int8", new Value { Int32 = -100 } },
        { "Int16", new Value { Int32 = short.MinValue } },
        { "Int32", new Value { Int32 = int.MaxValue } },
        { "Int64", new Value { Int64 = long.MinValue } },
        { "UInt8", new Value { Uint32 = 255 } },
        { "UInt16", new Value { Uint32 = ushort.MaxValue } },
        { "UInt32", new Value { Uint32 = uint.MaxValue } },
        { "UInt64", new Value { Uint64 = ulong.MaxValue } },
        { "Float", new Value { Float = -50.5f } },
        { "Double", new Value { Double = Math.PI } },
        { "StringArray", new Value { StringArray = new StringArray { Values = { "a", "b" } } } },
        { "BooleanArray", new Value { BoolArray = new BoolArray { Values = { true, false } } } },
        { "Int8Array", new Value { Int32Array = new Int32Array { Values = { -128, 127 } } } },
        { "Int64Array", new Value { Int64Array = new Int64Array { Values = { long.MaxValue } } } },
        { "UInt8Array", new Value { Uint32Array = new Uint32Array { Values = { 0, 10 } } } },
        { "UInt64Array", new Value { Uint64Array = new Uint64Array { Values = { ulong.MaxValue } } } },
        { "FloatArray", new Value { FloatArray = new FloatArray { Values = { 1.5f, -2f } } } },
        { "DoubleArray", new Value { DoubleArray = new DoubleArray { Values = { 1e300 } } } },
        { "Mode", new Value { String = "ON" } },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public async Task Actuate_EveryDataType_RoundTrips(string name, Value value)
    {
        var path = $"Vehicle.Types.{name}";

        await _host.Val.ActuateAsync(Wire.Actuate(path, value));

        var read = await _host.Val.GetValueAsync(new GetValueRequest { SignalId = Wire.Path(path) });
        Assert.Equal(value, read.DataPoint.Value);
    }

    [Theory]
    [InlineData("Int8", 101, "Vehicle.Types.Int8: 101 is out of range [-100, 100]")]
    [InlineData("Int16", 40000, "Vehicle.Types.Int16: 40000 does not fit in int16")]
    public async Task Actuate_IntegerOutsideItsType_InvalidArgument(string name, int value, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.ActuateAsync(Wire.Actuate($"Vehicle.Types.{name}", Wire.Int(value))).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, message), (error.StatusCode, error.Status.Detail));
    }

    [Fact]
    public async Task Actuate_ArrayElementOutOfRange_InvalidArgument()
    {
        var value = new Value { Uint32Array = new Uint32Array { Values = { 3, 11 } } };

        var error = await Assert.ThrowsAsync<RpcException>(() => _host.Val.ActuateAsync(Wire.Actuate("Vehicle.Types.UInt8Array", value)).ResponseAsync);

        Assert.Equal("Vehicle.Types.UInt8Array: 11 is out of range [, 10]", error.Status.Detail);
    }

    [Fact]
    public async Task Actuate_Attribute_InvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _host.Val.ActuateAsync(Wire.Actuate("Vehicle.VehicleIdentification.VIN", Wire.String("X"))).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "Vehicle.VehicleIdentification.VIN: is an attribute, only actuators can be actuated"),
            (error.StatusCode, error.Status.Detail));
    }
}
