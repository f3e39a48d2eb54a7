using Cockpit.Can.Dbc;
using FsCheck;
using FsCheck.Fluent;

namespace Cockpit.Can.Tests.Infrastructure;

/// <summary>FsCheck generators for payloads and signal values, edges included (0, all ones, sign boundary).</summary>
internal static class Generators
{
    public static Gen<byte> Byte { get; } = Gen.Choose(0, 255).Select(b => (byte)b);

    public static Gen<(byte[] Payload, ulong Bits)> PayloadAndBits(int length, DbcSignal signal)
    {
        var mask = signal.Length == 64 ? ulong.MaxValue : (1UL << signal.Length) - 1;
        var any = Gen.ArrayOf(Byte, 8).Select(b => BitConverter.ToUInt64(b) & mask);
        var small = Gen.Choose(0, 16).Select(v => (ulong)v & mask);
        var edges = Gen.Elements(0UL, mask, mask >> 1, (mask >> 1) + 1);
        var bits = Gen.OneOf(any, any, small, edges);
        return Gen.ArrayOf(Byte, length).SelectMany(_ => bits, (payload, value) => (payload, value));
    }

    /// <summary>
    /// Whether the physical value of <paramref name="bits"/> survives a trip through <see cref="double"/>: integers
    /// up to 2^50 (room for the factor's rounding error), finite floats with identity scaling.
    /// </summary>
    public static bool IsExactlyRepresentable(DbcSignal signal, ulong bits)
    {
        switch (signal.ValueType)
        {
            case DbcValueType.Float32:
                return signal.Factor == 1 && signal.Offset == 0 && float.IsFinite(BitConverter.Int32BitsToSingle((int)bits));
            case DbcValueType.Float64:
                return signal.Factor == 1 && signal.Offset == 0 && double.IsFinite(BitConverter.Int64BitsToDouble((long)bits));
        }

        var raw = signal.IsSigned ? (long)(bits << (64 - signal.Length)) >> (64 - signal.Length) : (long)Math.Min(bits, long.MaxValue);
        const long Limit = 1L << 50;
        return signal.Factor != 0 && raw > -Limit && raw < Limit && Math.Abs(signal.Offset / signal.Factor) < Limit;
    }
}
