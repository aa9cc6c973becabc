using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>Switching providers is only a matter of env files: each reaches its own endpoint in its own wire format.</summary>
public sealed class ProviderSwitchingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-switch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SameQuestion_ReachesEachProviderInItsWireFormat_WhenEnvFileChanges()
    {
        await using var azure = await FakeLlmServer.StartAsync();
        await using var openai = await FakeLlmServer.StartAsync();
        await using var claude = await FakeLlmServer.StartAsync();
        azure.Enqueue(FakeLlmReply.Text("from azure"));
        openai.Enqueue(FakeLlmReply.Text("from openai"));
        claude.Enqueue(FakeLlmReply.Text("from claude"));
        Write(".env.azure", $"LLM_PROVIDER=azure-openai\nAZURE_OPENAI_ENDPOINT={azure.AzureEndpoint}\nAZURE_OPENAI_DEPLOYMENT=gpt-4o-prod\nAZURE_OPENAI_API_KEY=azure-key-1\n");
        Write(".env.openai", $"LLM_PROVIDER=openai\nOPENAI_BASE_URL={openai.OpenAIBaseUrl}\nOPENAI_MODEL=gpt-4.1-mini\nOPENAI_API_KEY=openai-key-2\n");
        Write(".env.claude", $"LLM_PROVIDER=claude\nANTHROPIC_BASE_URL={claude.AnthropicBaseUrl}\nANTHROPIC_MODEL=claude-sonnet-4-5\nANTHROPIC_API_KEY=claude-key-3\n");

        Assert.Equal("from azure", await AskAsync(".env.azure"));
        Assert.Equal("from openai", await AskAsync(".env.openai"));
        Assert.Equal("from claude", await AskAsync(".env.claude"));

        var a = Assert.Single(azure.Requests);
        Assert.Equal("/openai/v1/chat/completions", a.Path);
        Assert.Equal("azure-key-1", a.Header("api-key"));
        Assert.Null(a.Header("Authorization"));
        Assert.Equal("gpt-4o-prod", a.Model);

        var o = Assert.Single(openai.Requests);
        Assert.Equal("/v1/chat/completions", o.Path);
        Assert.Equal("Bearer openai-key-2", o.Header("Authorization"));
        Assert.Null(o.Header("api-key"));
        Assert.Equal("gpt-4.1-mini", o.Model);

        var c = Assert.Single(claude.Requests);
        Assert.Equal("/v1/messages", c.Path);
        // Anthropic SDK 13.x documents that it sends the API key as a bearer token (no longer x-api-key).
        Assert.Equal("Bearer claude-key-3", c.Header("Authorization"));
        Assert.False(string.IsNullOrEmpty(c.Header("anthropic-version")));
        Assert.Null(c.Header("api-key"));
        Assert.Equal("claude-sonnet-4-5", c.Model);
        Assert.Equal(4096, c.Body!["max_tokens"]!.GetValue<int>());

        Assert.All([a, o, c], r => Assert.Equal("Which provider are you?", r.LastUserText()));
    }

    [Fact]
    public async Task OpenAICompatibleServer_GetsPlaceholderKey_WhenNoKeyIsSet()
    {
        await using var local = await FakeLlmServer.StartAsync();
        local.Enqueue(FakeLlmReply.Text("local model"));
        Write(".env.ollama", $"OPENAI_BASE_URL={local.OpenAIBaseUrl}\nOPENAI_MODEL=llama3.2\n");

        Assert.Equal("local model", await AskAsync(".env.ollama"));
        Assert.StartsWith("Bearer ", Assert.Single(local.Requests).Header("Authorization"), StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(string envFile)
    {
        var env = EnvFile.Load(envFile, _folder);
        var settings = ProviderSettingsLoader.Load(env.Variables, env.FilePath)!;
        using var client = ChatClientFactory.Create(settings);
        var response = await client.GetResponseAsync("Which provider are you?", cancellationToken: TestTimeouts.DefaultToken());
        return response.Text;
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder, name), content);
}
