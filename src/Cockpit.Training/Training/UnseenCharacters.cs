using Cockpit.Understanding.Text;

namespace Cockpit.Training.Training;

/// <summary>
/// Spells some Chinese characters of a training sample as the UTF-8 byte tokens that a character missing from the
/// vocabulary gets at run time. The vocabulary keeps every character seen twice in training, so byte tokens were hardly
/// ever trained — yet held-out names, titles and places hold characters the vocabulary lacks ("静安寺": 寺), and real
/// ones more. Deterministic for a seed.
/// </summary>
/// <param name="tokenizer">The training run's tokenizer (its byte tokens).</param>
/// <param name="rate">The share of Chinese characters spelled out as bytes.</param>
/// <param name="seed">Seed of the choice.</param>
internal sealed class UnseenCharacters(Tokenizer tokenizer, double rate, int seed)
{
    private readonly int[] _byteIds = ByteIds(tokenizer);

    private readonly Random _rng = new(seed);

    /// <summary>The tokens of <paramref name="text"/>, with some single Chinese characters replaced by their bytes (same offsets).</summary>
    public IReadOnlyList<Token> Apply(string text, IReadOnlyList<Token> tokens)
    {
        var result = new List<Token>(tokens.Count + 4);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var token in tokens)
        {
            if (token.Length == 1 && Tokenizer.IsCjk(text[token.Start]) && _rng.NextDouble() < rate)
            {
                var count = System.Text.Encoding.UTF8.GetBytes(text.AsSpan(token.Start, 1), bytes);
                foreach (var b in bytes[..count])
                {
                    result.Add(new Token(_byteIds[b], token.Start, 1));
                }

                continue;
            }

            result.Add(token);
        }

        return result;
    }

    private static int[] ByteIds(Tokenizer tokenizer) =>
        [.. Enumerable.Range(0, 256).Select(b => tokenizer.TryGetId(Tokenizer.ByteToken((byte)b), out var id) ? id : tokenizer.UnknownId)];
}
