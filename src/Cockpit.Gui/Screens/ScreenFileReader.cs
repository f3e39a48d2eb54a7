using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cockpit.Gui.Screens;

/// <summary>
/// Reads the screen file and the content file (docs/formats/hmi-screens.md) in the order of that
/// page: format, display, apps, screens and their elements; then content. Every check failing
/// throws a <see cref="ScreenFileException"/> that names the element.
/// </summary>
internal static class ScreenFileReader
{
    private const string EmbeddedScreens = "Cockpit.Gui.Screens.screens.json";
    private const string EmbeddedContent = "Cockpit.Gui.Screens.content.json";
    private const double EarthRadiusKm = 6371.0;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// Reads the given files, or the embedded ones where a path is empty; <paramref name="generated"/> adds that many
    /// generated tracks, places and contacts (<see cref="ContentGenerator"/>) to the content.
    /// </summary>
    public static ScreenCatalog Load(string? screensPath, string? contentPath, (int Tracks, int Places, int Contacts, int Seed) generated = default)
    {
        using var screens = Open(screensPath, EmbeddedScreens);
        using var content = Open(contentPath, EmbeddedContent);
        return Read(screens, content, generated);
    }

    public static ScreenCatalog Read(Stream screensJson, Stream contentJson, (int Tracks, int Places, int Contacts, int Seed) generated = default)
    {
        var screens = Deserialize<ScreenFile>(screensJson, "screen file");
        var content = Deserialize<ContentFile>(contentJson, "content file");
        if (generated.Tracks + generated.Places + generated.Contacts > 0)
        {
            content = new ContentGenerator(ContentWords.Load(), generated.Seed).Extend(content, generated.Tracks, generated.Places, generated.Contacts);
        }

        // Format
        if (screens.Format != ScreenFile.FormatName)
        {
            throw new ScreenFileException(ScreenFileError.WrongFormat, $"screen file: format '{screens.Format}', expected '{ScreenFile.FormatName}'");
        }

        if (content.Format != ContentFile.FormatName)
        {
            throw new ScreenFileException(ScreenFileError.WrongFormat, $"content file: format '{content.Format}', expected '{ContentFile.FormatName}'");
        }

        // Display
        if (screens.Display.Width <= 0 || screens.Display.Height <= 0)
        {
            throw new ScreenFileException(ScreenFileError.BadBounds, "screen file: display width and height must be positive");
        }

        // Screens and elements
        var screenIds = new HashSet<string>(StringComparer.Ordinal);
        var elementIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var screen in screens.Screens)
        {
            if (string.IsNullOrEmpty(screen.Id) || !screenIds.Add(screen.Id))
            {
                throw new ScreenFileException(ScreenFileError.DuplicateId, $"screen file: screen id '{screen.Id}' is empty or used twice");
            }

            if (!screens.Apps.ContainsKey(screen.App))
            {
                throw new ScreenFileException(ScreenFileError.UnknownReference, $"screen '{screen.Id}': app '{screen.App}' is not in apps");
            }
        }

        foreach (var screen in screens.Screens)
        {
            var lists = screen.Elements.Where(e => e.Role == ElementRole.List).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var element in screen.Elements)
            {
                CheckElement(screen, element, screens.Display, screenIds, elementIds, lists);
            }
        }

        // Apps
        foreach (var (app, screenId) in screens.Apps)
        {
            if (!screenIds.Contains(screenId) || screens.Screens.First(s => s.Id == screenId).App != app)
            {
                throw new ScreenFileException(ScreenFileError.UnknownReference, $"app '{app}': first screen '{screenId}' is missing or belongs to another app");
            }
        }

        if (!screens.Apps.ContainsKey("home"))
        {
            throw new ScreenFileException(ScreenFileError.UnknownReference, "screen file: apps has no 'home'");
        }

        // Content
        CheckContent("tracks", content.Tracks);
        CheckContent("places", content.Places);
        CheckContent("contacts", content.Contacts);
        CheckContent("bluetooth_devices", content.BluetoothDevices);
        CheckContent("wifi_networks", content.WifiNetworks);

        foreach (var place in content.Places)
        {
            place.DistanceKm = DistanceKm(content.Position, place);
        }

        return new ScreenCatalog(screens, content, BuildRows(content));
    }

    private static Stream Open(string? path, string resource)
    {
        if (!string.IsNullOrEmpty(path))
        {
            return File.OpenRead(path);
        }

        return typeof(ScreenFileReader).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from the build");
    }

    private static T Deserialize<T>(Stream stream, string what)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(stream, Json)
                ?? throw new ScreenFileException(ScreenFileError.Malformed, $"{what}: empty document");
        }
        catch (JsonException ex)
        {
            throw new ScreenFileException(ScreenFileError.Malformed, $"{what}: {ex.Message}", ex);
        }
    }

    private static void CheckElement(
        ScreenDefinition screen, ElementDefinition element, DisplaySize display,
        HashSet<string> screenIds, HashSet<string> elementIds, HashSet<string> lists)
    {
        var where = $"screen '{screen.Id}', element '{element.Id}'";
        if (string.IsNullOrEmpty(element.Id) || !elementIds.Add(element.Id))
        {
            throw new ScreenFileException(ScreenFileError.DuplicateId, $"{where}: id is empty or used twice");
        }

        if (element.Role != ElementRole.ListItem)
        {
            var b = element.Bounds;
            if (b.Count != 4 || b[0] < 0 || b[1] < 0 || b[2] <= 0 || b[3] <= 0 || b[0] + b[2] > display.Width || b[1] + b[3] > display.Height)
            {
                throw new ScreenFileException(ScreenFileError.BadBounds, $"{where}: bounds must be [x, y, width, height] inside the display");
            }
        }

        foreach (var condition in new[] { element.VisibleWhen, element.EnabledWhen, element.Checked })
        {
            if (condition is not null && !Conditions.IsKnown(condition))
            {
                throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: unknown condition '{condition}'");
            }
        }

        // The deserializer leaves a missing "zh" or "en" (or "text": null) as null despite the record's types.
        if (element.Text?.Zh is null || element.Text.En is null)
        {
            throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: text needs both \"zh\" and \"en\"");
        }

        foreach (var name in Templates.NamesIn(element.Text.Zh).Concat(Templates.NamesIn(element.Text.En)))
        {
            if (!Templates.Names.Contains(name) || (name == Templates.Vss && element.Vss is null))
            {
                throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: unknown placeholder '{{{name}}}'");
            }
        }

        if (element.Vss is { } vss && (string.IsNullOrEmpty(vss.Path) || !VehicleTypes.Contains(vss.Type)))
        {
            throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: vss needs a path and a type ({string.Join(", ", VehicleTypes)})");
        }

        if (element.Role == ElementRole.Slider && (element.Vss is null || element.Min is not { } min || element.Max is not { } max || min >= max || element.Step is not > 0))
        {
            throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: a slider needs vss, min < max and a positive step");
        }

        if (element.Role == ElementRole.TextField && (element.Filters is null || !lists.Contains(element.Filters)))
        {
            throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: filters must name a list on the same screen");
        }

        if (element.Role == ElementRole.List)
        {
            if (element.ItemHeight <= 0 || (element.Source is null) == (element.Items is null))
            {
                throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: a list needs item_height and either source or items");
            }

            if (element.Source is not null && !ScreenCatalog.Sources.Contains(element.Source))
            {
                throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: unknown source '{element.Source}'");
            }

            foreach (var item in element.Items ?? [])
            {
                if (item.Role != ElementRole.ListItem)
                {
                    throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: items must have role list_item");
                }

                CheckElement(screen, item, display, screenIds, elementIds, lists);
            }
        }

        CheckEffect(where, "on_tap", element.OnTap, element, screenIds, forRow: false);
        CheckEffect(where, "on_long_press", element.OnLongPress, element, screenIds, forRow: false);
        CheckEffect(where, "item_tap", element.ItemTap, element, screenIds, forRow: true);
    }

    private static void CheckEffect(string where, string field, EffectDefinition? effect, ElementDefinition element, HashSet<string> screenIds, bool forRow)
    {
        if (effect is null)
        {
            return;
        }

        if (effect.SetCount != 1)
        {
            throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: {field} must set exactly one of open, toggle, vss_toggle, vss_step, command");
        }

        if (effect.Open is not null && !screenIds.Contains(effect.Open))
        {
            throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: {field} opens unknown screen '{effect.Open}'");
        }

        if (effect.Toggle is not null && !StateKeys.Toggles.Contains(effect.Toggle))
        {
            throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: {field} toggles '{effect.Toggle}', which is not a switchable state key");
        }

        if ((effect.VssToggle && element.Vss?.Type != "bool") || (effect.VssStep is not null && (element.Vss is null || element.Min is null || element.Max is null)))
        {
            throw new ScreenFileException(ScreenFileError.BadElement, $"{where}: {field} needs a bool vss binding (vss_toggle) or a numeric one with min and max (vss_step)");
        }

        if (effect.Command is { } command && (!HmiCommands.All.Contains(command) || HmiCommands.ForRows.Contains(command) != forRow))
        {
            throw new ScreenFileException(ScreenFileError.UnknownReference, $"{where}: {field} has unknown or misplaced command '{command}'");
        }
    }

    private static void CheckContent(string kind, IEnumerable<ContentItem> items)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (string.IsNullOrEmpty(item.Id) || !ids.Add(item.Id) || string.IsNullOrEmpty(item.Name) || !names.Add(item.Name))
            {
                throw new ScreenFileException(ScreenFileError.DuplicateId, $"content file: {kind} item '{item.Id}' ('{item.Name}') has an empty or repeated id or name");
            }
        }
    }

    private static Dictionary<string, IReadOnlyList<ListRow>> BuildRows(ContentFile content) => new(StringComparer.Ordinal)
    {
        [ScreenCatalog.Tracks] = content.Tracks
            .Select(t => Row(t, new LocalizedText($"{t.Text.Zh} — {t.Artist.Zh}", $"{t.Text.En} — {t.Artist.En}"), t.Artist.Zh, t.Artist.En))
            .ToArray(),
        [ScreenCatalog.Places] = content.Places
            .OrderBy(p => p.DistanceKm)
            .Select(p => Row(p, new LocalizedText($"{p.Text.Zh} · {p.DistanceKm:0.0} 公里", $"{p.Text.En} · {p.DistanceKm:0.0} km"), p.Category))
            .ToArray(),
        [ScreenCatalog.Contacts] = content.Contacts.Select(c => Row(c, c.Text, c.Number)).ToArray(),
        [ScreenCatalog.BluetoothDevices] = content.BluetoothDevices.Select(d => Row(d, d.Text)).ToArray(),
        [ScreenCatalog.WifiNetworks] = content.WifiNetworks.Select(n => Row(n, n.Text)).ToArray(),
    };

    private static ListRow Row(ContentItem item, LocalizedText text, params string[] extra)
    {
        var terms = new[] { item.Name, item.Text.Zh, item.Text.En }.Concat(extra).Select(term => term.ToLowerInvariant()).ToArray();
        var search = string.Join('\n', terms) + '\n' + string.Join('\n', terms.Select(term => term.Replace(" ", string.Empty, StringComparison.Ordinal)));
        return new ListRow(item, text, search);
    }

    private static double DistanceKm(GeoPoint from, Place to)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180.0;

        var dLat = Radians(to.Latitude - from.Latitude);
        var dLon = Radians(to.Longitude - from.Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(from.Latitude)) * Math.Cos(Radians(to.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(a));
    }

    private static readonly string[] VehicleTypes = ["bool", "float", "double", "uint8", "uint16", "uint32", "int8", "int16", "int32", "string"];
}
