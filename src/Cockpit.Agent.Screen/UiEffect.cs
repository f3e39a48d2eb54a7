namespace Cockpit.Agent.Screen;

/// <summary>A learned effect: tapping this element (or a row of this list) on this screen changes a state key.</summary>
/// <param name="Screen">The screen the element is on.</param>
/// <param name="ElementId">The element tapped (for a list, the row that was tried).</param>
/// <param name="ListId">Set when any row of the list has the effect.</param>
/// <param name="Key">The HMI state key that changed, e.g. <c>settings.bluetooth</c>.</param>
internal sealed record UiEffect(string Screen, string ElementId, string? ListId, string Key);
