using System.Numerics;
using Cockpit.Can.Bus;
using Cockpit.Can.Frames;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Can.Tests.Bus;

public sealed class VirtualCanBusTests
{
    private static readonly CanFrame Standard = new(0x123, new byte[] { 1, 2, 3, 4 });
    private static readonly CanFrame Other = new(0x456, new byte[] { 5 });
    private static readonly CanFrame Extended = new(0x123, new byte[] { 6 }, isExtended: true);

    [Fact]
    public async Task SendAsync_NoFaults_DeliversToSubscribersWhoseFilterPasses()
    {
        await using var bus = new VirtualCanBus();
        var all = new List<CanFrame>();
        var exact = new List<CanFrame>();
        var masked = new List<CanFrame>();
        using var a = bus.Subscribe(CanIdFilter.All, all.Add);
        using var e = bus.Subscribe(CanIdFilter.Exact(0x123), exact.Add);
        using var m = bus.Subscribe(new CanIdFilter(0x400, 0x700), masked.Add);

        foreach (var frame in new[] { Standard, Other, Extended })
        {
            await bus.SendAsync(frame);
        }

        Assert.Equal([Standard, Other, Extended], all);
        Assert.Equal([Standard], exact);
        Assert.Equal([Other], masked);
    }

    [Fact]
    public async Task Subscribe_HandleDisposed_StopsDelivery()
    {
        await using var bus = new VirtualCanBus();
        var received = new List<CanFrame>();
        var subscription = bus.Subscribe(CanIdFilter.All, received.Add);

        await bus.SendAsync(Standard);
        subscription.Dispose();
        await bus.SendAsync(Other);

        Assert.Equal([Standard], received);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public async Task SendAsync_DropRate_LosesThatShareOfFrames(double rate)
    {
        const int Count = 10_000;
        await using var bus = new VirtualCanBus(faults: new CanFaultOptions { DropRate = rate, Seed = 42 });
        var received = 0;
        using var subscription = bus.Subscribe(CanIdFilter.All, _ => received++);

        for (var i = 0; i < Count; i++)
        {
            await bus.SendAsync(Standard);
        }

        Assert.Equal(Count, bus.SentCount);
        Assert.Equal(Count - bus.DroppedCount, received);
        Assert.InRange(bus.DroppedCount, (rate - 0.02) * Count, (rate + 0.02) * Count);
    }

    [Fact]
    public async Task SendAsync_SameSeed_DropsTheSameFrames()
    {
        var first = await DeliveredIds(seed: 7);
        var second = await DeliveredIds(seed: 7);
        var third = await DeliveredIds(seed: 8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, third);
    }

    [Fact]
    public async Task SendAsync_CorruptRateOne_FlipsExactlyOnePayloadBit()
    {
        await using var bus = new VirtualCanBus(faults: new CanFaultOptions { CorruptRate = 1, Seed = 3 });
        var received = new List<CanFrame>();
        using var subscription = bus.Subscribe(CanIdFilter.All, received.Add);

        for (var i = 0; i < 100; i++)
        {
            await bus.SendAsync(Standard);
        }

        Assert.Equal(100, received.Count);
        Assert.Equal(100, bus.CorruptedCount);
        Assert.All(received, frame =>
        {
            Assert.Equal((Standard.Id, Standard.Length), (frame.Id, frame.Length));
            var flipped = frame.Data.Span.ToArray().Zip(Standard.Data.ToArray(), (x, y) => BitOperations.PopCount((uint)(x ^ y))).Sum();
            Assert.Equal(1, flipped);
        });
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, Standard.Data.ToArray());
    }

    [Fact]
    public async Task SendAsync_DelayRateOne_DeliversOnlyAfterTheDelay()
    {
        var time = new FakeTimeProvider();
        await using var bus = new VirtualCanBus(faults: new CanFaultOptions { DelayRate = 1, Delay = TimeSpan.FromMilliseconds(50) }, timeProvider: time);
        var received = new List<CanFrame>();
        using var subscription = bus.Subscribe(CanIdFilter.All, received.Add);

        await bus.SendAsync(Standard);
        time.Advance(TimeSpan.FromMilliseconds(49));
        var beforeDelay = received.Count;
        time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(0, beforeDelay);
        Assert.Equal([Standard], received);
        Assert.Equal(1, bus.DelayedCount);
    }

    [Fact]
    public async Task DisposeAsync_FramesStillDelayed_AreNeverDelivered()
    {
        var time = new FakeTimeProvider();
        var bus = new VirtualCanBus(faults: new CanFaultOptions { DelayRate = 1 }, timeProvider: time);
        var received = new List<CanFrame>();
        bus.Subscribe(CanIdFilter.All, received.Add);

        await bus.SendAsync(Standard);
        await bus.DisposeAsync();
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(received);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => bus.SendAsync(Standard).AsTask());
    }

    [Fact]
    public async Task Create_DefaultOptions_GivesVirtualBus()
    {
        await using var bus = CanBusFactory.Create(new CanBusOptions());

        var virtualBus = Assert.IsType<VirtualCanBus>(bus);
        Assert.Equal("vcan0", virtualBus.Name);
    }

    private static async Task<List<uint>> DeliveredIds(int seed)
    {
        await using var bus = new VirtualCanBus(faults: new CanFaultOptions { DropRate = 0.3, Seed = seed });
        var ids = new List<uint>();
        using var subscription = bus.Subscribe(CanIdFilter.All, f => ids.Add(f.Id));
        for (uint id = 0; id < 200; id++)
        {
            await bus.SendAsync(new CanFrame(id, ReadOnlyMemory<byte>.Empty));
        }

        return ids;
    }

    [Fact]
    public async Task SendAsync_HandlerAnswersAFrame_EverySubscriberSeesRequestBeforeAnswer()
    {
        await using var bus = new VirtualCanBus();
        var first = new List<uint>();
        var last = new List<uint>();
        using var responder = bus.Subscribe(CanIdFilter.Exact(0x123), _ => bus.SendAsync(Other).AsTask().GetAwaiter().GetResult());
        using var a = bus.Subscribe(CanIdFilter.All, frame => first.Add(frame.Id));
        using var b = bus.Subscribe(CanIdFilter.All, frame => last.Add(frame.Id));

        await bus.SendAsync(Standard);

        Assert.Equal([0x123u, 0x456u], first);
        Assert.Equal([0x123u, 0x456u], last);
    }
}
