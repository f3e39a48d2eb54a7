using Cockpit.Gui.Hmi;

namespace Cockpit.Gui.Web;

/// <summary>What the watch page shows: the screen, the latest actions (newest first), and its first language.</summary>
internal static class WatchView
{
    public static object Of(ScreenSnapshot screen, IReadOnlyList<ActionRecord> actions, string language) => new
    {
        Screen = new
        {
            screen.Id,
            screen.App,
            screen.Title,
            screen.Version,
            screen.VehicleAvailable,
            screen.Width,
            screen.Height,
            Elements = screen.Elements.Select(e => new
            {
                e.Id,
                Role = Roles.Name(e.Role),
                e.Text,
                e.Bounds,
                e.Enabled,
                e.Checked,
                e.Value,
                e.Min,
                e.Max,
                e.Input,
                e.Scrollable,
                e.FirstVisible,
                e.ItemCount,
                e.ParentId,
                e.VssPath,
                e.Unavailable,
            }),
        },
        Actions = actions,
        Language = language,
    };
}
