namespace Cockpit.Agent.Screen;

/// <summary>A learned edge of the UI map: this action on this screen leads to that screen.</summary>
/// <param name="From">The screen the action is taken on.</param>
/// <param name="Action">The action.</param>
/// <param name="To">The screen it leads to.</param>
/// <param name="ListId">Set when the action taps a row of a content list: any row of that list leads there.</param>
internal sealed record UiTransition(string From, UiAction Action, string To, string? ListId);
