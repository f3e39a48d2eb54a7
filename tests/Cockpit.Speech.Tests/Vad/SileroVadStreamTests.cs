using Cockpit.Speech.Tests.TestSupport;
using Cockpit.Speech.Vad;

namespace Cockpit.Speech.Tests.Vad;

public sealed class SileroVadStreamTests
{
    [Fact]
    public void Process_SpeechFrames_CarryStateAcrossFrames()
    {
        var clean = SpeechClips.Synthesize("en", "turn on the rear defroster");
        using var stream = SharedVad.Model.CreateStream();
        using var fresh = SharedVad.Model.CreateStream();
        var frames = clean.Length / SileroVadModel.FrameSize;

        var carried = Enumerable.Range(0, frames).Select(f => stream.Process(clean.AsSpan(f * 512, 512))).ToArray();
        var isolated = Enumerable.Range(0, frames).Select(f =>
        {
            fresh.Reset();
            return fresh.Process(clean.AsSpan(f * 512, 512));
        }).ToArray();

        Assert.True(carried.Max() > 0.9f, $"max probability {carried.Max()}");
        Assert.NotEqual(carried, isolated);
        Assert.Equal(frames, stream.Frames);
    }

    [Fact]
    public void Process_WrongFrameSize_Throws()
    {
        using var stream = SharedVad.Model.CreateStream();

        Assert.Throws<ArgumentException>(() => stream.Process(new float[480]));
    }
}
