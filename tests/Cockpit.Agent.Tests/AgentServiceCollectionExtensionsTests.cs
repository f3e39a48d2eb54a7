using Cockpit.Agent.Screen;
using Cockpit.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>The screen agent's budgets come from <c>Agent:Screen</c>; a value out of range stops the start naming it.</summary>
    [Theory]
    [InlineData("MaxSteps", "0", "MaxSteps")]
    [InlineData("TaskTimeout", "00:00:00", "TaskTimeout")]
    [InlineData("ExplorationMaxDepth", "11", "ExplorationMaxDepth")]
    public void AddCockpitAgent_ScreenBudgetOutOfRange_StartRefusedNamingTheKey(string key, string value, string named)
    {
        var agent = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Screen:{key}"] = value }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCockpitAgent(agent).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ScreenAgentOptions>>().Value);

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCockpitAgent_ScreenSection_Bound()
    {
        var agent = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Screen:MaxSteps"] = "7" }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCockpitAgent(agent).BuildServiceProvider();

        Assert.Equal(7, provider.GetRequiredService<IOptions<ScreenAgentOptions>>().Value.MaxSteps);
    }
}
