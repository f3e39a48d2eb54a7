namespace Cockpit.Understanding.Tests.Model;

/// <summary>Opens the shipped model once per test class (building the lookup table into models/cache if needed).</summary>
public sealed class ShippedModelFixture : IDisposable
{
    public ShippedModelFixture()
    {
        Understander = UtteranceUnderstander.Open(new UnderstandingOptions
        {
            ModelDirectory = RepoPaths.ShippedModel,
            CacheDirectory = RepoPaths.Cache,
            IntraOpThreads = 1,
        });
    }

    public UtteranceUnderstander Understander { get; }

    public void Dispose() => Understander.Dispose();
}
