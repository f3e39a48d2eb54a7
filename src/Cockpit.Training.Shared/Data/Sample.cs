namespace Cockpit.Training.Data;

/// <summary>A labelled character span of a generated utterance; a number's span carries the value the generator chose.</summary>
internal sealed record LabelledSpan(int Start, int End, string Class, int Call, double? Number = null);

/// <summary>One generated utterance with its span labels.</summary>
internal sealed record Sample(string Text, string Lang, string Template, IReadOnlyList<LabelledSpan> Spans)
{
    /// <summary>Materialises pieces: English pieces are joined with single spaces, Mandarin pieces concatenated.</summary>
    public static Sample FromPieces(IReadOnlyList<Piece> pieces, string lang, string template)
    {
        var sb = new System.Text.StringBuilder();
        var spans = new List<LabelledSpan>();
        foreach (var p in pieces)
        {
            var text = p.Text;
            if (lang == "en")
            {
                text = text.Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (sb.Length > 0 && text[0] is not (',' or '.' or '?' or '!'))
                {
                    sb.Append(' ');
                }
            }
            else if (text.Length == 0)
            {
                continue;
            }

            var start = sb.Length;
            sb.Append(text);
            if (p.Class is not null)
            {
                spans.Add(new LabelledSpan(start, sb.Length, p.Class, p.Call, p.Number));
            }
        }

        return new Sample(sb.ToString(), lang, template, spans);
    }
}
