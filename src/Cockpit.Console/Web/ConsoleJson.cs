using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cockpit.Console.Web;

/// <summary>How the console writes JSON: camelCase, Chinese as it is (the page is UTF-8).</summary>
internal static class ConsoleJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
