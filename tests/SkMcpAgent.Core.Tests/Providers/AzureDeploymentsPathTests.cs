using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using SkMcpAgent.Testing.FakeLlm;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>
/// AZURE_OPENAI_API_VERSION set: the classic <c>/openai/deployments/{deployment}/chat/completions?api-version=...</c>
/// address instead of the v1 API, for every request of a turn, from an env file as a user writes it.
/// </summary>
public sealed class AzureDeploymentsPathTests : IDisposable
{
    private const string ApiVersion = "2024-10-21";

    private readonly string _folder = Directory.CreateTempSubdirectory("skmcp-azure-classic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Turn_SendsEveryRequestToTheDeploymentsPathWithApiVersion_WhenApiVersionIsSet(bool streaming)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.ToolCalls(null, new FakeLlmToolCall("math_get_sum", """{"a":2,"b":3}""", "call_sum")));
        server.Responder = request => FakeLlmReply.Text("The sum is " + request.ToolResults()[^1].Content + ".");
        var settings = Load($"LLM_PROVIDER=azure-openai\nAZURE_OPENAI_ENDPOINT={server.AzureEndpoint}\nAZURE_OPENAI_DEPLOYMENT=gpt-4o-prod\nAZURE_OPENAI_API_KEY=azure-key-1\nAZURE_OPENAI_API_VERSION={ApiVersion}\n");
        Assert.Equal(ApiVersion, settings.AzureApiVersion);
        var agent = CreateAgent(settings, AIFunctionFactory.Create((int a, int b) => a + b, "math_get_sum"));

        var answer = streaming
            ? (await agent.RunStreamingAsync("What is 2 + 3?", TestTimeouts.DefaultToken()).ToListAsync()).ToChatResponse().Messages[^1].Text
            : (await agent.RunAsync("What is 2 + 3?", TestTimeouts.DefaultToken())).Messages[^1].Text;

        Assert.Equal("The sum is 5.", answer);
        var requests = server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal("/openai/deployments/gpt-4o-prod/chat/completions", r.Path);
            Assert.Equal($"?api-version={ApiVersion}", r.Query);
            Assert.Equal(FakeLlmProtocol.AzureOpenAI, r.Protocol);
            Assert.Equal("azure-key-1", r.Header("api-key"));
            Assert.Null(r.Header("Authorization"));
            Assert.Equal(streaming, r.Stream);
        });
        Assert.Equal([("call_sum", "5")], requests[1].ToolResults());
    }

    [Fact]
    public async Task Request_GoesToTheV1PathWithoutApiVersion_WhenApiVersionIsNotSet()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Enqueue(FakeLlmReply.Text("v1"));
        var settings = Load($"LLM_PROVIDER=azure-openai\nAZURE_OPENAI_ENDPOINT={server.AzureEndpoint}\nAZURE_OPENAI_DEPLOYMENT=gpt-4o-prod\nAZURE_OPENAI_API_KEY=azure-key-1\n");
        using var client = ChatClientFactory.Create(settings);

        var response = await client.GetResponseAsync("Hi", cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("v1", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.DoesNotContain("api-version", request.Query, StringComparison.Ordinal);
        Assert.Equal("gpt-4o-prod", request.Model);
    }

    private ProviderSettings Load(string envFile)
    {
        File.WriteAllText(Path.Combine(_folder, ".env"), envFile);
        var env = EnvFile.Load(".env", _folder);
        return ProviderSettingsLoader.Load(env.Variables, env.FilePath)!;
    }

    private static ChatAgent CreateAgent(ProviderSettings settings, params AIFunction[] functions)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddChatProvider(settings);
        foreach (var plugin in new FakeFunctionSource(functions).CreatePlugins())
        {
            builder.Plugins.Add(plugin);
        }

        return TestAgent.Create(builder.Build(), new ChatAgentOptions { Approval = new ApprovalPolicy(ApprovalMode.Auto) }, new RecordingEventSink());
    }
}
