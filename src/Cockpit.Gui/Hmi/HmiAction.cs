namespace Cockpit.Gui.Hmi;

/// <summary>One action on the screen.</summary>
/// <param name="Kind">What is done.</param>
/// <param name="ElementId">The element acted on (tap, long press, type, scroll, slide).</param>
/// <param name="Text">Typed text, or the app to open.</param>
/// <param name="Value">Slider value.</param>
/// <param name="Down">Scroll towards the end of the list (true) or the start (false); null when not given.</param>
internal sealed record HmiAction(HmiActionKind Kind, string ElementId = "", string Text = "", double Value = 0, bool? Down = null)
{
    public override string ToString() => Kind switch
    {
        HmiActionKind.Tap or HmiActionKind.LongPress => $"{Kind} {ElementId}",
        HmiActionKind.Type => $"Type \"{Text}\" into {ElementId}",
        HmiActionKind.Scroll => $"Scroll {(Down == true ? "down" : Down == false ? "up" : "?")} {(ElementId.Length == 0 ? "(first list)" : ElementId)}",
        HmiActionKind.Slide => $"Slide {ElementId} to {Value}",
        HmiActionKind.OpenApp => $"Open app {Text}",
        _ => Kind.ToString(),
    };
}
