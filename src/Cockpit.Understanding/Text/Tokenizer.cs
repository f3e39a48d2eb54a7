using System.Text;

namespace Cockpit.Understanding.Text;

/// <summary>
/// Splits an utterance into vocabulary ids: one token per Chinese character, one per English word (lower-cased) or,
/// for words not in the vocabulary, greedy longest-match word pieces (<c>##</c> marks a continuation), one per digit and
/// punctuation mark; anything else falls back to UTF-8 byte tokens <c>&lt;0xNN&gt;</c>. It never fails. Immutable, thread-safe.
/// </summary>
public sealed class Tokenizer
{
    /// <summary>Padding token, id 0.</summary>
    public const string Pad = "[PAD]";

    /// <summary>Unknown token, id 1 (only used if a vocabulary lacks byte tokens).</summary>
    public const string Unknown = "[UNK]";

    private const int MaxWordLength = 40;

    private readonly Dictionary<string, int> _ids;
    private readonly string[] _tokens;
    private readonly int _maxPieceLength;

    /// <summary>Creates a tokenizer over a vocabulary (token text per id; id 0 must be <see cref="Pad"/>).</summary>
    /// <param name="vocabulary">Tokens in id order.</param>
    public Tokenizer(IReadOnlyList<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        _tokens = [.. vocabulary];
        _ids = new Dictionary<string, int>(_tokens.Length, StringComparer.Ordinal);
        for (var i = 0; i < _tokens.Length; i++)
        {
            _ids.TryAdd(_tokens[i], i);
        }

        _maxPieceLength = _tokens.Length == 0 ? 1 : _tokens.Max(t => t.Length);
        UnknownId = _ids.TryGetValue(Unknown, out var u) ? u : 0;
    }

    /// <summary>Number of tokens in the vocabulary.</summary>
    public int VocabularySize => _tokens.Length;

    /// <summary>Id of <see cref="Unknown"/>.</summary>
    public int UnknownId { get; }

    /// <summary>The vocabulary in id order.</summary>
    public IReadOnlyList<string> Vocabulary => _tokens;

    /// <summary>Reads a vocabulary file (UTF-8, one token per line, id = line number from 0).</summary>
    /// <param name="path">File path.</param>
    public static Tokenizer FromFile(string path) => new(File.ReadAllLines(path, Encoding.UTF8));

    /// <summary>The byte-fallback token text for a byte value.</summary>
    /// <param name="b">The byte.</param>
    public static string ByteToken(byte b) => $"<0x{b:X2}>";

    /// <summary>True for characters tokenised one by one (CJK ideographs and CJK punctuation).</summary>
    /// <param name="c">The character.</param>
    public static bool IsCjk(char c) =>
        c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';

    /// <summary>Maps full-width ASCII variants (２２，ＡＣ) to ASCII; keeps the length so offsets stay valid.</summary>
    /// <param name="c">The character.</param>
    public static char Fold(char c) => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;

    /// <summary>Splits text into pre-tokens (word, digit, CJK character, symbol) with offsets; used by the vocabulary builder too.</summary>
    /// <param name="text">The utterance.</param>
    public static IEnumerable<(string Text, int Start, bool IsWord)> PreTokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var i = 0;
        while (i < text.Length)
        {
            var c = Fold(text[i]);
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length)
            {
                yield return (text.Substring(i, 2), i, false);
                i += 2;
                continue;
            }

            if (IsAsciiLetter(c))
            {
                var start = i;
                while (i < text.Length && (IsAsciiLetter(Fold(text[i])) || (Fold(text[i]) == '\'' && i + 1 < text.Length && IsAsciiLetter(Fold(text[i + 1])))))
                {
                    i++;
                }

                var word = new StringBuilder(i - start);
                for (var k = start; k < i; k++)
                {
                    word.Append(char.ToLowerInvariant(Fold(text[k])));
                }

                yield return (word.ToString(), start, true);
                continue;
            }

            yield return (c.ToString(), i, false);
            i++;
        }
    }

    /// <summary>Tokenises text. Never throws for any string.</summary>
    /// <param name="text">The utterance.</param>
    public IReadOnlyList<Token> Encode(string text)
    {
        var result = new List<Token>(text.Length);
        foreach (var (piece, start, isWord) in PreTokenize(text))
        {
            if (_ids.TryGetValue(piece, out var id))
            {
                result.Add(new Token(id, start, piece.Length));
            }
            else if (isWord && piece.Length <= MaxWordLength)
            {
                EncodeWordPieces(piece, start, result);
            }
            else
            {
                EncodeBytes(piece, start, piece.Length, result);
            }
        }

        return result;
    }

    /// <summary>The id of a vocabulary entry, if the vocabulary has it.</summary>
    /// <param name="token">The entry, e.g. <see cref="ByteToken"/>'s.</param>
    /// <param name="id">Its id.</param>
    public bool TryGetId(string token, out int id) => _ids.TryGetValue(token, out id);

    /// <summary>The text of a token id.</summary>
    /// <param name="id">Token id.</param>
    public string TokenText(int id) => (uint)id < (uint)_tokens.Length ? _tokens[id] : Unknown;

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private void EncodeWordPieces(string word, int start, List<Token> result)
    {
        var pos = 0;
        while (pos < word.Length)
        {
            var found = -1;
            var foundLength = 0;
            for (var len = Math.Min(word.Length - pos, _maxPieceLength); len >= 1; len--)
            {
                var candidate = pos == 0 ? word.Substring(pos, len) : string.Concat("##", word.AsSpan(pos, len));
                if (_ids.TryGetValue(candidate, out var id))
                {
                    found = id;
                    foundLength = len;
                    break;
                }
            }

            if (found < 0)
            {
                EncodeBytes(word.Substring(pos, 1), start + pos, 1, result);
                pos++;
                continue;
            }

            result.Add(new Token(found, start + pos, foundLength));
            pos += foundLength;
        }
    }

    private void EncodeBytes(string piece, int start, int length, List<Token> result)
    {
        Span<byte> buffer = stackalloc byte[16];
        var byteCount = Encoding.UTF8.GetByteCount(piece);
        var bytes = byteCount <= buffer.Length ? buffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(piece, bytes);
        foreach (var b in bytes)
        {
            result.Add(new Token(_ids.TryGetValue(ByteToken(b), out var id) ? id : UnknownId, start, length));
        }
    }
}
