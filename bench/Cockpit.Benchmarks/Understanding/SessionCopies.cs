namespace Cockpit.Benchmarks.Understanding;

/// <summary>
/// Opens two copies of each of several models in the order A B C … C B A, for harnesses that compare their latencies
/// in one process: on this machine a session opened later ran up to 10 % faster than one of the same size opened before
/// it (MoLE / dense read 1.10–1.16× with dense opened last and 0.94–1.02× with dense opened first, in the same hour), so
/// a harness uses both copies of each model equally and the order of opening falls on all models alike.
/// </summary>
internal static class SessionCopies
{
    /// <summary>The two copies of each model: [model][0] opened in the first half, [model][1] in the second.</summary>
    public static T[][] Open<T>(int models, Func<int, T> open)
    {
        var copies = new T[models][];
        for (var m = 0; m < models; m++)
        {
            copies[m] = new T[2];
            copies[m][0] = open(m);
        }

        for (var m = models - 1; m >= 0; m--)
        {
            copies[m][1] = open(m);
        }

        return copies;
    }
}
