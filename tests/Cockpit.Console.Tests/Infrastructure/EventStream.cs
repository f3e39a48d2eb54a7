using System.Text.Json;

namespace Cockpit.Console.Tests.Infrastructure;

/// <summary>
/// The console's server-sent events as the page reads them. Every event is kept, so a test may wait for one that came
/// before it asked; the car's values are merged as the page merges them.
/// </summary>
internal sealed class EventStream : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(20);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<(string Name, JsonElement Data)> _events = [];

    private EventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>The car's values so far, path → value.</summary>
    public Dictionary<string, JsonElement> Car { get; } = new(StringComparer.Ordinal);

    public HttpResponseMessage Response => _response;

    public static async Task<EventStream> OpenAsync(HttpClient http, string path = "/console/api/events")
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The first event named <paramref name="name"/>, received or to come, that <paramref name="match"/> accepts.</summary>
    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> match)
    {
        using var timeout = new CancellationTokenSource(s_timeout);
        for (var index = 0; ; index++)
        {
            while (index >= _events.Count)
            {
                try
                {
                    await ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    Assert.Fail($"no '{name}' event matched within {s_timeout.TotalSeconds} s; received: {Describe()}");
                }
            }

            if (_events[index].Name == name && match(_events[index].Data))
            {
                return _events[index].Data;
            }
        }
    }

    /// <summary>Waits until the car's value at <paramref name="path"/> satisfies <paramref name="match"/>.</summary>
    public Task<JsonElement> WaitForCarAsync(string path, Func<JsonElement, bool> match) =>
        WaitForAsync("car", _ => Car.TryGetValue(path, out var value) && match(value));

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>The events so far, car values and screens by name only.</summary>
    private string Describe() => string.Join(", ", _events.Select(e => e.Name is "car" or "screen" ? e.Name : $"{e.Name} {e.Data}"));

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        string? data = null;
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (name is not null && data is not null)
                {
                    var element = JsonDocument.Parse(data).RootElement.Clone();
                    if (name == "car")
                    {
                        foreach (var property in element.EnumerateObject())
                        {
                            Car[property.Name] = property.Value.Clone();
                        }
                    }

                    _events.Add((name, element));
                    return;
                }

                continue;
            }

            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        throw new EndOfStreamException($"the event stream ended; received: {Describe()}");
    }
}
