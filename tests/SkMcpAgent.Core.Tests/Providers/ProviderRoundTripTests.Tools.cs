using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

public sealed partial class ProviderRoundTripTests
{
    private static readonly AIFunction s_sum = AIFunctionFactory.Create((int a, int b) => a + b, "get_sum", "Adds two integers.");

    private static readonly AIFunction s_forecast = AIFunctionFactory.Create((double latitude, double longitude, int[] days) => "sunny", "get_forecast");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetResponseAsync_SendsToolSchemaThenToolResult_WhenModelCallsTool(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(("get_sum", """{"a":1,"b":2}""")));
        server.Responder = request => FakeLlmReply.Text($"The sum is {request.ToolResults()[^1].Content}.");
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));
        var options = Options();
        List<ChatMessage> history = [new(ChatRole.User, "What is 1 + 2?")];

        var first = await client.GetResponseAsync(history, options, TestTimeouts.DefaultToken());
        history.AddRange(first.Messages);
        history.Add(await InvokeAsync(first));
        var second = await client.GetResponseAsync(history, options, TestTimeouts.DefaultToken());

        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        Assert.Equal("The sum is 3.", second.Text);

        var tools = server.Requests[0].Tools.Select(t => provider == LlmProvider.Anthropic ? t! : t!["function"]!).ToList();
        Assert.Equal(["get_sum", "get_forecast"], tools.Select(t => t["name"]!.GetValue<string>()));
        var (description, schema) = (tools[0]["description"], tools[0][provider == LlmProvider.Anthropic ? "input_schema" : "parameters"]);
        Assert.Equal("Adds two integers.", description!.GetValue<string>());
        Assert.Equal("integer", schema!["properties"]!["a"]!["type"]!.GetValue<string>());
        Assert.Equal(["a", "b"], schema["required"]!.AsArray().Select(n => n!.GetValue<string>()));

        var call = first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        var (callId, content) = Assert.Single(server.Requests[1].ToolResults());
        Assert.Equal(call.CallId, callId);
        Assert.Equal("3", content);
    }

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    public async Task GetResponseAsync_RecordsParseErrorInsteadOfThrowing_WhenArgumentsAreNotJson(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(("get_sum", """{"a":1,""")));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));

        var response = await client.GetResponseAsync("Sum", Options(), TestTimeouts.DefaultToken());

        var call = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Single();
        Assert.Equal("get_sum", call.Name);
        Assert.NotNull(call.Exception);
    }

    [Theory]
    [InlineData(LlmProvider.AzureOpenAI)]
    [InlineData(LlmProvider.OpenAI)]
    public async Task GetResponseAsync_SendsChatOptions_WhenSet(LlmProvider provider)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("ok"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(provider, server));
        var options = Options();
        options.Temperature = 0.25f;
        options.MaxOutputTokens = 321;
        options.ToolMode = ChatToolMode.RequireAny;

        await client.GetResponseAsync([new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")], options, TestTimeouts.DefaultToken());

        var body = Assert.Single(server.Requests).Body!;
        Assert.Equal(0.25, body["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(321, (body["max_completion_tokens"] ?? body["max_tokens"])!.GetValue<int>());
        Assert.Equal("required", body["tool_choice"]!.GetValue<string>());
        Assert.Equal("system", body["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("Be brief.", body["messages"]![0]!["content"] is JsonArray parts ? parts[0]!["text"]!.GetValue<string>() : body["messages"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetResponseAsync_SendsChatOptionsInMessagesFormat_WhenProviderIsAnthropic()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("ok"));
        using var client = ChatClientFactory.Create(ProviderTestSettings.For(LlmProvider.Anthropic, server));
        var options = Options();
        options.Temperature = 0.25f;
        options.MaxOutputTokens = 321;
        options.ToolMode = ChatToolMode.RequireAny;

        await client.GetResponseAsync([new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")], options, TestTimeouts.DefaultToken());

        var body = Assert.Single(server.Requests).Body!;

        // The Messages API of Anthropic SDK 13.x has no temperature parameter: the SDK's adapter leaves it out.
        Assert.Null(body["temperature"]);
        Assert.Equal(321, body["max_tokens"]!.GetValue<int>());
        Assert.Equal("any", body["tool_choice"]!["type"]!.GetValue<string>());
        var system = body["system"]!;
        Assert.Equal("Be brief.", system is JsonArray blocks ? blocks[0]!["text"]!.GetValue<string>() : system.GetValue<string>());
        Assert.Equal(["user"], body["messages"]!.AsArray().Select(m => m!["role"]!.GetValue<string>()));
    }

    /// <summary>
    /// The tools as declarations only: the factory's client includes SK's function invocation, which would run
    /// invocable functions itself; these tests look at the model's raw calls and run them by hand.
    /// </summary>
    private static ChatOptions Options() => new() { Tools = [Declare(s_sum), Declare(s_forecast)] };

    private static AIFunctionDeclaration Declare(AIFunction function) =>
        AIFunctionFactory.CreateDeclaration(function.Name, function.Description, function.JsonSchema, function.ReturnJsonSchema);

    /// <summary>Runs the requested calls by hand, as the application's function calling would.</summary>
    private static async Task<ChatMessage> InvokeAsync(ChatResponse response)
    {
        var results = new List<AIContent>();
        foreach (var call in response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>())
        {
            var function = new[] { s_sum, s_forecast }.Single(f => f.Name == call.Name);
            var result = await function.InvokeAsync(new AIFunctionArguments(call.Arguments), TestTimeouts.DefaultToken());
            results.Add(new FunctionResultContent(call.CallId, result));
        }

        return new ChatMessage(ChatRole.Tool, results);
    }
}
