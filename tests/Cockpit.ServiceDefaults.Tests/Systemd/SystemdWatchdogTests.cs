using Cockpit.ServiceDefaults.Systemd;

namespace Cockpit.ServiceDefaults.Tests.Systemd;

public sealed class SystemdWatchdogTests
{
    [Theory]
    [InlineData("30000000", null, 30.0)]
    [InlineData("30000000", "", 30.0)]
    [InlineData("30000000", "4242", 30.0)]
    [InlineData("500000", "4242", 0.5)]
    [InlineData("30000000", "4243", null)]
    [InlineData("30000000", "not-a-pid", null)]
    [InlineData(null, null, null)]
    [InlineData("", null, null)]
    [InlineData("0", null, null)]
    [InlineData("-30000000", null, null)]
    [InlineData("30s", null, null)]
    public void Interval_WatchdogVariables_AsSdWatchdogEnabled(string? microseconds, string? watchdogPid, double? expectedSeconds)
    {
        var interval = SystemdWatchdog.Interval(microseconds, watchdogPid, processId: 4242);

        Assert.Equal(expectedSeconds, interval?.TotalSeconds);
    }
}
