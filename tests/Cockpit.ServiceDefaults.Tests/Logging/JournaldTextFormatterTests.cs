using Cockpit.ServiceDefaults.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace Cockpit.ServiceDefaults.Tests.Logging;

public sealed class JournaldTextFormatterTests
{
    [Theory]
    [InlineData(LogEventLevel.Verbose, 7)]
    [InlineData(LogEventLevel.Debug, 7)]
    [InlineData(LogEventLevel.Information, 6)]
    [InlineData(LogEventLevel.Warning, 4)]
    [InlineData(LogEventLevel.Error, 3)]
    [InlineData(LogEventLevel.Fatal, 2)]
    public void Priority_Level_SyslogPriority(LogEventLevel level, int priority)
    {
        Assert.Equal(priority, JournaldTextFormatter.Priority(level));
    }

    [Fact]
    public void Format_WarningWithSource_OnePrefixedLineWithoutTimestamp()
    {
        var output = new StringWriter();

        new JournaldTextFormatter().Format(Event(LogEventLevel.Warning, "Refused {Path}", null, ("Path", "Vehicle.Cabin.Door.Row1.DriverSide.IsOpen"), ("SourceContext", "Cockpit.Vehicle.Safety")), output);

        Assert.Equal("<4>Cockpit.Vehicle.Safety: Refused Vehicle.Cabin.Door.Row1.DriverSide.IsOpen\n", output.ToString());
    }

    [Fact]
    public void Format_ErrorWithException_EveryLineCarriesThePriority()
    {
        var output = new StringWriter();
        Exception error;
        try
        {
            throw new InvalidDataException("Model file encoder.onnx has SHA-256 aa, the manifest says bb.");
        }
        catch (InvalidDataException thrown)
        {
            error = thrown;
        }

        new JournaldTextFormatter().Format(Event(LogEventLevel.Error, "Hosting failed to start", error), output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("<3>Hosting failed to start", lines[0]);
        Assert.Equal("<3>System.IO.InvalidDataException: Model file encoder.onnx has SHA-256 aa, the manifest says bb.", lines[1]);
        Assert.True(lines.Length > 2, "the stack trace is logged");
        Assert.All(lines, line => Assert.StartsWith("<3>", line, StringComparison.Ordinal));
    }

    private static LogEvent Event(LogEventLevel level, string template, Exception? error, params (string Name, string Value)[] properties) => new(
        DateTimeOffset.UnixEpoch,
        level,
        error,
        new MessageTemplateParser().Parse(template),
        properties.Select(property => new LogEventProperty(property.Name, new ScalarValue(property.Value))));
}
