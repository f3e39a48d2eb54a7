using System.Globalization;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Cockpit.ServiceDefaults.Logging;

/// <summary>
/// Console lines for the systemd journal: each line starts with its syslog priority (<c>&lt;6&gt;</c> information,
/// <c>&lt;4&gt;</c> warning, <c>&lt;3&gt;</c> error, ...), which journald reads as the entry's priority
/// (<c>SyslogLevelPrefix=</c>, on by default), so <c>journalctl -p warning</c> works. No timestamp: the journal keeps its
/// own. The lines of an exception get the same prefix, so a stack trace is not logged at the stream's default priority.
/// </summary>
internal sealed class JournaldTextFormatter : ITextFormatter
{
    private readonly MessageTemplateTextFormatter _withSource = new("{SourceContext}: {Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);
    private readonly MessageTemplateTextFormatter _withoutSource = new("{Message:lj}{NewLine}{Exception}", CultureInfo.InvariantCulture);

    /// <summary>The syslog priority journald gives a Serilog level.</summary>
    public static int Priority(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,   // crit
        LogEventLevel.Error => 3,   // err
        LogEventLevel.Warning => 4, // warning
        LogEventLevel.Information => 6, // info
        _ => 7,                     // debug
    };

    public void Format(LogEvent logEvent, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        (logEvent.Properties.ContainsKey("SourceContext") ? _withSource : _withoutSource).Format(logEvent, buffer);
        var prefix = $"<{Priority(logEvent.Level)}>";
        foreach (var line in buffer.ToString().Split('\n'))
        {
            var text = line.TrimEnd('\r');
            if (text.Length == 0)
            {
                continue;
            }

            output.Write(prefix);
            output.Write(text);
            output.Write('\n');
        }
    }
}
