using Cockpit.Can.Frames;

namespace Cockpit.Can.Bus;

/// <summary>
/// A SocketCAN-style acceptance filter: a frame passes when <c>frame.Id &amp; Mask == Id &amp; Mask</c> and, if
/// <see cref="Extended"/> is set, its identifier format matches.
/// </summary>
/// <param name="Id">The identifier to compare with.</param>
/// <param name="Mask">The identifier bits that must match; 0 accepts every identifier.</param>
/// <param name="Extended">Only 29-bit (<see langword="true"/>) or 11-bit (<see langword="false"/>) frames; <see langword="null"/> for both.</param>
public readonly record struct CanIdFilter(uint Id, uint Mask, bool? Extended = null)
{
    /// <summary>A filter that accepts every frame.</summary>
    public static CanIdFilter All { get; } = new(0, 0);

    /// <summary>A filter for exactly one identifier.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="isExtended">Whether it is a 29-bit identifier.</param>
    /// <returns>The filter.</returns>
    public static CanIdFilter Exact(uint id, bool isExtended = false) =>
        new(id, isExtended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId, isExtended);

    /// <summary>Whether <paramref name="frame"/> passes the filter.</summary>
    /// <param name="frame">The frame.</param>
    /// <returns><see langword="true"/> when it passes.</returns>
    public bool Matches(CanFrame frame) =>
        (frame.Id & Mask) == (Id & Mask) && (Extended is null || Extended == frame.IsExtended);
}
