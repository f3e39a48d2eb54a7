using Cockpit.Speech.Audio;

namespace Cockpit.Speech.Tests.Audio;

/// <summary>A fact that skips, saying why, on machines without an ALSA capture device or without arecord.</summary>
public sealed class CaptureDeviceFactAttribute : FactAttribute
{
    public CaptureDeviceFactAttribute()
    {
        if (!AlsaCaptureSource.HasCaptureDevice(out var reason))
        {
            Skip = reason;
        }
        else if (!File.Exists("/usr/bin/arecord"))
        {
            Skip = "arecord is not installed (Debian package alsa-utils)";
        }
    }
}
