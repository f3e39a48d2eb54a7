namespace Cockpit.Agent.Screen;

/// <summary>A content list learned by scrolling through it: where it is, how to search it, and its rows.</summary>
/// <param name="Id">The list element id, e.g. <c>phone.contacts</c>.</param>
/// <param name="Screen">The screen it is on.</param>
/// <param name="SearchFieldId">The text field on the same screen, if any (taken to filter the list).</param>
/// <param name="Rows">Every row, in list order.</param>
/// <param name="Complete">Whether the scroll reached the end, so a name missing from <paramref name="Rows"/> is not there.</param>
internal sealed record UiList(string Id, string Screen, string? SearchFieldId, IReadOnlyList<UiRow> Rows, bool Complete);
