using System.Text.Json;

namespace SkMcpAgent.Tests.Output;

/// <summary>Values the exact-output tests share.</summary>
internal static class OutputSamples
{
    /// <summary>Arguments as the model sends them (a JSON string with text to keep readable) and as call mode parses them (a number).</summary>
    public static IReadOnlyDictionary<string, object?> Arguments { get; } = new Dictionary<string, object?>
    {
        ["city"] = JsonDocument.Parse("\"Zürich <b>\"").RootElement.Clone(),
        ["days"] = 3,
    };
}
