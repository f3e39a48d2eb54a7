using Cockpit.Training.Data;
using Cockpit.Understanding.Text;

namespace Cockpit.Training.Training;

/// <summary>
/// Builds the tokenizer vocabulary from the training corpus: specials, 256 byte tokens, ASCII characters and pieces,
/// Chinese characters seen at least twice, English words seen at least three times, and frequent word-initial and
/// continuation pieces. Rarer words and characters are split into pieces or bytes during training too, so the model
/// learns what unseen text looks like.
/// </summary>
internal static class VocabularyBuilder
{
    public static List<string> Build(IEnumerable<string> corpus, int minCharCount = 2, int minWordCount = 3, int minPieceCount = 20)
    {
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in corpus)
        {
            foreach (var (text, _, isWord) in Tokenizer.PreTokenize(s))
            {
                var d = isWord ? words : chars;
                d[text] = d.GetValueOrDefault(text) + 1;
            }
        }

        var vocab = new List<string> { Tokenizer.Pad, Tokenizer.Unknown };
        vocab.AddRange(Enumerable.Range(0, 256).Select(b => Tokenizer.ByteToken((byte)b)));
        for (var c = (char)33; c < 127; c++)
        {
            vocab.Add(c.ToString());
            if (char.IsAsciiLetterLower(c))
            {
                vocab.Add("##" + c);
            }
        }

        vocab.AddRange(chars.Where(kv => kv.Value >= minCharCount && kv.Key.Length > 0 && kv.Key[0] > 127).Select(kv => kv.Key).Order(StringComparer.Ordinal));
        var keptWords = words.Where(kv => kv.Value >= minWordCount).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        vocab.AddRange(keptWords.Where(w => w.Length > 1));

        // Pieces from the words that stay split: 2–4 letter prefixes and continuations.
        var pieces = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (w, n) in words)
        {
            for (var len = 2; len <= 4 && len <= w.Length; len++)
            {
                pieces[w[..len]] = pieces.GetValueOrDefault(w[..len]) + n;
                for (var i = 1; i + len <= w.Length; i++)
                {
                    var p = string.Concat("##", w.AsSpan(i, len));
                    pieces[p] = pieces.GetValueOrDefault(p) + n;
                }
            }
        }

        var seen = new HashSet<string>(vocab, StringComparer.Ordinal);
        foreach (var p in pieces.Where(kv => kv.Value >= minPieceCount).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(1500).Select(kv => kv.Key))
        {
            if (seen.Add(p))
            {
                vocab.Add(p);
            }
        }

        return vocab;
    }
}
