using Cockpit.Hmi.V1;
using HmiScreen = Cockpit.Hmi.V1.Screen;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Chooses the next action of one task from what is on the screen now and the HMI state: the shortest known path
/// to the screen where the goal can be reached, then the taps, typing and scrolling there. Because it decides
/// from the screen each time, an unexpected screen (a dialog, a failed tap, the occupant's own touch) is
/// recovered from by planning again; actions the HMI refused are not tried twice, Home is the way out.
/// </summary>
internal sealed class ScreenPlanner(ScreenIntent intent, UiMap map, string language)
{
    private readonly HashSet<UiAction> _refused = [];
    private UiRow? _target = intent.Target;
    private bool _acted;
    private bool _completionTapped;

    /// <summary>Notes the outcome of an action: <paramref name="refused"/> when the HMI would not take it.</summary>
    public void Observe(UiAction action, bool refused)
    {
        if (refused)
        {
            _refused.Add(action);
            return;
        }

        _acted = true;
        if (intent.Effect is { ListId: null } effect && action.Target == effect.ElementId)
        {
            _completionTapped = true;
        }
    }

    /// <summary>Decides the next step.</summary>
    public PlanStep Next(HmiScreen screen, State state)
    {
        if (Holds(state))
        {
            return PlanStep.Finished;
        }

        var step = intent.Kind switch
        {
            ScreenIntentKind.OpenApp => PlanStep.Act(intent.App == "home" ? UiAction.Home : UiAction.OpenApp(intent.App!)),
            ScreenIntentKind.Switch => Toward(screen, intent.Effect!.Screen) ?? TapIfThere(screen, intent.Effect!.ElementId),
            ScreenIntentKind.Content => Content(screen),
            ScreenIntentKind.Tap => PlanStep.Act(UiAction.Tap(intent.TapElementId!)),
            _ => PlanStep.Act(UiAction.Back),
        };

        if (step.Action is { } action && _refused.Contains(action))
        {
            // Tried and refused: once more from Home, after that there is no way.
            return action != UiAction.Home && screen.Id != map.HomeScreen && !_refused.Contains(UiAction.Home)
                ? PlanStep.Act(UiAction.Home)
                : PlanStep.Fail(ScreenReplies.NoWay(intent.Asked, language));
        }

        return step;
    }

    /// <summary>Whether the task's goal holds in <paramref name="state"/>.</summary>
    public bool Holds(State state) => intent.Kind switch
    {
        ScreenIntentKind.OpenApp => Text(state, "app") == intent.App,
        ScreenIntentKind.Switch => state.Values.TryGetValue(intent.Key!, out var v) && v.BoolValue == intent.Desired,
        ScreenIntentKind.Content => _target is { } row && row.IsNamedBy(Text(state, intent.Key!))
            && (intent.Key != "media.track" || (state.Values.TryGetValue("media.playing", out var playing) && playing.BoolValue)),
        _ => _acted,
    };

    private PlanStep Content(HmiScreen screen)
    {
        var list = intent.List!;
        var effect = intent.Effect!;
        var detail = effect.ListId is null ? effect.Screen : null;

        if (detail is not null && screen.Id == detail)
        {
            if (_target is not null && !Shows(screen, _target))
            {
                return PlanStep.Act(UiAction.Back);
            }

            var button = screen.Elements.FirstOrDefault(e => e.Id == effect.ElementId);
            if (button is null)
            {
                return PlanStep.Act(UiAction.Back);
            }

            return button.Enabled
                ? PlanStep.Act(UiAction.Tap(button.Id))
                : PlanStep.Fail(ScreenReplies.Disabled(ScreenReplies.IsMandarin(language) ? button.Text.Zh : button.Text.En, language));
        }

        if (_completionTapped && screen.Id != list.Screen && ScreenGrounder.FindAffirmative(screen) is { } ok)
        {
            return PlanStep.Act(UiAction.Tap(ok));
        }

        if (screen.Id != list.Screen)
        {
            return Toward(screen, list.Screen) ?? PlanStep.Fail(ScreenReplies.NoWay(intent.Asked, language));
        }

        var rows = screen.Elements.Where(e => e.ParentId == list.Id).ToList();
        if (_target is not null && rows.FirstOrDefault(r => r.Id == _target.Id) is { } visible)
        {
            return PlanStep.Act(UiAction.Tap(visible.Id));
        }

        var field = list.SearchFieldId is { } id ? screen.Elements.FirstOrDefault(e => e.Id == id) : null;
        var searched = field is not null && field.Input == intent.SearchText;
        if (_target is null && searched)
        {
            // Only "the nearest …" takes whatever the search lists first; a name must name the row, or nothing is played.
            var results = rows.Select(r => new UiRow(r.Id, r.Text.Zh, r.Text.En)).ToList();
            _target = intent.Nearest ? results.FirstOrDefault() : ScreenGrounder.Named(intent.Asked, results);
            return _target is null
                ? PlanStep.Fail(ScreenReplies.NotFound(intent.Key!, intent.Asked, language))
                : PlanStep.Act(UiAction.Tap(_target.Id));
        }

        if (field is not null && !searched && intent.SearchText is { } text)
        {
            return PlanStep.Act(UiAction.Type(field.Id, text));
        }

        var listElement = screen.Elements.FirstOrDefault(e => e.Id == list.Id);
        if (listElement is { Scrollable: true } && listElement.FirstVisible + rows.Count < listElement.ItemCount)
        {
            return PlanStep.Act(UiAction.ScrollDown(list.Id));
        }

        return PlanStep.Fail(ScreenReplies.NotFound(intent.Key!, intent.Asked, language));
    }

    /// <summary>The first action on the shortest path to <paramref name="screenId"/>; null when already there.</summary>
    private PlanStep? Toward(HmiScreen screen, string screenId)
    {
        if (screen.Id == screenId)
        {
            return null;
        }

        var path = map.PathBetween(screen.Id, screenId);
        if (path is [var first, ..])
        {
            return PlanStep.Act(first);
        }

        return screen.Id == map.HomeScreen ? PlanStep.Fail(ScreenReplies.NoWay(intent.Asked, language)) : PlanStep.Act(UiAction.Home);
    }

    private PlanStep TapIfThere(HmiScreen screen, string elementId) =>
        screen.Elements.FirstOrDefault(e => e.Id == elementId) is { Enabled: true }
            ? PlanStep.Act(UiAction.Tap(elementId))
            : PlanStep.Fail(ScreenReplies.NoWay(intent.Asked, language));

    private static bool Shows(HmiScreen screen, UiRow row) =>
        screen.Elements.Any(e => e.Role == Role.Label && (row.IsNamedBy(e.Text.Zh) || row.IsNamedBy(e.Text.En)));

    private static string Text(State state, string key) =>
        state.Values.TryGetValue(key, out var value) ? value.StringValue : "";
}
