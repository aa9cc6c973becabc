using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Mcp;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Mcp;

[Collection(StdioHubDefinition.Name)]
public sealed class McpServerHubSamplingTests(StdioHubFixture fixture)
{
    [Fact]
    public async Task Sampling_IsAnsweredByTheSamplingClient_WhenApproved()
    {
        var model = new FakeChatClient("the fake model says hi");
        fixture.Hub.Options.SamplingClient = model;
        fixture.Hub.Options.Approval = new ApprovalPolicy(ApprovalMode.Auto);

        var result = await InvokeAsync(new() { ["prompt"] = "ping-42", ["maxTokens"] = 20 });

        Assert.Contains("the fake model says hi", result, StringComparison.Ordinal);
        Assert.Contains(model.LastMessages, m => m.Text.Contains("ping-42", StringComparison.Ordinal));
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
            _ => fixture.Server("everything").Functions.Any(f => f.Name == "everything_trigger-sampling-request"));
        var function = fixture.Hub.GetFunctions().Single(f => f.Name == "everything_trigger-sampling-request");
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments), TestTimeouts.DefaultToken());
        return Assert.IsType<string>(result);
    }
}
