using System.Globalization;
using Cockpit.Gui.Screens;
using Cockpit.Gui.Vehicle;

namespace Cockpit.Gui.Hmi;

/// <summary>
/// Carries out one action on a draft session: finds the element, checks that the action fits it,
/// then applies the element's effect. Refusals throw <see cref="HmiActionException"/> before
/// anything is written, so the caller can drop the draft.
/// </summary>
internal sealed class ActionExecutor(ScreenCatalog catalog, ScreenRenderer renderer, VehicleLink vehicle, CommandRunner commands)
{
    /// <summary>Applies the action to <paramref name="session"/>; returns whether the car was written and a summary.</summary>
    public async Task<(bool Wrote, string Summary)> ExecuteAsync(HmiSession session, HmiAction action, CancellationToken cancellationToken)
    {
        switch (action.Kind)
        {
            case HmiActionKind.Back:
                return (false, Navigator.Back(session) ? $"back to {session.ScreenId}" : "nothing to go back to");
            case HmiActionKind.Home:
                Navigator.OpenApp(session, catalog, "home");
                return (false, "home screen");
            case HmiActionKind.OpenApp:
                if (!catalog.Apps.ContainsKey(action.Text))
                {
                    throw new HmiActionException(HmiErrorKind.InvalidArgument, $"unknown app '{action.Text}'; apps are {string.Join(", ", catalog.Apps.Keys)}");
                }

                Navigator.OpenApp(session, catalog, action.Text);
                return (false, $"opened {action.Text}");
        }

        var element = Find(session, action);
        CheckRole(element, action);
        if (!element.Enabled)
        {
            throw new HmiActionException(HmiErrorKind.FailedPrecondition, $"element '{element.Id}' is disabled: {element.DisabledBy}");
        }

        if (!element.InViewport)
        {
            throw new HmiActionException(HmiErrorKind.FailedPrecondition, $"element '{element.Id}' is outside the visible part of list '{element.ParentId}'; scroll the list first");
        }

        switch (action.Kind)
        {
            case HmiActionKind.Type:
                if (action.Text.Length > 200)
                {
                    throw new HmiActionException(HmiErrorKind.InvalidArgument, $"text for '{element.Id}' is longer than 200 characters");
                }

                session.Inputs[element.Id] = action.Text;
                session.FirstVisible.Remove(element.Definition.Filters!);
                return (false, $"typed \"{action.Text}\" into {element.Id}");
            case HmiActionKind.Scroll:
                return (false, Scroll(session, element, action));
            case HmiActionKind.Slide:
                return (true, await SlideAsync(element, action.Value, cancellationToken));
            case HmiActionKind.LongPress:
                return element.Definition.OnLongPress is { } longPress && element.Row is null
                    ? await ApplyAsync(session, element, longPress, cancellationToken)
                    : (false, $"nothing happens on a long press of {element.Id}");
            default:
                var effect = element.Row is not null ? element.List!.ItemTap : element.Definition.OnTap;
                return effect is null
                    ? (false, $"nothing happens on a tap of {element.Id}")
                    : await ApplyAsync(session, element, effect, cancellationToken);
        }
    }

    private RenderedElement Find(HmiSession session, HmiAction action)
    {
        var elements = renderer.Render(session, action.ElementId);
        if (action.Kind == HmiActionKind.Scroll && action.ElementId.Length == 0)
        {
            return elements.FirstOrDefault(e => e.Role == ElementRole.List && e.Scrollable)
                ?? throw new HmiActionException(HmiErrorKind.InvalidArgument, $"screen '{session.ScreenId}' has no scrollable list");
        }

        if (action.ElementId.Length == 0)
        {
            throw new HmiActionException(HmiErrorKind.InvalidArgument, $"{action.Kind} needs an element id");
        }

        return elements.FirstOrDefault(e => e.Id == action.ElementId)
            ?? throw new HmiActionException(HmiErrorKind.NotFound, $"element '{action.ElementId}' is not on screen '{session.ScreenId}'");
    }

    private static void CheckRole(RenderedElement element, HmiAction action)
    {
        var fits = action.Kind switch
        {
            HmiActionKind.Type => element.Role == ElementRole.TextField,
            HmiActionKind.Scroll => element.Role == ElementRole.List,
            HmiActionKind.Slide => element.Role == ElementRole.Slider,
            _ => true,
        };
        if (!fits)
        {
            var verb = action.Kind switch { HmiActionKind.Type => "type into", HmiActionKind.Scroll => "scroll", _ => "slide" };
            throw new HmiActionException(HmiErrorKind.InvalidArgument, $"cannot {verb} element '{element.Id}': it is a {Roles.Name(element.Role)}");
        }
    }

    private static string Scroll(HmiSession session, RenderedElement list, HmiAction action)
    {
        if (action.Down is not { } down)
        {
            throw new HmiActionException(HmiErrorKind.InvalidArgument, $"scrolling '{list.Id}' needs a direction (up or down)");
        }

        var visible = ScreenRenderer.VisibleRows(list.Definition);
        var page = Math.Max(1, visible - 1);
        var last = Math.Max(0, list.ItemCount - visible);
        var first = Math.Clamp(list.FirstVisible + (down ? page : -page), 0, last);
        session.FirstVisible[list.Id] = first;
        return first == list.FirstVisible
            ? $"{list.Id} is already at the {(down ? "end" : "start")}"
            : $"{list.Id} shows rows {first + 1}–{Math.Min(list.ItemCount, first + visible)} of {list.ItemCount}";
    }

    private async Task<string> SlideAsync(RenderedElement slider, double value, CancellationToken cancellationToken)
    {
        var (min, max, step) = (slider.Min!.Value, slider.Max!.Value, slider.Step!.Value);
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new HmiActionException(HmiErrorKind.InvalidArgument, $"value {value} is outside the range of slider '{slider.Id}' ({min} to {max})");
        }

        var snapped = Math.Min(max, min + (Math.Round((value - min) / step) * step));
        await WriteAsync(slider, snapped, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{slider.Id} set to {snapped}");
    }

    private async Task<(bool Wrote, string Summary)> ApplyAsync(HmiSession session, RenderedElement element, EffectDefinition effect, CancellationToken cancellationToken)
    {
        if (effect.Open is { } target)
        {
            Navigator.Open(session, catalog, target);
            return (false, $"opened {target}");
        }

        if (effect.Toggle is { } key)
        {
            var on = !session.IsTrue(key);
            if (key == StateKeys.SettingsBluetooth)
            {
                session.Bluetooth = on;
            }
            else
            {
                session.Wifi = on;
            }

            return (false, $"{key} {(on ? "on" : "off")}");
        }

        var binding = element.Definition.Vss;
        if (effect.VssToggle)
        {
            var on = vehicle.Get(binding!.Path) is not true;
            await WriteAsync(element, on, cancellationToken);
            return (true, $"{binding.Path} = {on}");
        }

        if (effect.VssStep is { } delta)
        {
            if (vehicle.Get(binding!.Path) is not double current)
            {
                throw new HmiActionException(HmiErrorKind.FailedPrecondition, $"element '{element.Id}': the value of {binding.Path} is not known yet");
            }

            var next = Math.Clamp(current + delta, element.Definition.Min!.Value, element.Definition.Max!.Value);
            if (next == current)
            {
                return (false, string.Create(CultureInfo.InvariantCulture, $"{binding.Path} is already at its limit {current}"));
            }

            await WriteAsync(element, next, cancellationToken);
            return (true, string.Create(CultureInfo.InvariantCulture, $"{binding.Path} = {next}"));
        }

        return await commands.RunAsync(session, effect.Command!, element.Row, cancellationToken);
    }

    private async Task WriteAsync(RenderedElement element, object value, CancellationToken cancellationToken)
    {
        var binding = element.Definition.Vss!;
        if (await vehicle.ActuateAsync([(binding.Path, value)], cancellationToken) is { IsAccepted: false } refused)
        {
            throw new HmiActionException(HmiErrorKind.FailedPrecondition, $"element '{element.Id}': the vehicle did not take {binding.Path}: {refused.Outcome}: {refused.Reason}");
        }
    }
}
