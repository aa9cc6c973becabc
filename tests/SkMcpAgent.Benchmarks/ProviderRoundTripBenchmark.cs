using System.Diagnostics;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Benchmarks;

/// <summary>
/// One chat request through each provider's real SDK to the loopback fake LLM, plain and streamed (a streamed reply
/// carries text and two tool calls split across chunks): the cost of the SDK, the adapter and the error layer per call.
/// </summary>
public sealed class ProviderRoundTripBenchmark : IBenchmark
{
    public string Name => "provider-roundtrip";

    public string Description => "chat request per provider SDK to the loopback fake LLM, JSON and SSE (args: [iterations=300])";

    public async Task RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var iterations = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
        await using var server = await FakeLlmServer.StartAsync(cancellationToken);
        var tool = AIFunctionFactory.Create((int a, int b) => a + b, "get_sum", "Adds two integers.");
        var options = new ChatOptions { Tools = [tool] };
        server.Responder = request => request.Stream
            ? FakeLlmReply.ToolCalls("Checking.", new FakeLlmToolCall("get_sum", """{"a":1,"b":2}"""), new FakeLlmToolCall("get_sum", """{"a":40,"b":2}""")) with { StreamPieces = 4 }
            : FakeLlmReply.Text("The answer is 42.");

        foreach (var provider in Enum.GetValues<LlmProvider>())
        {
            using var client = ChatClientFactory.Create(Settings(provider, server));
            var plain = new Samples($"{provider} GetResponseAsync");
            var streamed = new Samples($"{provider} GetStreamingResponseAsync");

            // Warm-up: JIT, connection pool, serializers.
            for (var i = 0; i < 20; i++)
            {
                await client.GetResponseAsync("warm up", options, cancellationToken);
                await foreach (var update in client.GetStreamingResponseAsync("warm up", options, cancellationToken))
                {
                    _ = update;
                }
            }

            for (var i = 0; i < iterations; i++)
            {
                var watch = Stopwatch.StartNew();
                await client.GetResponseAsync("What is the answer?", options, cancellationToken);
                plain.Add(watch.Elapsed);

                watch.Restart();
                var calls = 0;
                await foreach (var update in client.GetStreamingResponseAsync("Two sums", options, cancellationToken))
                {
                    calls += update.Contents.OfType<FunctionCallContent>().Count();
                }

                streamed.Add(watch.Elapsed);
                if (calls != 2)
                {
                    throw new InvalidOperationException($"{provider}: expected 2 assembled tool calls, got {calls}.");
                }
            }

            Console.WriteLine(plain);
            Console.WriteLine(streamed);
        }
    }

    private static ProviderSettings Settings(LlmProvider provider, FakeLlmServer server) => new()
    {
        Provider = provider,
        Model = "bench-model",
        Endpoint = new Uri(provider switch
        {
            LlmProvider.AzureOpenAI => server.AzureEndpoint,
            LlmProvider.OpenAI => server.OpenAIBaseUrl,
            _ => server.AnthropicBaseUrl,
        }),
        ApiKey = "bench-key",
        MaxOutputTokens = 1024,
        MaxRetries = 0,
    };
}
