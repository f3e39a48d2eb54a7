using Cockpit.Training.Labels;
using Cockpit.Understanding.Model;
using Cockpit.Understanding.Text;

namespace Cockpit.Training.Training;

/// <summary>
/// Character labels → token labels: a token takes the intent of the call segment its first character lies in (<c>B-</c>
/// on the segment's first token), the slot of the argument span it lies in, and its call's zones.
/// </summary>
internal sealed class LabelEncoder(Tokenizer tokenizer, LabelSet labels, int maxLength)
{
    public EncodedSample Encode(LabeledUtterance utterance, int index, UnseenCharacters? unseen = null)
    {
        var tokens = tokenizer.Encode(utterance.Text);
        tokens = unseen?.Apply(utterance.Text, tokens) ?? tokens;
        var n = Math.Min(tokens.Count, maxLength);
        var zones = labels.Zones.Count;
        var intentTags = new int[n];
        var slotTags = new int[n];
        var zoneTargets = new float[n * zones];
        var inCall = new bool[n];
        CallSegment? previousSegment = null;
        SlotSpan? previousSlot = null;
        for (var i = 0; i < n; i++)
        {
            var at = tokens[i].Start;
            var segment = utterance.Segments.FirstOrDefault(s => s.Start <= at && at < s.End);
            if (segment is not null)
            {
                var begin = labels.BeginTag(segment.Intent);
                intentTags[i] = segment == previousSegment ? begin + 1 : begin;
                inCall[i] = true;
                foreach (var zone in segment.Zones)
                {
                    var z = IndexOf(labels.Zones, zone);
                    if (z >= 0)
                    {
                        zoneTargets[(i * zones) + z] = 1;
                    }
                }
            }

            var slot = utterance.Slots.FirstOrDefault(s => s.Start <= at && at < s.End);
            if (slot is not null)
            {
                var begin = labels.SlotBeginTag(slot.Kind);
                slotTags[i] = slot == previousSlot ? begin + 1 : begin;
            }

            previousSegment = segment;
            previousSlot = slot;
        }

        return new EncodedSample([.. tokens.Take(n).Select(token => token.Id)], intentTags, slotTags, zoneTargets, inCall, index);
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
