using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Events;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// What one automatic function-call round costs in the kernel itself: a model that answers instantly (one call,
/// then text) and a function that returns instantly, so only SK's function calling (lookup, argument binding,
/// filters, result serialisation), the agent's filters and events, and its history keeping are timed. Target: p50
/// of <see cref="ChatAgent.RunAsync"/> under 1 ms. The bare kernel client (SK's loop without the agent's filters)
/// is measured too, to tell SK's share from the agent's.
/// </summary>
public sealed class MiddlewareOverheadBenchmark : IBenchmark
{
    private const int Warmup = 500;
    private const int Iterations = 5_000;

    public string Name => "middleware-overhead";

    public string Description => "One auto function-call round through the kernel (ChatAgent, SK filters), model and function instant (p50 < 1 ms)";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var arguments = JsonDocument.Parse("""{"city":"Paris","days":2}""").RootElement;

        // The kernel's chat client on its own: SK's loop and the function, no filters.
        var bareKernel = CreateKernel(new InstantChatClient(arguments));
        var bareClient = bareKernel.GetRequiredService<IChatClient>();
        var bareOptions = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }.ToChatOptions(bareKernel);
        ChatMessage[] question = [new(ChatRole.User, "Weather in Paris?")];
        var bare = await MeasureAsync("kernel IChatClient, no filters", async () =>
        {
            var response = await bareClient.GetResponseAsync(question, bareOptions, cancellationToken);
            Check(response.Messages.Count == 3 && response.Text == "Sunny.");
        }, cancellationToken);

        // The agent as the console runs it: its filters on the kernel, history, records and events.
        var agent = new ChatAgent(CreateKernel(new InstantChatClient(arguments)), new ChatAgentOptions { SystemPrompt = "Be brief." }, NullAgentEventSink.Instance);
        var agentTurn = await MeasureAsync("ChatAgent.RunAsync, 1 call + answer", async () =>
        {
            agent.Clear();
            var response = await agent.RunAsync("Weather in Paris?", cancellationToken);
            Check(response.Messages.Count == 3 && agent.LastTurnCalls is [{ Succeeded: true }] && agent.History.Count == 5);
        }, cancellationToken);

        var streaming = await MeasureAsync("ChatAgent.RunStreamingAsync, same", async () =>
        {
            agent.Clear();
            await foreach (var _ in agent.RunStreamingAsync("Weather in Paris?", cancellationToken))
            {
            }

            Check(agent.LastTurnCalls is [{ Succeeded: true }] && agent.History.Count == 5 && agent.History[^1].Text == "Sunny.");
        }, cancellationToken);

        Console.WriteLine(bare);
        Console.WriteLine(agentTurn);
        Console.WriteLine(streaming);
        Console.WriteLine(agentTurn.Median < 1 ? "PASS: ChatAgent.RunAsync p50 under 1 ms" : "FAIL: ChatAgent.RunAsync p50 is 1 ms or more");
    }

    /// <summary>A kernel as the console builds one, with the fake model and plugin <c>weather</c> (<c>weather_get_forecast</c>).</summary>
    private static Kernel CreateKernel(IChatClient model)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddAgentChatClient(model);
        builder.Plugins.AddFromFunctions("weather", [KernelFunctionFactory.CreateFromMethod((string city, int days) => $"{city}: sunny for {days} days", "get_forecast")]);
        return builder.Build();
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
            return new ChatMessage(ChatRole.Assistant, [new Microsoft.Extensions.AI.FunctionCallContent($"call_{Interlocked.Increment(ref _callId)}", "weather_get_forecast", callArguments)]);
        }
    }
}
