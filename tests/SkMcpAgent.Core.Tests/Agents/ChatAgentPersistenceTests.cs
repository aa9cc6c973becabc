using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Agents;

public sealed class ChatAgentPersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("skmcpagent-chat-").FullName;

    [Fact]
    public async Task SaveThenLoad_RestoresTheConversation()
    {
        var inner = FakeChatClient.Scripted(Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })), Text("Sunny in Paris. ☀"));
        var saved = TestAgent.Create(inner, new FakeFunctionSource(FakeFunctions.Forecast()), new ChatAgentOptions { SystemPrompt = "old prompt" }, new RecordingEventSink());
        await saved.RunAsync("Weather in Paris?", TestTimeouts.DefaultToken());
        var path = Path.Combine(_directory, "nested", "chat.json");

        await saved.SaveAsync(path, TestTimeouts.DefaultToken());
        var loaded = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions { SystemPrompt = "new prompt" }, new RecordingEventSink());
        await loaded.LoadAsync(path, TestTimeouts.DefaultToken());

        Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], loaded.History.Select(m => m.Role));
        Assert.Equal("new prompt", loaded.History[0].Text);
        Assert.Equal("Weather in Paris?", loaded.History[1].Text);
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(loaded.History[2].Contents));
        Assert.Equal(("c1", "weather_get_forecast", "Paris"), (call.CallId, call.Name, call.Arguments?["city"]?.ToString()));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(loaded.History[3].Contents));
        Assert.Equal(("c1", (object?)"Paris: sunny for 1 days"), (result.CallId, result.Result));
        Assert.Equal("Sunny in Paris. ☀", loaded.History[4].Text);
        var json = await File.ReadAllTextAsync(path);
        Assert.Contains("\"format\": \"skmcpagent.conversation\"", json, StringComparison.Ordinal);
        Assert.Contains("Sunny in Paris. ☀", json, StringComparison.Ordinal);
        Assert.DoesNotContain("old prompt", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "does not exist")]
    [InlineData("{ \"format\": ", "is not valid JSON at line 1")]
    [InlineData("[1, 2]", "is not a saved conversation")]
    [InlineData("{\"format\":\"skmcpagent.conversation\",\"version\":9,\"messages\":[]}", "unsupported version")]
    [InlineData("{\"format\":\"skmcpagent.conversation\",\"version\":1}", "has no \"messages\" array")]
    [InlineData("{\"format\":\"skmcpagent.conversation\",\"version\":1,\"messages\":[{\"contents\":[]}]}", "message 0")]
    public async Task Load_ExplainsTheProblemAndKeepsHistory_WhenFileIsBad(string? content, string expected)
    {
        var path = Path.Combine(_directory, "bad.json");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions { SystemPrompt = "sys" }, new RecordingEventSink());
        agent.AddMessages([new ChatMessage(ChatRole.User, "keep me")]);

        var thrown = await Assert.ThrowsAsync<ConversationFileException>(() => agent.LoadAsync(path, TestTimeouts.DefaultToken()));

        Assert.Contains(expected, thrown.Message, StringComparison.Ordinal);
        Assert.Contains(path, thrown.Message, StringComparison.Ordinal);
        Assert.Equal(["sys", "keep me"], agent.History.Select(m => m.Text));
    }

    [Fact]
    public async Task Load_AnswersDanglingCalls_FromAFileSavedMidTurn()
    {
        var path = Path.Combine(_directory, "dangling.json");
        await File.WriteAllTextAsync(path, """
            {"format":"skmcpagent.conversation","version":1,"messages":[
              {"role":"user","contents":[{"$type":"text","text":"Go"}]},
              {"role":"assistant","contents":[{"$type":"functionCall","callId":"c1","name":"ping","arguments":{}}]}
            ]}
            """);
        var agent = TestAgent.Create(new FakeChatClient(), new FakeFunctionSource(), new ChatAgentOptions(), new RecordingEventSink());

        await agent.LoadAsync(path, TestTimeouts.DefaultToken());

        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool], agent.History.Select(m => m.Role));
        Assert.Equal("c1", Assert.IsType<FunctionResultContent>(Assert.Single(agent.History[2].Contents)).CallId);
    }

    [Fact]
    public async Task Load_ContinuesAConversationSavedByThePreviousVersion_WhenItsFunctionNamesHaveHyphens()
    {
        // As the version before Semantic Kernel wrote it: the same format and version, but function names as it made
        // them (server_tool with hyphens kept), which the current agent would now call everything_get_sum.
        var path = Path.Combine(_directory, "previous-version.json");
        await File.WriteAllTextAsync(path, """
            {
              "format": "skmcpagent.conversation",
              "version": 1,
              "savedAt": "2026-10-02T09:15:00.000+00:00",
              "messages": [
                {
                  "role": "user",
                  "contents": [ { "$type": "text", "text": "What is 2 + 3?" } ]
                },
                {
                  "role": "assistant",
                  "contents": [ { "$type": "functionCall", "callId": "call_1", "name": "everything_get-sum", "arguments": { "a": 2, "b": 3 } } ],
                  "messageId": "chatcmpl-1",
                  "createdAt": "2026-10-02T09:14:58+00:00"
                },
                {
                  "role": "tool",
                  "contents": [ { "$type": "functionResult", "callId": "call_1", "result": "The sum of 2 and 3 is 5." } ]
                },
                {
                  "role": "assistant",
                  "contents": [ { "$type": "text", "text": "5." } ],
                  "messageId": "chatcmpl-2"
                }
              ]
            }
            """);
        var model = FakeChatClient.Scripted(Text("It was 5."));
        var agent = TestAgent.Create(model, new FakeFunctionSource(), new ChatAgentOptions { SystemPrompt = "sys" }, new RecordingEventSink());

        await agent.LoadAsync(path, TestTimeouts.DefaultToken());
        var response = await agent.RunAsync("What was the sum?", TestTimeouts.DefaultToken());

        Assert.Equal("It was 5.", response.Text);
        Assert.Equal(
            [ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant, ChatRole.User, ChatRole.Assistant],
            agent.History.Select(m => m.Role));
        var call = Assert.IsType<FunctionCallContent>(Assert.Single(agent.History[2].Contents));
        Assert.Equal(("call_1", "everything_get-sum", "3"), (call.CallId, call.Name, call.Arguments?["b"]?.ToString()));
        var result = Assert.IsType<FunctionResultContent>(Assert.Single(agent.History[3].Contents));
        Assert.Equal(("call_1", (object?)"The sum of 2 and 3 is 5."), (result.CallId, result.Result));
        var sent = Assert.Single(model.Requests).Messages;
        Assert.Equal(agent.History.Take(6).Select(static m => (m.Role, m.Text)), sent.Select(static m => (m.Role, m.Text)));
        Assert.Equal("everything_get-sum", sent[2].Contents.OfType<FunctionCallContent>().Single().Name);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
