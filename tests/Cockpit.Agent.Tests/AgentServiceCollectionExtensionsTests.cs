using Cockpit.Understanding;
using Microsoft.Extensions.DependencyInjection;

namespace Cockpit.Agent.Tests;

/// <summary>The understanding model as the agent's container opens it from <see cref="AgentOptions"/>.</summary>
public sealed class AgentServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cockpit-agent-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData(LookupTablePrecision.Float16, "lut-*.bin")]
    [InlineData(LookupTablePrecision.Int8, "lut-*-int8.bin")]
    public void AddCockpitAgent_TablePrecision_UnderstanderBuildsThatTableInTheDataDirectory(LookupTablePrecision precision, string pattern)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCockpitAgent(options =>
        {
            options.DataDirectory = _data;
            options.TablePrecision = precision;
        });
        using var provider = services.BuildServiceProvider();

        var understander = provider.GetRequiredService<UtteranceUnderstander>();

        Assert.Equal(understander.LookupTablePath, Assert.Single(Directory.GetFiles(Path.Combine(_data, "cache"), pattern)));
        Assert.True(understander.UsesFusedKernel);
        Assert.Equal("climate.ac.on()", string.Join(" ; ", understander.Understand("turn on the air conditioning").Calls));
    }
}
