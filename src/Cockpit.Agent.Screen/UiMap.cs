namespace Cockpit.Agent.Screen;

/// <summary>
/// What the agent knows about the HMI from exploring it: screens, the transitions between them, which taps change
/// which state keys, and the rows of content lists. Paths are shortest in actions; Home and opening an app work
/// from every screen. Not thread-safe: the agent uses it under its own lock.
/// </summary>
internal sealed class UiMap
{
    private readonly List<UiTransition> _transitions = [];
    private readonly List<UiEffect> _effects = [];
    private readonly Dictionary<string, UiList> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _apps = new(StringComparer.Ordinal);
    private readonly HashSet<string> _screens = new(StringComparer.Ordinal);
    private readonly List<(string App, MatchText Name)> _appNames = [];

    /// <summary>Creates a map that knows only the home screen.</summary>
    public UiMap(string homeScreen)
    {
        HomeScreen = homeScreen;
        _screens.Add(homeScreen);
    }

    /// <summary>The screen Home leads to.</summary>
    public string HomeScreen { get; }

    /// <summary>Screen ids seen.</summary>
    public IReadOnlyCollection<string> Screens => _screens;

    /// <summary>Transitions learned.</summary>
    public IReadOnlyList<UiTransition> Transitions => _transitions;

    /// <summary>Effects learned.</summary>
    public IReadOnlyList<UiEffect> Effects => _effects;

    /// <summary>Content lists learned.</summary>
    public IReadOnlyCollection<UiList> Lists => _lists.Values;

    /// <summary>App → the screen opening it shows.</summary>
    public IReadOnlyDictionary<string, string> Apps => _apps;

    /// <summary>Records where opening an app leads.</summary>
    public void AddApp(string app, string screen)
    {
        _apps[app] = screen;
        _screens.Add(screen);
    }

    /// <summary>What a button that opens an app is called on the screen ("音乐" / "Media" for media), in match form.</summary>
    public IReadOnlyList<(string App, MatchText Name)> AppNames => _appNames;

    /// <summary>Records a name the screen shows for an app, unless known.</summary>
    public void AddAppName(string app, string name)
    {
        if (name.Length > 0 && !_appNames.Any(known => known.App == app && known.Name.Original == name))
        {
            _appNames.Add((app, MatchText.Of(name)));
        }
    }

    /// <summary>The app whose first screen this is, if any.</summary>
    public string? AppOpening(string screen) => _apps.FirstOrDefault(pair => pair.Value == screen).Key;

    /// <summary>Records a transition unless it is known.</summary>
    public void AddTransition(UiTransition transition)
    {
        _screens.Add(transition.From);
        _screens.Add(transition.To);
        if (!_transitions.Any(t => t.From == transition.From && Same(t, transition)))
        {
            _transitions.Add(transition);
        }
    }

    /// <summary>Records an effect unless it is known.</summary>
    public void AddEffect(UiEffect effect)
    {
        if (!_effects.Any(e => e.Screen == effect.Screen && e.Key == effect.Key && (e.ElementId == effect.ElementId || (e.ListId is not null && e.ListId == effect.ListId))))
        {
            _effects.Add(effect);
        }
    }

    /// <summary>Records a content list.</summary>
    public void AddList(UiList list) => _lists[list.Id] = list;

    /// <summary>The content list with this id, if learned.</summary>
    public UiList? FindList(string id) => _lists.GetValueOrDefault(id);

    /// <summary>The taps that change <paramref name="key"/>.</summary>
    public IEnumerable<UiEffect> EffectsOn(string key) => _effects.Where(e => e.Key == key);

    /// <summary>The transition that selecting a row of a list makes, if learned.</summary>
    public UiTransition? RowTransitionTo(string screen) => _transitions.FirstOrDefault(t => t.ListId is not null && t.To == screen);

    /// <summary>The shortest action sequence from one screen to another (empty when there), or null when unknown.</summary>
    public IReadOnlyList<UiAction>? PathBetween(string from, string to)
    {
        if (from == to)
        {
            return [];
        }

        var previous = new Dictionary<string, (string From, UiAction Action)>(StringComparer.Ordinal) { [from] = (from, UiAction.Home) };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.TryDequeue(out var screen))
        {
            foreach (var (action, next) in Edges(screen))
            {
                if (previous.ContainsKey(next))
                {
                    continue;
                }

                previous[next] = (screen, action);
                if (next == to)
                {
                    return Unwind(previous, from, to);
                }

                queue.Enqueue(next);
            }
        }

        return null;
    }

    private IEnumerable<(UiAction Action, string To)> Edges(string screen)
    {
        // Taps on this screen come first, so that among equally short paths the one a person would take wins.
        foreach (var transition in _transitions)
        {
            if (transition.From == screen && transition.ListId is null)
            {
                yield return (transition.Action, transition.To);
            }
        }

        foreach (var (app, first) in _apps)
        {
            yield return (app == "home" ? UiAction.Home : UiAction.OpenApp(app), first);
        }

        yield return (UiAction.Home, HomeScreen);
    }

    private static List<UiAction> Unwind(Dictionary<string, (string From, UiAction Action)> previous, string from, string to)
    {
        var path = new List<UiAction>();
        for (var screen = to; screen != from; screen = previous[screen].From)
        {
            path.Add(previous[screen].Action);
        }

        path.Reverse();
        return path;
    }

    private static bool Same(UiTransition a, UiTransition b) =>
        a.ListId is not null ? a.ListId == b.ListId : a.Action == b.Action;
}
