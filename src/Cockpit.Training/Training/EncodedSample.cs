namespace Cockpit.Training.Training;

/// <summary>A sample as model input: token ids, BIO tag ids and call indices, one per token.</summary>
internal sealed record EncodedSample(int[] Ids, int[] Tags, int[] Calls, int Index);
