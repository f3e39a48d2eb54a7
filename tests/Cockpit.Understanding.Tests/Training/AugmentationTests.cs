using Cockpit.Training.Labels;

namespace Cockpit.Understanding.Tests.Training;

/// <summary>Training utterances made from others: requests joined in one breath, requests taken back.</summary>
public sealed class AugmentationTests
{
    private static readonly LabeledUtterance AirConditioning = new("打开空调。", "zh", "phrasebook", "zh1:terse",
        [[Call("climate.ac", "on")]], [new CallSegment("climate.ac.on", 0, 5, [])], []);

    private static readonly LabeledUtterance Volume = new("音量调到30", "zh", "phrasebook", "zh2:terse",
        [[Call("media.volume", "set", "30")]], [new CallSegment("media.volume.set", 0, 6, [])], [new SlotSpan("VALUE", 4, 6)]);

    [Fact]
    public void Joined_TwoRequests_BothCallsWhereTheyAreSaid()
    {
        var joined = JoinedRequests.From([AirConditioning, Volume], new Dictionary<string, IReadOnlyList<string>> { ["zh"] = ["，然后"] }, count: 50, seed: 1)
            .First(u => u.Text.StartsWith("打开空调", StringComparison.Ordinal) && u.Text.EndsWith("音量调到30", StringComparison.Ordinal));

        Assert.Equal("打开空调，然后音量调到30", joined.Text);
        Assert.Equal(["climate.ac", "media.volume"], joined.Gold.Select(call => call.Function));
        Assert.Equal([(0, 4), (7, 13)], joined.Segments.Select(s => (s.Start, s.End)));
        Assert.Equal("30", joined.Text[joined.Slots[0].Start..joined.Slots[0].End]);
    }

    [Fact]
    public void Cancelled_ARequestTakenBack_AsksForNothing()
    {
        var cancelled = CancelledRequests.From([AirConditioning], new Dictionary<string, IReadOnlyList<string>> { ["zh"] = ["，算了"] }, every: 1, seed: 1);

        Assert.Equal(("打开空调，算了", true), (cancelled.Single().Text, cancelled.Single().IsNothing));
    }

    private static GoldCall Call(string function, string op, string? value = null) =>
        new(function, op, [], value, null, new Dictionary<string, string>());
}
