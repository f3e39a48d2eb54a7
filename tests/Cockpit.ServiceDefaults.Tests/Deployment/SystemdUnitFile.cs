namespace Cockpit.ServiceDefaults.Tests.Deployment;

/// <summary>A systemd unit file read as sections of directives; a directive given twice keeps both values in order.</summary>
internal sealed class SystemdUnitFile
{
    private readonly Dictionary<string, Dictionary<string, List<string>>> _sections;

    private SystemdUnitFile(Dictionary<string, Dictionary<string, List<string>>> sections) => _sections = sections;

    public static IReadOnlyList<string> ServiceNames { get; } = ["cockpit-vehicle.service", "cockpit-hmi.service", "cockpit-agent.service"];

    public static SystemdUnitFile Read(string name)
    {
        var sections = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        Dictionary<string, List<string>>? section = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(RepoPaths.Deploy, "systemd", name)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = sections[line[1..^1]] = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                continue;
            }

            Assert.True(section is not null, $"{name}: '{line}' before any section");
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $"{name}: '{line}' is not a directive");
            var key = line[..equals];
            if (!section.TryGetValue(key, out var values))
            {
                section[key] = values = [];
            }

            values.Add(line[(equals + 1)..]);
        }

        return new SystemdUnitFile(sections);
    }

    /// <summary>Every value of a directive, in file order; empty when it is absent.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        _sections.TryGetValue(section, out var directives) && directives.TryGetValue(key, out var values) ? values : [];

    /// <summary>The value of a directive given once.</summary>
    public string Single(string section, string key)
    {
        var values = All(section, key);
        Assert.True(values.Count == 1, $"[{section}] {key}= appears {values.Count} times");
        return values[0];
    }

    /// <summary>A space-separated list directive (After=, Wants=, RestrictAddressFamilies=) as its items.</summary>
    public IReadOnlyList<string> Items(string section, string key) =>
        [.. All(section, key).SelectMany(value => value.Split(' ', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>A time span directive in systemd's units (30s, 2min, 500ms, or plain seconds).</summary>
    public TimeSpan Duration(string section, string key)
    {
        var value = Single(section, key);
        return value switch
        {
            _ when value.EndsWith("ms", StringComparison.Ordinal) => TimeSpan.FromMilliseconds(double.Parse(value[..^2], System.Globalization.CultureInfo.InvariantCulture)),
            _ when value.EndsWith("min", StringComparison.Ordinal) => TimeSpan.FromMinutes(double.Parse(value[..^3], System.Globalization.CultureInfo.InvariantCulture)),
            _ when value.EndsWith('s') => TimeSpan.FromSeconds(double.Parse(value[..^1], System.Globalization.CultureInfo.InvariantCulture)),
            _ => TimeSpan.FromSeconds(double.Parse(value, System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
