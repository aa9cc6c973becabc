using System.Text.RegularExpressions;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Integration;

/// <summary>Scripted model replies that, like a real model, build their answer from the tool results they received.</summary>
public static partial class FakeAnswers
{
    public const string ForecastCallId = "call_forecast_1";

    /// <summary>The point the recorded NWS fixtures answer: downtown Austin, TX.</summary>
    public const string AustinArguments = """{"latitude":30.2672,"longitude":-97.7431}""";

    /// <summary>The first period of the recorded Austin forecast is "This Afternoon", 101 °F.</summary>
    public const string AustinAnswer = "Austin this afternoon: 101°F.";

    public static FakeLlmReply CallForecast(FakeLlmRequest request) =>
        FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("weather_get_forecast", AustinArguments, ForecastCallId));

    /// <summary>"Austin this afternoon: {temperature}." from the first period of the forecast result it was sent.</summary>
    public static FakeLlmReply FromForecast(FakeLlmRequest request)
    {
        var result = request.ToolResults().FirstOrDefault(r => r.CallId == ForecastCallId).Content ?? "";
        var match = TemperaturePattern().Match(result);
        return FakeLlmReply.Text(match.Success ? $"Austin this afternoon: {match.Groups[1].Value}." : $"No temperature in the tool result: {result}");
    }

    /// <summary>Repeats every tool result it was sent, one per line, so a test sees what the model read.</summary>
    public static FakeLlmReply EchoToolResults(FakeLlmRequest request) =>
        FakeLlmReply.Text(string.Join("\n", request.ToolResults().Select(r => $"{r.CallId}: {r.Content}")));

    [GeneratedRegex(@"This Afternoon:\s*Temperature: (\S+)")]
    private static partial Regex TemperaturePattern();
}
