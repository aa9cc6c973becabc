using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Chat.Filters;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat.Filters;

public sealed class FunctionLoggingFilterTests
{
    [Fact]
    public async Task Debug_LogsCallAndDuration_ButNotArgumentsOrResult()
    {
        var logger = new RecordingLogger(LogLevel.Debug);

        await RunAsync(logger);

        Assert.Contains(logger.Entries, e => e.Message == "Invoking weather_get_forecast (weather), round 0.");
        Assert.Contains(logger.Entries, e => e.Message.StartsWith("weather_get_forecast succeeded in ", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("Atlantis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trace_AlsoLogsArgumentsAndResult()
    {
        var logger = new RecordingLogger(LogLevel.Trace);

        await RunAsync(logger);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message.Contains("\"city\": \"Atlantis\"", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message == "weather_get_forecast result: Atlantis: sunny for 3 days");
    }

    private static async Task RunAsync(ILogger logger)
    {
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "weather_get_forecast", new { city = "Atlantis", days = 3 })), Text("ok"));
        using var client = new FunctionInvokingChatClient(inner);
        client.Filters.Add(new FunctionLoggingFilter(logger));

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Go")], new ChatOptions { Tools = [FakeFunctions.Forecast()] }, TestTimeouts.DefaultToken());
    }
}
