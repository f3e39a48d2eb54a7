using System.Collections.Concurrent;
using Cockpit.Can.Bus;
using Cockpit.Can.Frames;

namespace Cockpit.Can.Tests.Bus;

public sealed class SocketCanBusTests
{
    [VcanFact]
    public async Task SendAsync_ClassicAndFdFrames_ReachAnotherSocketOnTheSameInterface()
    {
        await using var sender = SocketCanBus.Open(VcanFactAttribute.InterfaceName);
        await using var receiver = SocketCanBus.Open(VcanFactAttribute.InterfaceName);
        var received = new BlockingCollection<CanFrame>();
        using var subscription = receiver.Subscribe(CanIdFilter.All, received.Add);
        CanFrame[] frames =
        [
            new(0x1F0, new byte[] { 0x80, 0x4A, 0x0F, 0, 0, 0, 0, 0 }),
            new(0x18FEF100, new byte[] { 1, 2, 3 }, isExtended: true),
            new(0x245, new byte[64], isFd: true, bitRateSwitch: true),
        ];

        foreach (var frame in frames)
        {
            await sender.SendAsync(frame);
        }

        foreach (var frame in frames)
        {
            Assert.True(received.TryTake(out var got, TimeSpan.FromSeconds(2)), $"no frame {frame} within 2 s");
            Assert.Equal(frame, got);
        }
    }

    [Fact]
    public void Open_UnknownInterface_ThrowsNamingIt()
    {
        // SocketCAN is Linux only; Open reports that separately.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var error = Assert.Throws<IOException>(() => SocketCanBus.Open("nocan42"));

        Assert.StartsWith("SocketCAN: no network interface named 'nocan42'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsCanInterface_LoopbackInterface_False()
    {
        Assert.False(SocketCanBus.IsCanInterface("lo"));
    }
}
