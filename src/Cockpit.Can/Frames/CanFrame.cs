namespace Cockpit.Can.Frames;

/// <summary>
/// One CAN or CAN FD frame: identifier, format flags and payload. The payload is not copied; callers that
/// keep a frame must not change the array it was built from.
/// </summary>
public readonly struct CanFrame : IEquatable<CanFrame>
{
    /// <summary>The largest 11-bit (standard) identifier.</summary>
    public const uint MaxStandardId = 0x7FF;

    /// <summary>The largest 29-bit (extended) identifier.</summary>
    public const uint MaxExtendedId = 0x1FFF_FFFF;

    /// <summary>The largest classic CAN payload, in bytes.</summary>
    public const int MaxClassicLength = 8;

    /// <summary>The largest CAN FD payload, in bytes.</summary>
    public const int MaxFdLength = 64;

    /// <summary>Creates a frame and checks that identifier and payload length fit the format.</summary>
    /// <param name="id">The identifier, without any flag bits.</param>
    /// <param name="data">The payload: up to 8 bytes, or for CAN FD one of 0–8, 12, 16, 20, 24, 32, 48, 64.</param>
    /// <param name="isExtended">Whether <paramref name="id"/> is a 29-bit identifier.</param>
    /// <param name="isFd">Whether this is a CAN FD frame.</param>
    /// <param name="bitRateSwitch">CAN FD only: the data phase uses the faster bit rate (BRS).</param>
    /// <param name="errorStateIndicator">CAN FD only: the sender is error passive (ESI).</param>
    /// <exception cref="ArgumentOutOfRangeException">The identifier or payload length does not fit the format.</exception>
    public CanFrame(uint id, ReadOnlyMemory<byte> data, bool isExtended = false, bool isFd = false,
        bool bitRateSwitch = false, bool errorStateIndicator = false)
    {
        var maxId = isExtended ? MaxExtendedId : MaxStandardId;
        if (id > maxId)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id,
                $"A {(isExtended ? "29" : "11")}-bit CAN identifier is at most 0x{maxId:X}.");
        }

        if (!IsValidLength(data.Length, isFd))
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length,
                isFd ? "A CAN FD payload has 0-8, 12, 16, 20, 24, 32, 48 or 64 bytes." : "A classic CAN payload has at most 8 bytes.");
        }

        if (!isFd && (bitRateSwitch || errorStateIndicator))
        {
            throw new ArgumentException("BRS and ESI exist only on CAN FD frames.", nameof(bitRateSwitch));
        }

        Id = id;
        Data = data;
        IsExtended = isExtended;
        IsFd = isFd;
        BitRateSwitch = bitRateSwitch;
        ErrorStateIndicator = errorStateIndicator;
    }

    /// <summary>The identifier, without flag bits: 11 bits, or 29 bits when <see cref="IsExtended"/>.</summary>
    public uint Id { get; }

    /// <summary>The payload.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Whether the identifier is 29 bits long.</summary>
    public bool IsExtended { get; }

    /// <summary>Whether this is a CAN FD frame.</summary>
    public bool IsFd { get; }

    /// <summary>CAN FD bit rate switch (BRS) flag.</summary>
    public bool BitRateSwitch { get; }

    /// <summary>CAN FD error state indicator (ESI) flag.</summary>
    public bool ErrorStateIndicator { get; }

    /// <summary>The payload length in bytes.</summary>
    public int Length => Data.Length;

    /// <summary>Whether <paramref name="length"/> is a payload length the format allows.</summary>
    /// <param name="length">Payload length in bytes.</param>
    /// <param name="isFd">Whether the frame is CAN FD.</param>
    /// <returns><see langword="true"/> when the length is allowed.</returns>
    public static bool IsValidLength(int length, bool isFd) => isFd
        ? length is >= 0 and <= 8 or 12 or 16 or 20 or 24 or 32 or 48 or 64
        : length is >= 0 and <= MaxClassicLength;

    /// <inheritdoc />
    public bool Equals(CanFrame other) =>
        Id == other.Id && IsExtended == other.IsExtended && IsFd == other.IsFd &&
        BitRateSwitch == other.BitRateSwitch && ErrorStateIndicator == other.ErrorStateIndicator &&
        Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CanFrame other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Id);
        hash.Add(IsExtended);
        hash.Add(IsFd);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <summary>The frame in candump's compact form, e.g. <c>123#DEADBEEF</c> or <c>12345678##1AA</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString()
    {
        var id = IsExtended ? Id.ToString("X8") : Id.ToString("X3");
        var flags = IsFd ? "#" + ((BitRateSwitch ? 1 : 0) | (ErrorStateIndicator ? 2 : 0)).ToString("X1") : string.Empty;
        return $"{id}#{flags}{Convert.ToHexString(Data.Span)}";
    }

    /// <summary>Compares two frames by identifier, flags and payload bytes.</summary>
    /// <param name="left">The first frame.</param>
    /// <param name="right">The second frame.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CanFrame left, CanFrame right) => left.Equals(right);

    /// <summary>Compares two frames by identifier, flags and payload bytes.</summary>
    /// <param name="left">The first frame.</param>
    /// <param name="right">The second frame.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CanFrame left, CanFrame right) => !left.Equals(right);
}
