using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed partial class ProviderRoundTripTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetStreamingResponseAsync_StreamsTextInPiecesWithUsage_WhenModelAnswers(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("Streaming works fine.") with { StreamPieces = 4, InputTokens = 20, OutputTokens = 5 });
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));

        var updates = await client.GetStreamingResponseAsync("Stream please", cancellationToken: TestTimeouts.DefaultToken()).ToListAsync();
        var response = updates.ToChatResponse();

        Assert.True(updates.Count(u => u.Text.Length > 0) >= 4, "the text should arrive in several updates");
        Assert.Equal("Streaming works fine.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(20, response.Usage?.InputTokenCount);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Stream);
        if (provider != LlmProvider.Anthropic)
        {
            // Chat Completions only reports usage in a stream when asked to.
            Assert.True(request.Body!["stream_options"]!["include_usage"]!.GetValue<bool>());
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetStreamingResponseAsync_AssemblesSeveralToolCalls_WhenArgumentsAreSplitAcrossChunks(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(
            "Let me check.",
            new FakeLlmToolCall("get_sum", """{"a": 1, "b": 2}""", "call_one"),
            new FakeLlmToolCall("get_forecast", """{"latitude": 47.61, "longitude": -122.33, "days": [1, 2]}""", "call_two")) with { StreamPieces = 5 });
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));

        var updates = await client.GetStreamingResponseAsync("Sum and weather", Options(), TestTimeouts.DefaultToken()).ToListAsync();
        var response = updates.ToChatResponse();

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["call_one", "call_two"], calls.Select(c => c.CallId));
        Assert.Equal(["get_sum", "get_forecast"], calls.Select(c => c.Name));
        Assert.Equal("1", calls[0].Arguments!["a"]!.ToString());
        Assert.Equal("2", calls[0].Arguments!["b"]!.ToString());
        Assert.Equal("-122.33", calls[1].Arguments!["longitude"]!.ToString());
        Assert.All(calls, c => Assert.Null(c.Exception));
        Assert.Equal("Let me check.", response.Text);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetStreamingResponseAsync_CompletesToolRoundTrip_WhenResultIsSentBack(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(("get_sum", """{"a":1,"b":2}""")));
        server.Responder = request => FakeLlmReply.Text($"The sum is {request.ToolResults()[^1].Content}.");
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));
        var options = Options();
        List<ChatMessage> history = [new(ChatRole.User, "What is 1 + 2?")];

        var first = (await client.GetStreamingResponseAsync(history, options, TestTimeouts.DefaultToken()).ToListAsync()).ToChatResponse();
        history.AddRange(first.Messages);
        history.Add(await InvokeAsync(first));
        var second = (await client.GetStreamingResponseAsync(history, options, TestTimeouts.DefaultToken()).ToListAsync()).ToChatResponse();

        Assert.Equal("The sum is 3.", second.Text);
        var (callId, content) = Assert.Single(server.Requests[1].ToolResults());
        Assert.Equal(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single().CallId, callId);
        Assert.Equal("3", content);
    }
}
