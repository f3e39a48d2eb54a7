using BenchmarkDotNet.Attributes;
using Cockpit.Agent.Screen;
using Cockpit.Benchmarks.Vehicle;
using Cockpit.Hmi.V1;
using Cockpit.Understanding;
using Cockpit.Understanding.Resolution;

namespace Cockpit.Benchmarks.Screen;

/// <summary>
/// Grounding one screen task on the learned UI map (<see cref="ScreenGrounder.Ground"/>: which row of which list was
/// meant, pinyin-aware, through recognition slips), one call per measurement, so P50 is the median of single calls.
/// <c>Large</c> adds the generated content of a real head unit (10,000 tracks, 5,000 places, 500 contacts, seed 1)
/// to the embedded 31 tracks, 21 places and 20 contacts (the baseline). The requests name rows deep in the lists,
/// with slips, in pinyin, and names the content lacks. Setup explores the HMI (about a minute when large).
/// <code>dotnet bin/Release/net10.0/Cockpit.Benchmarks.dll --filter '*ScreenGrounding*'</code>
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class ScreenGroundingBenchmark
{
    private static readonly (string Function, string Slot, string Language, string Said)[] s_requests =
    [
        ("screen.play", "query", "zh", "窗外咖啡山古"),
        ("screen.play", "query", "en", "chuang wai zi you"),
        ("screen.play", "query", "zh", "两只老虎"),
        ("screen.play", "query", "en", "Purple Rain"),
        ("screen.play", "query", "zh", "七里乡"),
        ("screen.navigate", "place", "zh", "杨浦曹西充电站"),
        ("screen.navigate", "place", "en", "pudong airport"),
        ("screen.call", "contact", "en", "Song Haoran"),
        ("screen.call", "contact", "zh", "张三"),
    ];

    private ScreenAgentHarness _harness = null!;
    private UiMap _map = null!;
    private Cockpit.Hmi.V1.Screen _screen = null!;
    private ScreenTask[] _tasks = null!;
    private int _next;

    /// <summary>Whether the generated content is added.</summary>
    [Params(false, true)]
    public bool Large { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _harness = await ScreenAgentHarness.StartAsync(options =>
        {
            options.GeneratedTracks = Large ? 10_000 : 0;
            options.GeneratedPlaces = Large ? 5_000 : 0;
            options.GeneratedContacts = Large ? 500 : 0;
        });
        _map = _harness.Agent.Map!;
        _screen = await _harness.Hmi.GetScreenAsync(new GetScreenRequest());
        _tasks = [.. s_requests.Select(r => new ScreenTask(r.Function, null, null,
            new Dictionary<string, TextSpan>(StringComparer.Ordinal) { [r.Slot] = new TextSpan(0, r.Said.Length, r.Said) }))];
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _harness.DisposeAsync();

    [Benchmark]
    public bool Ground()
    {
        var index = _next++ % s_requests.Length;
        return ScreenGrounder.Ground(_tasks[index], s_requests[index].Said, s_requests[index].Language, _map, _screen, out _) is not null;
    }
}
