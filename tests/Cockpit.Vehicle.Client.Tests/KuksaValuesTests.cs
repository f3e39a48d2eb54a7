using Kuksa.Val.V2;

namespace Cockpit.Vehicle.Client.Tests;

public sealed class KuksaValuesTests
{
    private static readonly string[] s_letters = ["a", "b"];
    private static readonly ulong[] s_levels = [1, 2];
    private static readonly long[] s_offsets = [-1, 2];
    private static readonly float[] s_half = [0.5f];

    public static TheoryData<DataType, object, Value> Fits() => new()
    {
        { DataType.Boolean, true, new Value { Bool = true } },
        { DataType.String, "ON", new Value { String = "ON" } },
        { DataType.String, 21.5, new Value { String = "21.5" } },
        { DataType.Uint8, 3, new Value { Uint32 = 3 } },
        { DataType.Uint8, 3.0, new Value { Uint32 = 3 } },
        { DataType.Uint16, "40", new Value { Uint32 = 40 } },
        { DataType.Int8, -5L, new Value { Int32 = -5 } },
        { DataType.Int32, int.MinValue, new Value { Int32 = int.MinValue } },
        { DataType.Int64, long.MaxValue, new Value { Int64 = long.MaxValue } },
        { DataType.Uint64, ulong.MaxValue, new Value { Uint64 = ulong.MaxValue } },
        { DataType.Float, 21.5, new Value { Float = 21.5f } },
        { DataType.Float, 22, new Value { Float = 22f } },
        { DataType.Double, "48.137", new Value { Double = 48.137 } },
        { DataType.StringArray, s_letters, new Value { StringArray = new StringArray { Values = { "a", "b" } } } },
        { DataType.Uint8Array, s_levels, new Value { Uint32Array = new Uint32Array { Values = { 1, 2 } } } },
        { DataType.Int16Array, s_offsets, new Value { Int32Array = new Int32Array { Values = { -1, 2 } } } },
        { DataType.FloatArray, s_half, new Value { FloatArray = new FloatArray { Values = { 0.5f } } } },
    };

    [Theory]
    [MemberData(nameof(Fits))]
    public void ToWire_AValueThatFits_IsSentInTheSignalsWireType(DataType type, object value, Value expected) =>
        Assert.Equal(expected, KuksaValues.ToWire(type, value));

    [Theory]
    [InlineData(DataType.Uint8, 21.5, "21.5 is not a whole number")]
    [InlineData(DataType.Uint8, -1, "-1 is outside the range of Uint8")]
    [InlineData(DataType.Int32, 3e10, "30000000000 is outside the range of Int32")]
    [InlineData(DataType.Boolean, 1, "1 is not true or false")]
    [InlineData(DataType.Float, true, "a boolean is not a number")]
    [InlineData(DataType.Float, "warm", "'warm' is not a number")]
    [InlineData(DataType.StringArray, "a", "a is not a list")]
    public void ToWire_AValueThatDoesNotFit_IsRefusedSayingWhy(DataType type, object value, string why) =>
        Assert.Equal(why, Assert.Throws<FormatException>(() => KuksaValues.ToWire(type, value)).Message);

    [Fact]
    public void ToWire_TheLargestWholeNumbers_LoseNoBit()
    {
        Assert.Equal(long.MinValue, KuksaValues.ToWire(DataType.Int64, long.MinValue).Int64);
        Assert.Equal((1UL << 53) + 1, KuksaValues.ToWire(DataType.Uint64, (1UL << 53) + 1).Uint64);
    }

    [Fact]
    public void ToClr_EachWireField_ItsOwnClrType()
    {
        Assert.Null(KuksaValues.ToClr(null));
        Assert.Null(KuksaValues.ToClr(new Value()));
        Assert.Equal(7u, KuksaValues.ToClr(new Value { Uint32 = 7 }));
        Assert.Equal(-7, KuksaValues.ToClr(new Value { Int32 = -7 }));
        Assert.Equal(ulong.MaxValue, KuksaValues.ToClr(new Value { Uint64 = ulong.MaxValue }));
        Assert.Equal(21.5f, KuksaValues.ToClr(new Value { Float = 21.5f }));
        Assert.Equal(s_letters, KuksaValues.ToClr(new Value { StringArray = new StringArray { Values = { "a", "b" } } }));
    }

    [Theory]
    [MemberData(nameof(Fits))]
    public void ToWire_ThenToClr_GivesTheSameWireValueAgain(DataType type, object value, Value expected)
    {
        _ = value;
        Assert.Equal(expected, KuksaValues.ToWire(type, KuksaValues.ToClr(expected)!));
    }

    [Theory]
    [InlineData(Value.TypedValueOneofCase.Uint32, "uint32")]
    [InlineData(Value.TypedValueOneofCase.StringArray, "string_array")]
    [InlineData(Value.TypedValueOneofCase.None, "no value")]
    public void WireName_IsKuksasFieldName(Value.TypedValueOneofCase wire, string name) => Assert.Equal(name, KuksaValues.WireName(wire));
}
