using System.Text.Json;
using Cockpit.Understanding;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Benchmarks.Screen;

/// <summary>
/// Generates screen tasks in both languages from the HMI's own screen and content files (never the agent's map),
/// with recogniser slips (a Mandarin character swapped for a homophone, an English letter dropped), and works out
/// each task's shortest action count from the screen file: a breadth-first search over its "open" effects plus
/// Home and open-app from everywhere, then the taps, typing and confirmation the goal needs on the last screen.
/// The phrasings differ from the unit tests', which the agent was tuned on.
/// </summary>
public sealed class ScreenTaskGenerator
{
    private const int VisibleRows = 6; // media 420/70, places and contacts 480/80
    private readonly Random _random;
    private readonly Dictionary<string, List<string>> _edges = [];
    private readonly Dictionary<string, string> _apps = [];
    private readonly JsonElement _content;
    private readonly List<JsonElement> _places;

    /// <summary>Reads the screen and content files from <paramref name="screensDirectory"/>.</summary>
    public ScreenTaskGenerator(string screensDirectory, int seed)
    {
        _random = new Random(seed);
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var screens = JsonDocument.Parse(File.ReadAllText(Path.Combine(screensDirectory, "screens.json")), options).RootElement;
        _content = JsonDocument.Parse(File.ReadAllText(Path.Combine(screensDirectory, "content.json")), options).RootElement;
        foreach (var app in screens.GetProperty("apps").EnumerateObject())
        {
            _apps[app.Name] = app.Value.GetString()!;
        }

        foreach (var screen in screens.GetProperty("screens").EnumerateArray())
        {
            var opens = new List<string>();
            foreach (var element in screen.GetProperty("elements").EnumerateArray())
            {
                foreach (var effect in Effects(element))
                {
                    if (effect.TryGetProperty("open", out var open))
                    {
                        opens.Add(open.GetString()!);
                    }
                }
            }

            _edges[screen.GetProperty("id").GetString()!] = opens;
        }

        var here = _content.GetProperty("position");
        _places = [.. _content.GetProperty("places").EnumerateArray().OrderBy(p => Km(here, p))];
    }

    /// <summary>Generates <paramref name="count"/> tasks, half in each language.</summary>
    public IReadOnlyList<GeneratedScreenTask> Generate(int count) =>
        [.. Enumerable.Range(0, count).Select(i => One(i % 2 == 0 ? "zh" : "en"))];

    private GeneratedScreenTask One(string language)
    {
        var zh = language == "zh";
        var start = Pick(_apps.Keys.ToArray());
        var given = new Dictionary<string, object> { ["app"] = start };
        var startScreen = _apps[start];
        switch (_random.Next(6))
        {
            case 0:
            {
                var app = Pick(_apps.Keys.Where(a => a != start).ToArray());
                var (zhName, enName) = AppNames[app];
                var said = zh ? Pick([$"切换到{zhName}", $"我要用{zhName}", $"帮我开一下{zhName}"]) : Pick([$"switch to {enName}", $"bring up {enName}", $"show me {enName}"]);
                return new(language, said, new ScreenTask("screen.open_app", "open", app, Empty), given, "app", [app], 1);
            }

            case 1:
            case 2:
            {
                var bluetooth = _random.Next(2) == 0;
                var key = bluetooth ? "settings.bluetooth" : "settings.wifi";
                var on = _random.Next(2) == 0;
                given[key] = !on;
                var target = bluetooth ? "settings.bluetooth" : "settings.wifi";
                var said = zh ? $"{(on ? "把" : "关掉")}{(bluetooth ? "蓝牙" : "无线网")}{(on ? "打开" : "")}" : $"turn {(on ? "on" : "off")} the {(bluetooth ? "bluetooth" : "wifi")}";
                return new(language, said, new ScreenTask(bluetooth ? "screen.bluetooth" : "screen.wifi", on ? "on" : "off", on ? "true" : "false", Empty),
                    given, key, [on], Distance(startScreen, target) + 1);
            }

            case 3:
            {
                var tracks = _content.GetProperty("tracks").EnumerateArray().ToArray();
                var index = _random.Next(tracks.Length);
                var track = tracks[index];
                var title = Slip(Text(track, language), language);
                var (prefix, suffix) = zh ? Pick<(string, string)>([("我想听", ""), ("来一首", ""), ("放", "这首歌")]) : Pick<(string, string)>([("put on ", ""), ("play me ", ""), ("play the song ", "")]);
                var said = prefix + title + suffix;
                var steps = Distance(startScreen, "media") + (index < VisibleRows ? 1 : 2);
                return new(language, said, Slotted("screen.play", "query", said, title), given, "media.track", [track.GetProperty("name").GetString()!], steps);
            }

            case 4:
            {
                var index = _random.Next(_places.Count);
                var place = _places[index];
                var name = Slip(Text(place, language), language);
                var said = zh ? Pick([$"导航去{name}", $"我要去{name}"]) : Pick([$"drive to {name}", $"directions to {name}"]);
                var steps = Distance(startScreen, "navigation") + (index < VisibleRows ? 1 : 2) + 1;
                return new(language, said, Slotted("screen.navigate", "place", said, name), given, "navigation.destination", [place.GetProperty("name").GetString()!], steps);
            }

            default:
            {
                var contacts = _content.GetProperty("contacts").EnumerateArray().ToArray();
                var index = _random.Next(contacts.Length);
                var contact = contacts[index];
                var name = Slip(Text(contact, language), language);
                var said = zh ? Pick([$"拨打{name}", $"打给{name}"]) : Pick([$"ring {name}", $"dial {name}"]);
                var steps = Distance(startScreen, "phone") + (index < VisibleRows ? 1 : 2) + 1;
                return new(language, said, Slotted("screen.call", "contact", said, name), given, "phone.contact", [contact.GetProperty("name").GetString()!], steps);
            }
        }
    }

    private static readonly Dictionary<string, TextSpan> Empty = [];

    private static readonly Dictionary<string, (string Zh, string En)> AppNames = new()
    {
        ["home"] = ("主页", "home"), ["climate"] = ("空调", "climate"), ["media"] = ("音乐", "media"), ["navigation"] = ("地图", "maps"),
        ["phone"] = ("电话", "phone"), ["settings"] = ("设置", "settings"), ["vehicle"] = ("车辆设置", "vehicle controls"),
    };

    private static ScreenTask Slotted(string function, string slot, string said, string text) =>
        new(function, null, null, new Dictionary<string, TextSpan> { [slot] = new(said.IndexOf(text, StringComparison.Ordinal), text.Length, text) });

    /// <summary>A slip one time in three: a hanzi swapped for another of the same reading, or an English letter dropped.</summary>
    private string Slip(string text, string language)
    {
        if (_random.Next(3) != 0)
        {
            return text;
        }

        if (language == "zh")
        {
            var positions = Enumerable.Range(0, text.Length).Where(i => Homophone(text[i]) is not null).ToArray();
            if (positions.Length == 0)
            {
                return text;
            }

            var at = Pick(positions);
            return text[..at] + Homophone(text[at]) + text[(at + 1)..];
        }

        var letters = Enumerable.Range(1, Math.Max(0, text.Length - 2)).Where(i => char.IsAsciiLetterLower(text[i]) && char.IsAsciiLetter(text[i - 1])).ToArray();
        if (text.Length < 6 || letters.Length == 0)
        {
            return text;
        }

        var drop = Pick(letters);
        return text.Remove(drop, 1);
    }

    private static char? Homophone(char c)
    {
        var reading = Agent.Screen.Pinyin.Readings(c) is [var first, ..] ? first : null;
        if (reading is null)
        {
            return null;
        }

        for (var other = '\u4E00'; other < '\u9FA5'; other++)
        {
            if (other != c && Agent.Screen.Pinyin.Readings(other) is [var r, ..] && r == reading)
            {
                return other;
            }
        }

        return null;
    }

    private int Distance(string from, string to)
    {
        var distance = new Dictionary<string, int> { [from] = 0 };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var screen))
        {
            foreach (var next in _edges[screen].Concat(_apps.Values))
            {
                if (distance.TryAdd(next, distance[screen] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return distance[to];
    }

    private static IEnumerable<JsonElement> Effects(JsonElement element)
    {
        if (element.TryGetProperty("on_tap", out var tap))
        {
            yield return tap;
        }

        if (element.TryGetProperty("items", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("on_tap", out var itemTap))
                {
                    yield return itemTap;
                }
            }
        }
    }

    private static string Text(JsonElement item, string language) => item.GetProperty("text").GetProperty(language).GetString()!;

    private static double Km(JsonElement from, JsonElement to)
    {
        static double Rad(double d) => d * Math.PI / 180;
        double lat1 = from.GetProperty("latitude").GetDouble(), lon1 = from.GetProperty("longitude").GetDouble();
        double lat2 = to.GetProperty("latitude").GetDouble(), lon2 = to.GetProperty("longitude").GetDouble();
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 6371 * 2 * Math.Asin(Math.Sqrt(a));
    }

    private T Pick<T>(T[] options) => options[_random.Next(options.Length)];
}
