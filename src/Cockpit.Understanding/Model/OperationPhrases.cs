using Cockpit.Understanding.Catalog;

namespace Cockpit.Understanding.Model;

/// <summary>Finds an operation by the catalog's own phrases for it, where the tagger missed the verb.</summary>
internal sealed class OperationPhrases(ActionCatalog catalog)
{
    /// <summary>
    /// The operation <paramref name="function"/> accepts (and <paramref name="usable"/> allows) whose phrase is said in
    /// [<paramref name="start"/>, <paramref name="end"/>) outside <paramref name="taken"/> and not before "着" (a state,
    /// <see cref="TagReader.SaysAState"/>): the longest phrase, then the nearest to <paramref name="anchor"/>; null when
    /// there is none.
    /// </summary>
    public string? Find(string text, int start, int end, IReadOnlyList<TaggedSpan> taken, int anchor, CatalogFunction function, Func<string, bool> usable)
    {
        (string Op, int Length, int Distance)? best = null;
        foreach (var operation in catalog.Operations.Where(o => function.Accepts(o.Id) && usable(o.Id)))
        {
            var said = function.PhrasesOf(operation);
            foreach (var phrase in said.Zh.Concat(said.En).Concat(said.EnSuffix))
            {
                foreach (var at in Occurrences(text, phrase, start, end))
                {
                    var distance = Math.Abs(at - anchor);
                    if (taken.Any(s => s.Start < at + phrase.Length && at < s.End) || TagReader.SaysAState(text, at + phrase.Length)
                        || best is { } b && (phrase.Length < b.Length || (phrase.Length == b.Length && distance >= b.Distance)))
                    {
                        continue;
                    }

                    best = (operation.Id, phrase.Length, distance);
                }
            }
        }

        return best?.Op;
    }

    /// <summary>Where <paramref name="phrase"/> occurs in the range; Latin phrases as whole words only ("on" not in "only").</summary>
    private static IEnumerable<int> Occurrences(string text, string phrase, int start, int end)
    {
        static bool Letter(char c) => char.IsAsciiLetterOrDigit(c);
        for (var at = start; at + phrase.Length <= end; at++)
        {
            at = text.IndexOf(phrase, at, end - at, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                yield break;
            }

            var after = at + phrase.Length;
            if ((!Letter(text[at]) || at == 0 || !Letter(text[at - 1])) && (!Letter(text[after - 1]) || after == text.Length || !Letter(text[after])))
            {
                yield return at;
            }
        }
    }
}
