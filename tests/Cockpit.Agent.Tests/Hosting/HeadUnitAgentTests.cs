using System.Text.Json;
using Cockpit.Agent.HeadUnit;

namespace Cockpit.Agent.Tests.Hosting;

/// <summary>The head-unit agent runs against a real car's and HMI's services: no simulator is among its dependencies.</summary>
public sealed class HeadUnitAgentTests
{
    private static readonly string[] s_simulators = ["Cockpit.Vehicle", "Cockpit.Gui", "Cockpit.Console"];

    [Fact]
    public void DependencyManifest_ListsThePipelineAndNoSimulator()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "Cockpit.Agent.HeadUnit.deps.json");
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        var libraries = document.RootElement.GetProperty("libraries").EnumerateObject().Select(library => library.Name.Split('/')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Cockpit.Agent.Pipeline", libraries);
        Assert.Contains("Cockpit.Vehicle.Client", libraries);
        Assert.Empty(libraries.Intersect(s_simulators));
    }

    [Fact]
    public void Assembly_ReferencesNoSimulatorTransitively()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<System.Reflection.AssemblyName>([typeof(HeadUnitAgent).Assembly.GetName()]);
        while (pending.TryDequeue(out var name))
        {
            if (name.Name is not { } simple || !simple.StartsWith("Cockpit.", StringComparison.Ordinal) || !seen.Add(simple))
            {
                continue;
            }

            foreach (var reference in System.Reflection.Assembly.Load(name).GetReferencedAssemblies())
            {
                pending.Enqueue(reference);
            }
        }

        Assert.Contains("Cockpit.Agent.Screen", seen);
        Assert.Empty(seen.Intersect(s_simulators));
    }
}
