using System.Text.Json;
using Cockpit.Understanding;

namespace Cockpit.Agent.Evaluation;

/// <summary>
/// Reads scenario files: JSON Lines, UTF-8, blank lines and lines starting with <c>//</c> ignored
/// (shared/eval/SCENARIOS.md). Every problem is reported with its line; nothing is half-read.
/// </summary>
internal static class ScenarioFileReader
{
    private static readonly HashSet<string> s_outcomes = ["done", "refused", "not_understood", "clarify", "answered"];
    private static readonly HashSet<string> s_topLevel = ["id", "lang", "text", "audio", "turns", "seat", "given", "expect", "expect_hmi", "outcome", "expect_reply"];
    private static readonly HashSet<string> s_turnFields = ["text", "audio", "expect", "expect_hmi", "outcome", "expect_reply"];
    private static readonly string[] s_forms = ["text", "audio", "turns"];
    private static readonly string[] s_perTurn = ["expect", "expect_hmi", "outcome", "expect_reply"];

    public static IReadOnlyList<Scenario> Read(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"scenario file {path} does not exist", path);
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        var scenarios = new List<Scenario>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(fullPath))
        {
            number++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var scenario = Parse(trimmed, path, number, directory);
            if (!ids.Add(scenario.Id))
            {
                throw new ScenarioFileException(path, number, $"id '{scenario.Id}' is used twice");
            }

            scenarios.Add(scenario);
        }

        return scenarios;
    }

    private static Scenario Parse(string json, string file, int line, string directory)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new ScenarioFileException(file, line, $"not valid JSON: {error.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioFileException(file, line, "a scenario must be a JSON object");
        }

        var unknown = root.EnumerateObject().Select(property => property.Name).FirstOrDefault(name => !s_topLevel.Contains(name));
        Fail(unknown is not null, $"unknown field '{unknown}'");
        var id = String(root, "id") ?? throw new ScenarioFileException(file, line, "'id' is required");
        var language = String(root, "lang") ?? throw new ScenarioFileException(file, line, "'lang' is required");
        Fail(language is not ("zh" or "en"), $"'lang' must be zh or en, not '{language}'");
        Seat seat;
        try
        {
            seat = String(root, "seat") is { } seatName ? Conversations.SeatNames.Parse(seatName) : Seat.Driver;
        }
        catch (ArgumentException error)
        {
            throw new ScenarioFileException(file, line, $"'seat': {error.Message}");
        }

        var forms = s_forms.Count(name => root.TryGetProperty(name, out _));
        Fail(forms != 1, "exactly one of 'text', 'audio' or 'turns' is required");

        List<ScenarioTurn> turns;
        if (root.TryGetProperty("turns", out var turnArray))
        {
            Fail(turnArray.ValueKind != JsonValueKind.Array || turnArray.GetArrayLength() == 0, "'turns' must be a non-empty array");
            Fail(s_perTurn.Any(name => root.TryGetProperty(name, out _)), "with 'turns', expect/expect_hmi/outcome/expect_reply belong to each turn");
            turns = [.. turnArray.EnumerateArray().Select((turn, index) =>
            {
                Fail(turn.ValueKind != JsonValueKind.Object, $"turn {index + 1} must be an object");
                var extra = turn.EnumerateObject().Select(property => property.Name).FirstOrDefault(name => !s_turnFields.Contains(name));
                Fail(extra is not null, $"turn {index + 1}: unknown field '{extra}'");
                return Turn(turn, $"turn {index + 1}: ");
            })];
        }
        else
        {
            turns = [Turn(root, "")];
        }

        return new Scenario(id, language, seat, Map(root, "given", ""), turns, line);

        ScenarioTurn Turn(JsonElement element, string where)
        {
            var text = String(element, "text");
            var audio = String(element, "audio");
            Fail((text is null) == (audio is null), $"{where}exactly one of 'text' or 'audio' is required");
            Fail(text is { Length: 0 }, $"{where}'text' is empty");
            var outcome = String(element, "outcome") ?? "done";
            Fail(!s_outcomes.Contains(outcome), $"{where}'outcome' must be one of {string.Join(", ", s_outcomes)}, not '{outcome}'");
            return new ScenarioTurn(text, audio is null ? null : Path.GetFullPath(Path.Combine(directory, audio)),
                Map(element, "expect", where), Map(element, "expect_hmi", where), outcome, Replies(element, where));
        }

        IReadOnlyList<string> Replies(JsonElement element, string where)
        {
            if (!element.TryGetProperty("expect_reply", out var value))
            {
                return [];
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return [value.GetString()!];
            }

            Fail(value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0 || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String),
                $"{where}'expect_reply' must be a string or a non-empty list of strings");
            return [.. value.EnumerateArray().Select(item => item.GetString()!)];
        }

        string? String(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            Fail(value.ValueKind != JsonValueKind.String, $"'{name}' must be a string");
            return value.GetString();
        }

        Dictionary<string, JsonElement> Map(JsonElement element, string name, string where)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return [];
            }

            Fail(value.ValueKind != JsonValueKind.Object, $"{where}'{name}' must be an object");
            return value.EnumerateObject().ToDictionary(property => property.Name, property => property.Value, StringComparer.Ordinal);
        }

        void Fail(bool condition, string problem)
        {
            if (condition)
            {
                throw new ScenarioFileException(file, line, problem);
            }
        }
    }
}
