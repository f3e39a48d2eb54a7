using Cockpit.Can.Bus;
using Cockpit.Can.Frames;
using Cockpit.Can.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Can.Tests.Logging;

public sealed class CandumpReplayerTests
{
    private const string Log = """
        (1700000000.000000) can0 123#DEADBEEF
        (1700000000.250000) can0 456#01

        (1700000001.000000) can0 18FEF100##1112233
        """;

    [Fact]
    public async Task ReplayAsync_AtOnce_SendsEveryFrameInOrder()
    {
        await using var bus = new VirtualCanBus();
        var seen = new List<CanFrame>();
        using var _ = bus.Subscribe(CanIdFilter.All, seen.Add);

        var count = await CandumpReplayer.ReplayAsync(new CandumpReader(new StringReader(Log)), bus);

        Assert.Equal(3, count);
        Assert.Equal([0x123u, 0x456u, 0x18FEF100u], seen.Select(frame => frame.Id));
        Assert.True(seen[2].IsFd);
    }

    [Fact]
    public async Task ReplayAsync_KeepTiming_WaitsAsLongAsTheTimestampsSay()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        await using var bus = new VirtualCanBus();
        var sentAt = new List<TimeSpan>();
        using var _ = bus.Subscribe(CanIdFilter.All, _ => sentAt.Add(time.GetUtcNow() - start));

        var replay = CandumpReplayer.ReplayAsync(new CandumpReader(new StringReader(Log)), bus, keepTiming: true, timeProvider: time);
        // The replayer registers each wait on its own thread; step the clock until it is done.
        for (var step = 0; !replay.IsCompleted && step < 10_000; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        Assert.Equal(3, await replay);
        Assert.Equal(TimeSpan.Zero, sentAt[0]);
        Assert.InRange(sentAt[1].TotalMilliseconds, 250, 400); // the clock may step on while the replayer wakes up
        Assert.InRange(sentAt[2].TotalMilliseconds, 1000, 1300);
    }

    [Fact]
    public async Task ReplayAsync_MalformedLine_ThrowsAfterSendingTheFramesBefore()
    {
        await using var bus = new VirtualCanBus();
        var seen = new List<CanFrame>();
        using var _ = bus.Subscribe(CanIdFilter.All, seen.Add);

        await Assert.ThrowsAsync<CandumpFormatException>(() =>
            CandumpReplayer.ReplayAsync(new CandumpReader(new StringReader("(1.000000) can0 123#00\nnot a frame\n")), bus));

        Assert.Single(seen);
    }
}
