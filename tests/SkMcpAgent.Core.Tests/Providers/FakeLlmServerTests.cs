using System.Net;
using System.Text;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>The fake's raw wire shapes and scripting rules, as a plain HTTP client sees them.</summary>
public sealed class FakeLlmServerTests
{
    private static readonly HttpClient s_http = new();

    [Fact]
    public async Task OpenAIStream_EndsWithDoneAndCarriesIndexedToolCallFragments()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(("a", """{"x":1}"""), ("b", """{"y":2}""")));

        var body = await PostAsync(server, "v1/chat/completions", """{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[]}""");

        var data = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.All(data, d => Assert.StartsWith("data: ", d, StringComparison.Ordinal));
        Assert.Equal("data: [DONE]", data[^1]);
        Assert.Contains("\"usage\":{\"prompt_tokens\":11", data[^2], StringComparison.Ordinal);
        Assert.Contains(data, d => d.Contains("\"index\":1,\"id\":", StringComparison.Ordinal));
        Assert.Contains("\"finish_reason\":\"tool_calls\"", data[^3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnthropicStream_SendsEventsInMessagesApiOrder()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls("Hi", new FakeLlmToolCall("a", """{"x":1}""")) with { StreamPieces = 2 });

        var body = await PostAsync(server, "v1/messages", """{"model":"m","stream":true,"max_tokens":10,"messages":[]}""");

        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]["event: ".Length..]);
        Assert.Equal(
            ["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop",
             "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events);
        Assert.Contains("\"type\":\"input_json_delta\"", body, StringComparison.Ordinal);
        Assert.Contains("\"stop_reason\":\"tool_use\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_SendsStatusRetryAfterAndProviderErrorJson()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Error(429, retryAfterSeconds: 7, message: "slow down"));

        using var response = await s_http.PostAsync(new Uri(server.BaseUrl, "v1/messages"), Json("""{"model":"m"}"""), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        Assert.Equal("""{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_Answers500NamingTheGap_WhenNothingIsScripted()
    {
        await using var server = await FakeLlmServer.StartAsync();

        using var response = await s_http.PostAsync(new Uri(server.BaseUrl, "any/base/chat/completions"), Json("{}"), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("no reply was scripted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FakeLlmProtocol.OpenAI, Assert.Single(server.Requests).Protocol);
    }

    [Fact]
    public async Task Request_Answers404_WhenPathIsNoKnownEndpoint()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("unused"));

        using var response = await s_http.PostAsync(new Uri(server.BaseUrl, "v1/embeddings"), Json("{}"), TestTimeouts.DefaultToken());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/v1/embeddings", Assert.Single(server.Requests).Path);
    }

    private static async Task<string> PostAsync(FakeLlmServer server, string path, string json)
    {
        using var response = await s_http.PostAsync(new Uri(server.BaseUrl, path), Json(json), TestTimeouts.DefaultToken());
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
