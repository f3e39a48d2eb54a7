using Cockpit.Understanding;
using Microsoft.Extensions.Hosting;

namespace Cockpit.Agent.Hosting;

/// <summary>
/// Opens the understanding model while the host starts instead of at the first turn. Opening checks every file
/// against <c>manifest.json</c> (size and SHA-256, <see cref="Understanding.Model.ModelManifest.Verify"/>) and builds
/// the lookup table when missing, so a missing or corrupted model file stops the start with an
/// <see cref="InvalidDataException"/> naming the file and both hashes, and under systemd the unit fails visibly
/// (<c>systemctl status cockpit-agent</c>) instead of every turn failing later.
/// </summary>
internal sealed class UnderstandingModelPreload(UtteranceUnderstander understander) : IHostedService
{
    /// <summary>The model, opened when the host resolved this service.</summary>
    public UtteranceUnderstander Understander { get; } = understander;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
