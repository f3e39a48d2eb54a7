using System.Reflection;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Cockpit.Benchmarks -- --filter '*'   (see bench/README.md)
// (The executing assembly rather than typeof(Program): Cockpit.Vehicle, referenced here, has a Program type too.)
if (args is ["understanding-interleaved"])
{
    Cockpit.Benchmarks.Understanding.InterleavedUnderstandingLatency.Run(Console.Out);
    return;
}

if (args is ["understanding-expert-path"])
{
    Cockpit.Benchmarks.Understanding.ExpertPathCost.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(Assembly.GetExecutingAssembly()).Run(args);
