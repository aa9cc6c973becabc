using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Chat.Filters;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// What one automatic function-call round costs in the middleware itself: a model that answers instantly (one call,
/// then text) and a function that returns instantly, so only lookup, validation, filters, events and result
/// formatting are timed. Target: p50 under 1 ms.
/// </summary>
public sealed class MiddlewareOverheadBenchmark : IBenchmark
{
    private const int Warmup = 500;
    private const int Iterations = 5_000;

    public string Name => "middleware-overhead";

    public string Description => "One auto function-call round in FunctionInvokingChatClient, model and function instant (p50 < 1 ms)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var forecast = AIFunctionFactory.Create((string city, int days) => $"{city}: sunny for {days} days", "weather_get_forecast");
        var arguments = JsonDocument.Parse("""{"city":"Paris","days":2}""").RootElement;
        var inner = new InstantChatClient(arguments);
        using var policy = new ApprovalPolicy(ApprovalMode.Auto);
        using var client = new FunctionInvokingChatClient(inner, NullAgentEventSink.Instance);
        client.Filters.Add(new FunctionLoggingFilter(NullLogger.Instance));
        client.Filters.Add(new ResultSizeFilter());
        client.Filters.Add(new ApprovalFilter(policy));
        client.Filters.Add(new FunctionTimeoutFilter(FunctionTimeoutFilter.DefaultTimeout));
        ChatMessage[] question = [new(ChatRole.User, "Weather in Paris?")];
        var options = new ChatOptions { Tools = [forecast] };

        var nonStreaming = await MeasureAsync("GetResponseAsync, 1 call + answer", async () =>
        {
            var response = await client.GetResponseAsync(question, options, cancellationToken);
            Check(response.Messages.Count == 3);
        }, cancellationToken);

        var streaming = await MeasureAsync("GetStreamingResponseAsync, 1 call + answer", async () =>
        {
            var count = 0;
            await foreach (var update in client.GetStreamingResponseAsync(question, options, cancellationToken))
            {
                count++;
            }

            Check(count == 3);
        }, cancellationToken);

        var agent = new ChatAgent(inner, new Functions(forecast), new ChatAgentOptions { SystemPrompt = "Be brief." }, NullAgentEventSink.Instance);
        var agentTurn = await MeasureAsync("ChatAgent.RunAsync (history, records)", async () =>
        {
            agent.Clear();
            var response = await agent.RunAsync("Weather in Paris?", cancellationToken);
            Check(agent.LastTurnCalls.Count == 1 && response.Messages.Count == 3);
        }, cancellationToken);

        Console.WriteLine(nonStreaming);
        Console.WriteLine(streaming);
        Console.WriteLine(agentTurn);
        Console.WriteLine(nonStreaming.Median < 1 ? "PASS: p50 under 1 ms" : "FAIL: p50 is 1 ms or more");
    }

    private static async Task<Samples> MeasureAsync(string label, Func<Task> round, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await round();
        }

        var samples = new Samples(label);
        for (var i = 0; i < Iterations && !cancellationToken.IsCancellationRequested; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await round();
            samples.Add(Stopwatch.GetElapsedTime(started));
        }

        return samples;
    }

    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The round did not go as scripted; the measurement would be meaningless.");
        }
    }

    private sealed class Functions(AIFunction function) : IFunctionSource
    {
        public IReadOnlyList<AIFunction> GetFunctions() => [function];
    }

    /// <summary>Asks for one call when the last message is the user's, answers with text once it sees the result.</summary>
    private sealed class InstantChatClient(JsonElement arguments) : IChatClient
    {
        private int _callId;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(Next(messages)));

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages,
            ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            var message = Next(messages);
            yield return new ChatResponseUpdate(message.Role, message.Contents);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        private ChatMessage Next(IEnumerable<ChatMessage> messages)
        {
            if (messages.Last().Role == ChatRole.Tool)
            {
                return new ChatMessage(ChatRole.Assistant, "Sunny.");
            }

            var callArguments = new Dictionary<string, object?>
            {
                ["city"] = arguments.GetProperty("city"),
                ["days"] = arguments.GetProperty("days"),
            };
            return new ChatMessage(ChatRole.Assistant, [new FunctionCallContent($"call_{++_callId}", "weather_get_forecast", callArguments)]);
        }
    }
}
