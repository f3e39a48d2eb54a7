using Cockpit.ServiceDefaults.Security;
using HmiService = Cockpit.Hmi.V1.Hmi;

namespace Cockpit.Gui.Security;

/// <summary>The HMI's edge: <c>observe</c> to see the screen and state, <c>act</c> to operate it, <c>simulate</c> to reset it.</summary>
internal sealed class HmiAuthorizationInterceptor(HmiCallers callers, ILogger<HmiAuthorizationInterceptor> logger)
    : ScopeAuthorizationInterceptor(callers.Validator, logger)
{
    private static readonly Dictionary<string, string> s_scopes = new(StringComparer.Ordinal)
    {
        [Method(nameof(HmiService.HmiBase.GetScreen))] = HmiScopes.Observe,
        [Method(nameof(HmiService.HmiBase.WatchScreen))] = HmiScopes.Observe,
        [Method(nameof(HmiService.HmiBase.GetState))] = HmiScopes.Observe,
        [Method(nameof(HmiService.HmiBase.Act))] = HmiScopes.Act,
        [Method(nameof(HmiService.HmiBase.Reset))] = HmiScopes.Simulate,
    };

    protected override IReadOnlyDictionary<string, string> RequiredScopes => s_scopes;

    private static string Method(string name) => $"/{HmiService.Descriptor.FullName}/{name}";
}
