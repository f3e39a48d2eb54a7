namespace Cockpit.Understanding;

/// <summary>How the lookup table stores the experts' outputs (<see cref="UnderstandingOptions.TablePrecision"/>).</summary>
public enum LookupTablePrecision
{
    /// <summary>IEEE fp16, as the experts graph computes them: L·N·d·2 bytes per token.</summary>
    Float16 = 1,

    /// <summary>Symmetric int8 with one fp32 scale per expert output (max |x| / 127): L·N·(d + 4) bytes per token, half of
    /// fp16's, at the same measured accuracy.</summary>
    Int8 = 2,
}
