using Cockpit.Speech.Audio;

namespace Cockpit.Speech.Tests.Audio;

public sealed class AlsaCaptureSourceTests
{
    [CaptureDeviceFact]
    public async Task ReadAsync_DefaultDevice_Delivers16kAudio()
    {
        await using var source = AlsaCaptureSource.Start("default", TimeSpan.FromSeconds(5));
        var buffer = new float[16_000];
        var total = 0;

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (total < 8_000)
        {
            total += await source.ReadAsync(buffer.AsMemory(total), timeout.Token);
        }

        Assert.True(total >= 8_000);
    }

    [Fact]
    public void HasCaptureDevice_NoDevice_SaysWhy()
    {
        var found = AlsaCaptureSource.HasCaptureDevice(out var reason);

        Assert.True(found || reason.Contains("ALSA", StringComparison.Ordinal), reason);
    }

    [Fact]
    public void Start_MissingArecord_ThrowsNamingThePackage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AlsaCaptureSource.Start("default", TimeSpan.FromSeconds(1), "/nonexistent/arecord"));

        Assert.Contains("alsa-utils", error.Message, StringComparison.Ordinal);
    }
}
