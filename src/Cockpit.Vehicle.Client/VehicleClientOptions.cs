using System.ComponentModel.DataAnnotations;

namespace Cockpit.Vehicle.Client;

/// <summary>Where the vehicle service is and how long a client waits for it. Each host fills these from its own section.</summary>
public sealed class VehicleClientOptions
{
    /// <summary>The vehicle service: <c>http://127.0.0.1:55555</c> or <c>unix:/run/cockpit/vehicle.sock</c>.</summary>
    [Required]
    public string Address { get; set; } = "http://127.0.0.1:55555";

    /// <summary>The bearer token the calls carry; null sends none.</summary>
    public string? Token { get; set; }

    /// <summary>The deadline of one call, waiting for the channel included.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a call the service did not answer (UNAVAILABLE) is tried again.</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The wait before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
