namespace Cockpit.Gui.Screens;

/// <summary>What a tap or long press does; exactly one member is set.</summary>
internal sealed class EffectDefinition
{
    /// <summary>Opens this screen on top of the current one.</summary>
    public string? Open { get; init; }

    /// <summary>Flips this boolean state key.</summary>
    public string? Toggle { get; init; }

    /// <summary>Flips the element's boolean vehicle signal.</summary>
    public bool VssToggle { get; init; }

    /// <summary>Adds this amount to the element's numeric vehicle signal, within the element's min and max.</summary>
    public double? VssStep { get; init; }

    /// <summary>One of <see cref="HmiCommands"/>.</summary>
    public string? Command { get; init; }

    public int SetCount =>
        (Open is null ? 0 : 1) + (Toggle is null ? 0 : 1) + (VssToggle ? 1 : 0) + (VssStep is null ? 0 : 1) + (Command is null ? 0 : 1);
}
