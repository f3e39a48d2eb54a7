using System.ComponentModel.DataAnnotations;
using Cockpit.ServiceDefaults.Logging;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace Cockpit.ServiceDefaults.Tests.Logging;

public sealed class CockpitLoggingExtensionsTests
{
    [Fact]
    public void CockpitFile_DirectoryConfigured_WritesCompactJsonLinesNamedAfterTheService()
    {
        var directory = Directory.CreateTempSubdirectory("cockpit-logs-").FullName;
        var configuration = Configuration(("Logging:File:Directory", directory));

        using (var logger = new LoggerConfiguration().WriteTo.CockpitFile(configuration, "vehicle").CreateLogger())
        {
            logger.Information("Actuated {Path} to {Value}", "Vehicle.Cabin.Sunroof.Switch", "OPEN");
        }

        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.Matches(@"vehicle-\d{8}\.jsonl$", file);
        var line = Assert.Single(File.ReadAllLines(file));
        Assert.Contains("\"@mt\":\"Actuated {Path} to {Value}\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Path\":\"Vehicle.Cabin.Sunroof.Switch\"", line, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void CockpitFile_NoDirectoryAnywhere_WritesNothing()
    {
        var before = Directory.GetFiles(Directory.GetCurrentDirectory(), "hmi-*.jsonl");

        using (var logger = new LoggerConfiguration().WriteTo.CockpitFile(Configuration(), "hmi").CreateLogger())
        {
            logger.Information("nothing to keep");
        }

        Assert.Equal(before, Directory.GetFiles(Directory.GetCurrentDirectory(), "hmi-*.jsonl"));
    }

    [Fact]
    public void CockpitFile_DefaultDirectory_UsedWhenNoneConfigured()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cockpit-logs-{Guid.NewGuid():N}");

        using (var logger = new LoggerConfiguration().WriteTo.CockpitFile(Configuration(), "cockpit", defaultDirectory: directory).CreateLogger())
        {
            logger.Information("turn");
        }

        Assert.Single(Directory.GetFiles(directory, "cockpit-*.jsonl"));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void CockpitFile_RetainedCountOutOfRange_Refused()
    {
        var configuration = Configuration(("Logging:File:Directory", "/var/log/cockpit"), ("Logging:File:RetainedFileCount", "0"));

        var error = Assert.Throws<ValidationException>(() => new LoggerConfiguration().WriteTo.CockpitFile(configuration, "vehicle"));

        Assert.Equal("The field RetainedFileCount must be between 1 and 1000.", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value))).Build();
}
