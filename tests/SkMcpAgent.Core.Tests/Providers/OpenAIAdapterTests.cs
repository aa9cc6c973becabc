using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>
/// What OpenAI-style providers put on the wire for what users do (images, tool history, settings defaults, tool
/// choice), through <see cref="ChatClientFactory"/>: SK's Connectors.OpenAI registration, M.E.AI.OpenAI's adapter
/// and the real OpenAI SDK, against the fake.
/// </summary>
public sealed class OpenAIAdapterTests
{
    [Fact]
    public async Task GetResponseAsync_SendsImageAsDataUrlPart_WhenUserMessageHasImage()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("a red pixel"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(LlmProvider.OpenAI, server));
        var message = new ChatMessage(ChatRole.User, [new TextContent("What is this?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png"), new UriContent("https://example.com/cat.jpg", "image/jpeg")]);

        await client.GetResponseAsync([message], cancellationToken: TestTimeouts.DefaultToken());

        var parts = Assert.Single(server.Requests).Messages[0]!["content"]!.AsArray();
        Assert.Equal(["text", "image_url", "image_url"], parts.Select(p => p!["type"]!.GetValue<string>()));
        Assert.Equal("data:image/png;base64,AQID", parts[1]!["image_url"]!["url"]!.GetValue<string>());
        Assert.Equal("https://example.com/cat.jpg", parts[2]!["image_url"]!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetResponseAsync_SendsAssistantToolCallsAndToolMessages_WhenHistoryHasThem()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("done"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(LlmProvider.OpenAI, server));
        List<ChatMessage> history =
        [
            new(ChatRole.User, "Add twice"),
            new(ChatRole.Assistant, [new TextContent("Adding."), new FunctionCallContent("c1", "get_sum", new Dictionary<string, object?> { ["a"] = 1, ["b"] = 2 }), new FunctionCallContent("c2", "get_sum", new Dictionary<string, object?> { ["a"] = 3, ["b"] = 4 })]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", 3), new FunctionResultContent("c2", "7")]),
        ];

        await client.GetResponseAsync(history, cancellationToken: TestTimeouts.DefaultToken());

        var messages = Assert.Single(server.Requests).Messages;
        Assert.Equal(["user", "assistant", "tool", "tool"], messages.Select(m => m!["role"]!.GetValue<string>()));
        var calls = messages[1]!["tool_calls"]!.AsArray();
        Assert.Equal(["c1", "c2"], calls.Select(c => c!["id"]!.GetValue<string>()));

        // The arguments are a JSON object in a string, numbers kept as numbers (M.E.AI's adapter indents it).
        var arguments = JsonNode.Parse(calls[0]!["function"]!["arguments"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":1,"b":2}"""), arguments), arguments?.ToJsonString());
        Assert.Equal([("c1", "3"), ("c2", "7")], server.Requests[0].ToolResults());
    }

    [Fact]
    public async Task GetResponseAsync_AppliesSettingsDefaults_WhenOptionsLeaveThemUnset()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("ok"), FakeLlmReply.Text("ok"));
        var settings = ProviderTestSettings.For(LlmProvider.OpenAI, server);
        settings = new ProviderSettings { Provider = settings.Provider, Model = settings.Model, Endpoint = settings.Endpoint, ApiKey = settings.ApiKey, Temperature = 0.5f, MaxOutputTokens = 77 };
        using var client = ChatClientFactory.Create(settings);

        await client.GetResponseAsync("a", cancellationToken: TestTimeouts.DefaultToken());
        await client.GetResponseAsync("b", new ChatOptions { Temperature = 1.5f, MaxOutputTokens = 5 }, TestTimeouts.DefaultToken());

        var (first, second) = (server.Requests[0].Body!, server.Requests[1].Body!);
        Assert.Equal(0.5, first["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(77, first["max_completion_tokens"]!.GetValue<int>());
        Assert.Equal(1.5, second["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(5, second["max_completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task GetResponseAsync_ReportsLengthFinishReason_WhenOutputIsCut()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("partial") with { FinishReason = "length" });
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(LlmProvider.OpenAI, server));

        var response = await client.GetResponseAsync("long story", cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("gpt-test", response.ModelId);
        Assert.StartsWith("chatcmpl-fake-", response.ResponseId, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("auto", null)]
    [InlineData("required", null)]
    [InlineData("required", "get_sum")]
    public async Task GetResponseAsync_SendsToolChoice_ForEachToolMode(string mode, string? function)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("ok"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(LlmProvider.OpenAI, server));
        var sum = AIFunctionFactory.Create((int a, int b) => a + b, "get_sum");
        var options = new ChatOptions
        {
            // A declaration: the factory's client runs invocable functions itself, and this test only looks at the request.
            Tools = [AIFunctionFactory.CreateDeclaration(sum.Name, sum.Description, sum.JsonSchema)],
            ToolMode = (mode, function) switch
            {
                ("none", _) => ChatToolMode.None,
                ("auto", _) => ChatToolMode.Auto,
                (_, null) => ChatToolMode.RequireAny,
                _ => ChatToolMode.RequireSpecific(function),
            },
        };

        await client.GetResponseAsync("Sum", options, TestTimeouts.DefaultToken());

        var toolChoice = Assert.Single(server.Requests).Body!["tool_choice"]!;
        if (function is null)
        {
            Assert.Equal(mode, toolChoice.GetValue<string>());
        }
        else
        {
            Assert.Equal("function", toolChoice["type"]!.GetValue<string>());
            Assert.Equal(function, toolChoice["function"]!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task GetResponseAsync_DeclaresAnObjectSchema_WhenFunctionHasNoParameters()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("ok"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(LlmProvider.OpenAI, server));
        var now = AIFunctionFactory.Create(() => "now", "get_time");
        var options = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration(now.Name, now.Description, now.JsonSchema)] };

        await client.GetResponseAsync("What time is it?", options, TestTimeouts.DefaultToken());

        var tool = Assert.Single(Assert.Single(server.Requests).Tools)!;
        Assert.Equal("get_time", tool["function"]!["name"]!.GetValue<string>());
        Assert.Equal("object", tool["function"]!["parameters"]!["type"]!.GetValue<string>());
    }
}
