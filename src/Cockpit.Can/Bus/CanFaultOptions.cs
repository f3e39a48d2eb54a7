using System.ComponentModel.DataAnnotations;

namespace Cockpit.Can.Bus;

/// <summary>
/// Faults the <see cref="VirtualCanBus"/> injects, each decided per frame from a seeded random sequence so that a
/// test run can be repeated exactly. Each share is a probability from 0 to 1.
/// </summary>
public sealed class CanFaultOptions
{
    /// <summary>Share of frames that are lost for every receiver. The default value is 0.</summary>
    [Range(0.0, 1.0)]
    public double DropRate { get; set; }

    /// <summary>Share of frames delivered with one payload bit flipped (frames with a payload only). The default value is 0.</summary>
    [Range(0.0, 1.0)]
    public double CorruptRate { get; set; }

    /// <summary>Share of frames delivered after <see cref="Delay"/>. The default value is 0.</summary>
    [Range(0.0, 1.0)]
    public double DelayRate { get; set; }

    /// <summary>How long a delayed frame is held back. The default value is 50 milliseconds.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Seed of the random sequence that picks the faulty frames. The default value is 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Whether any fault is switched on.</summary>
    public bool IsEnabled => DropRate > 0 || CorruptRate > 0 || DelayRate > 0;
}
