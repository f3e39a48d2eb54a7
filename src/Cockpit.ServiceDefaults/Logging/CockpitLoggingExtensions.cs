using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Cockpit.ServiceDefaults.Logging;

/// <summary>The console and file sinks every Cockpit service writes to; configured in each service's Program.cs.</summary>
public static class CockpitLoggingExtensions
{
    /// <summary>
    /// The console: journald lines with a syslog priority prefix and no timestamp when the output goes to the journal
    /// (systemd sets <c>JOURNAL_STREAM</c> for a service whose stdout or stderr is the journal), Serilog's usual
    /// console lines otherwise.
    /// </summary>
    /// <param name="writeTo">The sink configuration.</param>
    /// <param name="restrictedToMinimumLevel">The lowest level written.</param>
    /// <param name="standardErrorFromLevel">From this level on, events go to stderr instead of stdout.</param>
    /// <returns>The logger configuration.</returns>
    public static LoggerConfiguration CockpitConsole(this LoggerSinkConfiguration writeTo, LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose, LogEventLevel? standardErrorFromLevel = null)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        return IsJournal
            ? writeTo.Console(new JournaldTextFormatter(), restrictedToMinimumLevel, standardErrorFromLevel: standardErrorFromLevel)
            : writeTo.Console(restrictedToMinimumLevel, standardErrorFromLevel: standardErrorFromLevel);
    }

    /// <summary>
    /// Rolling compact-JSON files <c>{directory}/{name}-{yyyyMMdd}.jsonl</c> with the size and count limits of
    /// <see cref="LogFileOptions"/> (section <c>Logging:File</c>). Without a configured directory the files go to
    /// <paramref name="defaultDirectory"/>, and without that nowhere.
    /// </summary>
    /// <param name="writeTo">The sink configuration.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="name">The file name's stem, e.g. <c>vehicle</c>.</param>
    /// <param name="defaultDirectory">Where the files go when <c>Logging:File:Directory</c> is not set.</param>
    /// <returns>The logger configuration.</returns>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A limit is out of range.</exception>
    public static LoggerConfiguration CockpitFile(this LoggerSinkConfiguration writeTo, IConfiguration configuration, string name, string? defaultDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(writeTo);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var options = configuration.GetSection(LogFileOptions.SectionName).Get<LogFileOptions>() ?? new LogFileOptions();
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);
        var directory = string.IsNullOrEmpty(options.Directory) ? defaultDirectory : options.Directory;
        if (string.IsNullOrEmpty(directory))
        {
            return writeTo.Sink(NoSink.Instance);
        }

        return writeTo.File(
            new CompactJsonFormatter(),
            Path.Combine(directory, name + "-.jsonl"),
            rollingInterval: RollingInterval.Day,
            fileSizeLimitBytes: options.FileSizeLimitBytes,
            rollOnFileSizeLimit: true,
            retainedFileCountLimit: options.RetainedFileCount);
    }

    private static bool IsJournal => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("JOURNAL_STREAM"));

    private sealed class NoSink : ILogEventSink
    {
        public static readonly NoSink Instance = new();

        public void Emit(LogEvent logEvent)
        {
        }
    }
}
