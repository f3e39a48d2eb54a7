using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cockpit.Speech.Tests;

public sealed class SpeechOptionsTests
{
    [Fact]
    public void AddCockpitSpeech_ConfigSection_BindsOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Speech:Language"] = "zh",
            ["Speech:Threads"] = "4",
            ["Speech:TrailingSilence"] = "00:00:00.800",
            ["Speech:Mode"] = "PushToTalk",
        }).Build();
        var services = new ServiceCollection().AddLogging();

        services.AddCockpitSpeech(configuration.GetSection(SpeechOptions.SectionName));
        services.AddCockpitSpeech();
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<SpeechOptions>>().Value;

        Assert.Equal("zh", options.Language);
        Assert.Equal(4, options.Threads);
        Assert.Equal(TimeSpan.FromMilliseconds(800), options.TrailingSilence);
        Assert.Equal(Cockpit.Speech.Vad.EndpointingMode.PushToTalk, options.Mode);
        Assert.Single(provider.GetServices<IValidateOptions<SpeechOptions>>());
    }

    [Theory]
    [InlineData("Language", "fr")]
    [InlineData("Threads", "0")]
    [InlineData("TrailingSilence", "00:00:00.010")]
    [InlineData("SpeechThreshold", "1.5")]
    [InlineData("MaxChunkBytes", "1")]
    public void AddCockpitSpeech_InvalidOption_FailsValidation(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCockpitSpeech(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SpeechOptions>>().Value);

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCockpitSpeech_Resolved_FrontEndReportsMissingModel()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCockpitSpeech();
        await using var provider = services.BuildServiceProvider();

        var speech = provider.GetRequiredService<SpeechFrontEnd>();

        Assert.False(speech.IsAvailable);
        Assert.StartsWith("speech unavailable:", speech.UnavailableReason, StringComparison.Ordinal);
    }
}
