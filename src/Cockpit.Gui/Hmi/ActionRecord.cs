namespace Cockpit.Gui.Hmi;

/// <summary>One action as the watch page lists it.</summary>
/// <param name="At">When it ran.</param>
/// <param name="Action">What was asked, in English.</param>
/// <param name="Ok">Whether it succeeded.</param>
/// <param name="Summary">What happened, or the error message.</param>
internal sealed record ActionRecord(DateTimeOffset At, string Action, bool Ok, string Summary);
