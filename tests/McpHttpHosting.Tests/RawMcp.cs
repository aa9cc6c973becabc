using System.Net.Http.Headers;
using System.Text;

namespace McpHttpHosting.Tests;

/// <summary>Raw Streamable HTTP requests, for checking status codes and headers the MCP client hides.</summary>
public static class RawMcp
{
    public const string Initialize =
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"raw-test","version":"1.0"}}}""";

    public const string ToolsList = """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""";

    public static HttpRequestMessage Post(string url, string json, string? sessionId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (sessionId is not null)
        {
            request.Headers.Add("Mcp-Session-Id", sessionId);
        }

        return request;
    }

    public static HttpRequestMessage Get(string url, string sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Mcp-Session-Id", sessionId);
        return request;
    }

    public static HttpRequestMessage Delete(string url, string sessionId)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        request.Headers.Add("Mcp-Session-Id", sessionId);
        return request;
    }

    /// <summary>The message of the JSON-RPC error in a response body.</summary>
    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("message").GetString() ?? "";
    }

    /// <summary>Initializes a session and returns its id.</summary>
    public static async Task<string> StartSessionAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.SendAsync(Post(url, Initialize), cancellationToken);
        response.EnsureSuccessStatusCode();
        var sessionId = response.Headers.GetValues("Mcp-Session-Id").Single();
        using var initialized = await http.SendAsync(Post(url, """{"jsonrpc":"2.0","method":"notifications/initialized"}""", sessionId), cancellationToken);
        initialized.EnsureSuccessStatusCode();
        return sessionId;
    }
}
