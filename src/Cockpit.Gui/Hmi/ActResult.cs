namespace Cockpit.Gui.Hmi;

/// <summary>The outcome of a successful action.</summary>
/// <param name="Screen">The screen the action led to.</param>
/// <param name="Changed">False when the action was valid but had nothing to do.</param>
/// <param name="Summary">One line in English.</param>
internal sealed record ActResult(ScreenSnapshot Screen, bool Changed, string Summary);
