using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

[Collection(StdioHubDefinition.Name)]
public sealed class McpServerHubSamplingTests(StdioHubFixture fixture)
{
    [Fact]
    public async Task Sampling_IsAnsweredByTheSamplingClient_WhenTheUserApproves()
    {
        var model = new FakeChatClient("the fake model says hi");
        var prompt = new ScriptedApprovalPrompt(ApprovalDecision.AllowOnce);
        using var policy = new ApprovalPolicy(ApprovalMode.Ask, prompt);
        fixture.Hub.Options.SamplingClient = model;
        fixture.Hub.Options.Approval = policy;

        var result = await InvokeAsync(new() { ["prompt"] = "ping-42", ["maxTokens"] = 20 });

        Assert.Contains("the fake model says hi", result, StringComparison.Ordinal);
        Assert.Contains(model.LastMessages, m => m.Text.Contains("ping-42", StringComparison.Ordinal));
        var request = Assert.Single(prompt.Requests);
        Assert.Equal(("sampling:everything", "everything"), (request.FunctionName, request.ServerName));
        Assert.Contains("ping-42", request.Arguments["lastMessage"] as string, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sampling_IsRefused_WhenTheApprovalPolicyDenies()
    {
        var model = new FakeChatClient("must not be used");
        fixture.Hub.Options.SamplingClient = model;
        using var policy = new ApprovalPolicy(ApprovalMode.Deny);
        fixture.Hub.Options.Approval = policy;

        var text = await OutcomeTextAsync();

        Assert.Contains("denied", text, StringComparison.Ordinal);
        Assert.Empty(model.LastMessages);
    }

    [Fact]
    public async Task Sampling_IsRefusedClearly_WhenNoModelIsConfigured()
    {
        fixture.Hub.Options.SamplingClient = null;
        fixture.Hub.Options.Approval = null;

        var text = await OutcomeTextAsync();

        Assert.Contains("no model configured", text, StringComparison.Ordinal);
    }

    // The server turns a refused sampling request into a tool error (or, depending on version, a text result).
    private async Task<string> OutcomeTextAsync()
    {
        try
        {
            return await InvokeAsync(new() { ["prompt"] = "ping", ["maxTokens"] = 20 });
        }
        catch (McpToolErrorException ex)
        {
            return ex.Message;
        }
    }

    private async Task<string> InvokeAsync(Dictionary<string, object?> arguments)
    {
        await fixture.Events.WaitForAsync<SkMcpAgent.Core.Events.ServerFunctionsChanged>(
            _ => fixture.Server("everything").Functions.Any(f => f.Name == "trigger_sampling_request"));
        var function = fixture.Hub.GetFunctions().Single(f => f.Name == "everything_trigger_sampling_request");
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments), TestTimeouts.DefaultToken());
        return Assert.IsType<string>(result);
    }

    private sealed class ScriptedApprovalPrompt(ApprovalDecision decision) : IApprovalPrompt
    {
        public List<ApprovalRequest> Requests { get; } = [];

        public ValueTask<ApprovalDecision> AskAsync(ApprovalRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return ValueTask.FromResult(decision);
        }
    }
}
