namespace Cockpit.Understanding.Model;

/// <summary>A run of tokens with one span class, as the model tagged it.</summary>
internal sealed record TaggedSpan(string Class, int Start, int End, float Confidence)
{
    public string Text(string utterance) => utterance[Start..End];
}
