using System.Globalization;

namespace Cockpit.Training;

/// <summary>A trainer's command line: the verb, then <c>--name value</c> pairs read as invariant numbers or text.</summary>
internal sealed class CommandFlags
{
    private readonly Dictionary<string, string> _flags = new(StringComparer.Ordinal);

    public CommandFlags(string[] args)
    {
        Verb = args.Length > 0 ? args[0] : "help";
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            _flags[args[i].TrimStart('-')] = args[i + 1];
        }
    }

    /// <summary>The verb; <c>help</c> when none is given.</summary>
    public string Verb { get; }

    public int Int(string name, int fallback) => _flags.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => _flags.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public string Str(string name, string fallback) => _flags.GetValueOrDefault(name, fallback);

    /// <summary>The flag's value, or null when it is not given.</summary>
    public string? Find(string name) => _flags.GetValueOrDefault(name);
}
