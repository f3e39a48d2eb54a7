using System.Globalization;
using Cockpit.Gui.Screens;
using Cockpit.Gui.Vehicle;

namespace Cockpit.Gui.Hmi;

/// <summary>Turns the screen file, the session and the vehicle values into the elements on the screen now.</summary>
internal sealed class ScreenRenderer(ScreenCatalog catalog, VehicleLink vehicle)
{
    /// <summary>
    /// Every element of the current screen; of a content list's rows those in its viewport, and the row
    /// <paramref name="wanted"/> names wherever it is (marked as outside), so that a list of thousands costs a page.
    /// </summary>
    public List<RenderedElement> Render(HmiSession session, string? wanted = null)
    {
        var screen = catalog.Screens[session.ScreenId];
        var vehicleUp = vehicle.IsAvailable;
        bool IsTrue(string key) => key == Conditions.Vehicle ? vehicleUp : session.IsTrue(key);

        var elements = new List<RenderedElement>();
        foreach (var definition in screen.Elements)
        {
            if (!Conditions.Evaluate(definition.VisibleWhen, IsTrue))
            {
                continue;
            }

            var enabled = Conditions.Evaluate(definition.EnabledWhen, IsTrue);
            var disabledBy = enabled ? null : $"it is enabled only while '{definition.EnabledWhen}' holds";
            var bound = definition.Vss is not null;
            var writes = bound && definition.Role is ElementRole.Button or ElementRole.Switch or ElementRole.Slider;
            if (enabled && writes && !vehicleUp)
            {
                enabled = false;
                disabledBy = "the vehicle service is unavailable";
            }

            var vssValue = definition.Vss is { } vss ? vehicle.Get(vss.Path) : null;
            var element = new RenderedElement
            {
                Id = definition.Id,
                Role = definition.Role,
                Text = Fill(definition, session, vssValue),
                Bounds = BoundsOf(definition.Bounds),
                Enabled = enabled,
                DisabledBy = disabledBy,
                Checked = definition.Role == ElementRole.Switch
                    && (definition.Checked is not null ? Conditions.Evaluate(definition.Checked, IsTrue) : vssValue is true),
                Value = definition.Role == ElementRole.Slider ? vssValue as double? : null,
                Min = definition.Min,
                Max = definition.Max,
                Step = definition.Step,
                Input = definition.Role == ElementRole.TextField ? session.Inputs.GetValueOrDefault(definition.Id, string.Empty) : null,
                VssPath = definition.Vss?.Path,
                Unavailable = bound && !vehicleUp,
                Definition = definition,
            };

            if (definition.Role == ElementRole.List)
            {
                AddList(element, screen, session, IsTrue, elements, wanted);
            }
            else
            {
                elements.Add(element);
            }
        }

        return elements;
    }

    /// <summary>The rows a list shows after its search field's filter.</summary>
    public IReadOnlyList<ListRow> RowsOf(ElementDefinition list, ScreenDefinition screen, HmiSession session)
    {
        if (list.Source is null)
        {
            return [];
        }

        var field = screen.Elements.FirstOrDefault(e => e.Role == ElementRole.TextField && e.Filters == list.Id);
        var query = field is null ? string.Empty : session.Inputs.GetValueOrDefault(field.Id, string.Empty);
        var rows = catalog.Rows(list.Source);
        return query.Length == 0 ? rows : rows.Where(row => row.Matches(query)).ToArray();
    }

    /// <summary>How many rows fit in a list's viewport.</summary>
    public static int VisibleRows(ElementDefinition list) => Math.Max(1, list.Bounds[3] / list.ItemHeight);

    private void AddList(RenderedElement list, ScreenDefinition screen, HmiSession session, Func<string, bool> isTrue, List<RenderedElement> elements, string? wanted)
    {
        var definition = list.Definition;
        var rows = RowsOf(definition, screen, session);
        var count = definition.Items?.Count ?? rows.Count;
        var visible = VisibleRows(definition);
        var first = Math.Clamp(session.FirstVisible.GetValueOrDefault(definition.Id), 0, Math.Max(0, count - visible));
        elements.Add(list with { Scrollable = count > visible, FirstVisible = first, ItemCount = count });

        for (var i = 0; i < count; i++)
        {
            var bounds = new ElementBounds(list.Bounds.X, list.Bounds.Y + ((i - first) * definition.ItemHeight), list.Bounds.Width, definition.ItemHeight);
            var inViewport = i >= first && i < first + visible;
            if (definition.Items is { } items)
            {
                var item = items[i];
                var enabled = list.Enabled && Conditions.Evaluate(item.EnabledWhen, isTrue);
                elements.Add(new RenderedElement
                {
                    Id = item.Id,
                    Role = ElementRole.ListItem,
                    Text = item.Text,
                    Bounds = bounds,
                    Enabled = enabled,
                    DisabledBy = enabled ? null : list.DisabledBy ?? $"it is enabled only while '{item.EnabledWhen}' holds",
                    ParentId = definition.Id,
                    InViewport = inViewport,
                    Definition = item,
                });
            }
            else
            {
                var row = rows[i];
                if (!inViewport && !Names(wanted, definition.Id, row.Item.Id))
                {
                    continue;
                }

                // Rows made from content have no definition of their own; their list's item_tap applies.
                elements.Add(new RenderedElement
                {
                    Id = $"{definition.Id}.{row.Item.Id}",
                    Role = ElementRole.ListItem,
                    Text = row.Text,
                    Bounds = bounds,
                    Enabled = list.Enabled,
                    DisabledBy = list.DisabledBy,
                    ParentId = definition.Id,
                    InViewport = inViewport,
                    Definition = definition,
                    Row = row,
                    List = definition,
                });
            }
        }
    }

    /// <summary>Whether <paramref name="wanted"/> is the id of the row <c>{list}.{item}</c>.</summary>
    private static bool Names(string? wanted, string list, string item) =>
        wanted is not null && wanted.Length == list.Length + 1 + item.Length
        && wanted.StartsWith(list, StringComparison.Ordinal) && wanted[list.Length] == '.' && wanted.EndsWith(item, StringComparison.Ordinal);

    private static ElementBounds BoundsOf(IReadOnlyList<int> b) => b.Count == 4 ? new ElementBounds(b[0], b[1], b[2], b[3]) : default;

    private static LocalizedText Fill(ElementDefinition definition, HmiSession session, object? vssValue) => new(
        Templates.Fill(definition.Text.Zh, name => Placeholder(name, zh: true, session, definition, vssValue)),
        Templates.Fill(definition.Text.En, name => Placeholder(name, zh: false, session, definition, vssValue)));

    private static string Placeholder(string name, bool zh, HmiSession session, ElementDefinition definition, object? vssValue)
    {
        static string Of(LocalizedText? text, bool zh) => text is null ? string.Empty : zh ? text.Zh : text.En;

        return name switch
        {
            "media.track" => Of(session.Track?.Text, zh),
            "media.artist" => Of(session.Track?.Artist, zh),
            "navigation.destination" => Of(session.Destination?.Text, zh),
            "navigation.selected" => Of(session.SelectedPlace?.Text, zh),
            "navigation.selected.details" => session.SelectedPlace is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{p.DistanceKm:0.0} {(zh ? "公里" : "km")} · {p.Latitude:0.0000}, {p.Longitude:0.0000}")
                : string.Empty,
            "phone.contact" => Of(session.CallContact?.Text, zh),
            "phone.selected" => Of(session.SelectedContact?.Text, zh),
            "phone.selected.number" => session.SelectedContact?.Number ?? string.Empty,
            Templates.Vss => FormatVss(vssValue, definition.Vss?.Unit, zh),
            _ => string.Empty,
        };
    }

    private static string FormatVss(object? value, string? unit, bool zh) => value switch
    {
        null => "—",
        bool b => b ? (zh ? "开" : "On") : (zh ? "关" : "Off"),
        double d => string.Create(CultureInfo.InvariantCulture, $"{d:0.0}") + (unit is null ? string.Empty : $" {unit}"),
        _ => value.ToString() ?? "—",
    };
}
