using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cockpit.Speech;

/// <summary>Registers the speech front end (<see cref="SpeechFrontEnd"/>) and its options.</summary>
public static class SpeechServiceCollectionExtensions
{
    /// <summary>Adds the speech front end with default options (no Whisper model: recognition unavailable).</summary>
    public static IServiceCollection AddCockpitSpeech(this IServiceCollection services) =>
        services.AddCockpitSpeech(_ => { });

    /// <summary>Adds the speech front end with options bound from a configuration section (see <see cref="SpeechOptions"/>).</summary>
    public static IServiceCollection AddCockpitSpeech(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<SpeechOptions>().Bind(section);
        return services.AddCockpitSpeech(_ => { });
    }

    /// <summary>
    /// Adds the speech front end; <paramref name="configure"/> adjusts the options. Options are validated at start; the
    /// models load when <see cref="SpeechFrontEnd"/> is first resolved, so resolve it while the host starts.
    /// </summary>
    public static IServiceCollection AddCockpitSpeech(this IServiceCollection services, Action<SpeechOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SpeechOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>());
        services.TryAddSingleton<SpeechFrontEnd>();
        return services;
    }
}
