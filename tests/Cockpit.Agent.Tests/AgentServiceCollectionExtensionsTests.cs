using Cockpit.Agent.Screen;
using Cockpit.Understanding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Agent.Tests;

/// <summary>The agent's options as its container binds them: the understanding model from <c>Agent:Understanding</c>, the screen agent's budgets.</summary>
public sealed class AgentServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cockpit-agent-data-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Theory]
    [InlineData(LookupTablePrecision.Float16, "lut-*.bin")]
    [InlineData(LookupTablePrecision.Int8, "lut-*-int8.bin")]
    public void AddCockpitAgent_TablePrecision_UnderstanderBuildsThatTableInTheDataDirectory(LookupTablePrecision precision, string pattern)
    {
        var agent = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = _data,
            ["Understanding:TablePrecision"] = precision.ToString(),
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCockpitAgent(agent);
        using var provider = services.BuildServiceProvider();

        var understander = provider.GetRequiredService<UtteranceUnderstander>();

        Assert.Equal(understander.LookupTablePath, Assert.Single(Directory.GetFiles(Path.Combine(_data, "cache"), pattern)));
        Assert.True(understander.UsesFusedKernel);
        Assert.Equal("climate.ac.on()", string.Join(" ; ", understander.Understand("turn on the air conditioning").Calls));
    }

    /// <summary>The model's options come from <c>Agent:Understanding</c>; a value out of range stops the start naming it.</summary>
    [Theory]
    [InlineData("IntraOpThreads", "0")]
    [InlineData("BuildThreads", "0")]
    [InlineData("TablePrecision", "7")]
    public void AddCockpitAgent_UnderstandingOutOfRange_StartRefusedNamingTheKey(string key, string value)
    {
        var agent = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Understanding:{key}"] = value }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCockpitAgent(agent).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<UnderstandingOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCockpitAgent_UnderstandingPaths_ModelBesideTheBinaryCacheInTheDataDirectory()
    {
        var agent = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataDirectory"] = _data,
            ["Understanding:IntraOpThreads"] = "2",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddCockpitAgent(agent).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<UnderstandingOptions>>().Value;

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "models", "understanding"), options.ModelDirectory);
        Assert.Equal(Path.Combine(_data, "cache"), options.CacheDirectory);
        Assert.Equal(2, options.IntraOpThreads);
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
