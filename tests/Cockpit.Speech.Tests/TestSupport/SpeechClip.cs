namespace Cockpit.Speech.Tests.TestSupport;

/// <summary>A synthesised utterance placed in silence and noise, with where the speech truly is.</summary>
internal sealed record SpeechClip(string Name, float[] Samples, TimeSpan SpeechStart, TimeSpan SpeechEnd)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Samples.Length / (double)Signals.Rate);

    public override string ToString() => Name;
}
