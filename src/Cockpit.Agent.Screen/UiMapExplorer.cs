using Cockpit.Hmi.V1;
using Cockpit.Understanding.Catalog;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using HmiClient = Cockpit.Hmi.V1.Hmi.HmiClient;
using HmiScreen = Cockpit.Hmi.V1.Screen;

namespace Cockpit.Agent.Screen;

/// <summary>
/// Learns the UI map by a bounded breadth-first exploration from <c>Reset</c>: every app is opened, then on each
/// screen found every enabled button, switch and menu row is tapped once (for a content list, its first row
/// only), each time from a fresh <c>Reset</c> and the shortest known path; content lists are read by scrolling.
/// Elements bound to the car are never touched. The HMI state found before is restored afterwards.
/// </summary>
internal sealed class UiMapExplorer(HmiClient hmi, ScreenAgentOptions options, ILogger logger)
{
    private int _actions;

    /// <summary>Explores the HMI and returns the map.</summary>
    public async Task<UiMap> ExploreAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var before = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
        var home = (await ResetAsync(cancellationToken)).Id;
        var map = new UiMap(home);
        var paths = new Dictionary<string, List<UiAction>>(StringComparer.Ordinal) { [home] = [] };
        var queue = new Queue<string>();
        queue.Enqueue(home);

        foreach (var app in KnownApps())
        {
            await ResetAsync(cancellationToken);
            var opened = await TryActAsync(UiAction.OpenApp(app), cancellationToken);
            if (opened is null)
            {
                continue;
            }

            map.AddApp(app, opened.Id);
            if (paths.TryAdd(opened.Id, [UiAction.OpenApp(app)]))
            {
                queue.Enqueue(opened.Id);
            }
        }

        while (queue.TryDequeue(out var screenId) && map.Screens.Count <= options.ExplorationMaxScreens && _actions < options.ExplorationMaxActions)
        {
            var path = paths[screenId];
            var screen = await ReachAsync(path, screenId, cancellationToken);
            if (screen is null)
            {
                continue;
            }

            await LearnListsAsync(map, screen, path, cancellationToken);
            foreach (var element in Candidates(screen))
            {
                var tap = UiAction.Tap(element.Id);
                var from = await ReachAsync(path, screenId, cancellationToken);
                if (from is null || from.Elements.All(e => e.Id != element.Id))
                {
                    continue;
                }

                var stateBefore = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
                var after = await TryActAsync(tap, cancellationToken);
                if (after is null)
                {
                    continue;
                }

                var stateAfter = await hmi.GetStateAsync(new GetStateRequest(), cancellationToken: cancellationToken);
                var listId = IsContentRow(screen, element) ? element.ParentId : null;

                foreach (var key in ChangedKeys(stateBefore, stateAfter))
                {
                    map.AddEffect(new UiEffect(screenId, element.Id, listId, key));
                }

                if (after.Id == screenId)
                {
                    continue;
                }

                if (listId is null && map.AppOpening(after.Id) is { } app)
                {
                    map.AddAppName(app, element.Text.Zh);
                    map.AddAppName(app, element.Text.En);
                }

                map.AddTransition(new UiTransition(screenId, tap, after.Id, listId));
                if (path.Count < options.ExplorationMaxDepth && paths.TryAdd(after.Id, [.. path, tap]))
                {
                    queue.Enqueue(after.Id);
                }
            }
        }

        await RestoreAsync(before, cancellationToken);
        ScreenLog.Explored(logger, map.Screens.Count, map.Transitions.Count, map.Effects.Count, map.Lists.Count, _actions,
            TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        return map;
    }

    private static IEnumerable<string> KnownApps() =>
        ActionCatalog.Default.Functions.FirstOrDefault(f => f.Id == "screen.open_app")?.Value.Values.Select(v => v.Value)
        ?? ["home", "climate", "media", "navigation", "phone", "settings", "vehicle"];

    private static IEnumerable<Element> Candidates(HmiScreen screen)
    {
        var firstRows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in screen.Elements)
        {
            if (!element.Enabled || element.Unavailable || element.VssPath.Length > 0)
            {
                continue;
            }

            if (element.Role is Role.Button or Role.Switch)
            {
                yield return element;
            }
            else if (element.Role == Role.ListItem && (!IsContentRow(screen, element) || firstRows.Add(element.ParentId)))
            {
                yield return element;
            }
        }
    }

    /// <summary>A row of a list that can be searched or scrolled holds content: one row stands for all.</summary>
    private static bool IsContentRow(HmiScreen screen, Element row) =>
        screen.Elements.FirstOrDefault(e => e.Id == row.ParentId) is { } list
        && (list.Scrollable || screen.Elements.Any(e => e.Role == Role.TextField));

    private async Task LearnListsAsync(UiMap map, HmiScreen screen, List<UiAction> path, CancellationToken cancellationToken)
    {
        foreach (var list in screen.Elements.Where(e => e.Role == Role.List && e.ItemCount > 0).ToArray())
        {
            var rows = screen.Elements.Where(e => e.ParentId == list.Id).ToList();
            if (rows.Count == 0 || map.FindList(list.Id) is not null || !IsContentRow(screen, rows[0]))
            {
                continue;
            }

            var seen = new Dictionary<string, UiRow>(StringComparer.Ordinal);
            var current = screen;
            while (true)
            {
                foreach (var row in current.Elements.Where(e => e.ParentId == list.Id))
                {
                    seen.TryAdd(row.Id, new UiRow(row.Id, row.Text.Zh, row.Text.En));
                }

                if (seen.Count >= list.ItemCount || seen.Count >= options.ExplorationMaxListRows || !list.Scrollable)
                {
                    break;
                }
                // Reading a list is not exploring: its scrolls do not spend the exploration's action budget.
                var next = await TryActAsync(UiAction.ScrollDown(list.Id), cancellationToken);
                _actions--;
                if (next is null || next.Version == current.Version)
                {
                    break;
                }

                current = next;
            }

            var search = screen.Elements.FirstOrDefault(e => e.Role == Role.TextField)?.Id;
            map.AddList(new UiList(list.Id, screen.Id, search, [.. seen.Values], seen.Count >= list.ItemCount));
        }

        if (screen.Elements.Any(e => e.Role == Role.List && e.Scrollable))
        {
            await ReachAsync(path, screen.Id, cancellationToken);
        }
    }

    private async Task<HmiScreen?> ReachAsync(List<UiAction> path, string screenId, CancellationToken cancellationToken)
    {
        var screen = await ResetAsync(cancellationToken);
        foreach (var action in path)
        {
            screen = await TryActAsync(action, cancellationToken);
            if (screen is null)
            {
                return null;
            }
        }

        return screen.Id == screenId ? screen : null;
    }

    private async Task<HmiScreen> ResetAsync(CancellationToken cancellationToken)
    {
        await hmi.ResetAsync(new ResetRequest(), cancellationToken: cancellationToken);
        return await hmi.GetScreenAsync(new GetScreenRequest(), cancellationToken: cancellationToken);
    }

    private async Task<HmiScreen?> TryActAsync(UiAction action, CancellationToken cancellationToken)
    {
        _actions++;
        try
        {
            return (await hmi.ActAsync(action.ToRequest(), cancellationToken: cancellationToken)).Screen;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            ScreenLog.ExplorationRefused(logger, action.ToString(), e.Status.Detail);
            return null;
        }
    }

    private static IEnumerable<string> ChangedKeys(State before, State after) =>
        after.Values.Where(pair => pair.Key != "app" && (!before.Values.TryGetValue(pair.Key, out var old) || !old.Equals(pair.Value)))
            .Select(pair => pair.Key);

    private async Task RestoreAsync(State before, CancellationToken cancellationToken)
    {
        var request = new ResetRequest();
        foreach (var (key, value) in before.Values)
        {
            if (value.KindCase == StateValue.KindOneofCase.BoolValue || value.StringValue.Length > 0)
            {
                request.Given[key] = value;
            }
        }

        try
        {
            await hmi.ResetAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            ScreenLog.RestoreFailed(logger, e.Status.Detail);
            await hmi.ResetAsync(new ResetRequest(), cancellationToken: cancellationToken);
        }
    }
}
