namespace Cockpit.Training.Training;

/// <summary>
/// An utterance as model input and targets, one entry per token: its id, intent tag, slot tag, and the zones of the call
/// it belongs to (<see cref="ZoneTargets"/>, [tokens × zones], 0/1), which count only where <see cref="InCall"/>.
/// </summary>
internal sealed record EncodedSample(int[] Ids, int[] IntentTags, int[] SlotTags, float[] ZoneTargets, bool[] InCall, int Index);
