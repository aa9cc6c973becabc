using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Chat.Filters;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;
using static SkMcpAgent.Core.Tests.Fakes.Responses;

namespace SkMcpAgent.Core.Tests.Chat.Filters;

public sealed class ApprovalFilterTests
{
    private const string DeniedText = "The user denied this call. Do not retry it; answer without it or ask the user.";

    [Fact]
    public async Task Auto_RunsWithoutAsking()
    {
        var prompt = new ScriptedApprovalPrompt();
        using var policy = new ApprovalPolicy(ApprovalMode.Auto, prompt);

        var (ran, results) = await RunTwoCallsAsync(policy);

        Assert.Equal(2, ran.Count);
        Assert.Empty(prompt.Asked);
        Assert.Equal(["Paris: sunny for 1 days", "Lyon: sunny for 2 days"], results);
    }

    [Fact]
    public async Task Ask_AsksForEachCall_WhenUserAllowsOnce()
    {
        var prompt = new ScriptedApprovalPrompt(ApprovalDecision.AllowOnce, ApprovalDecision.AllowOnce);
        using var policy = new ApprovalPolicy(ApprovalMode.Ask, prompt);

        var (ran, _) = await RunTwoCallsAsync(policy);

        Assert.Equal(2, ran.Count);
        Assert.Equal(2, prompt.Asked.Count);
        Assert.Equal("weather_get_forecast", prompt.Asked[0].FunctionName);
        Assert.Equal("weather", prompt.Asked[0].ServerName);
        Assert.Equal("Paris", prompt.Asked[0].Arguments["city"]?.ToString());
    }

    [Fact]
    public async Task Ask_AsksOnce_WhenUserAllowsAlways()
    {
        var prompt = new ScriptedApprovalPrompt(ApprovalDecision.AllowAlways);
        using var policy = new ApprovalPolicy(ApprovalMode.Ask, prompt);

        var (ran, _) = await RunTwoCallsAsync(policy);

        Assert.Equal(2, ran.Count);
        Assert.Single(prompt.Asked);
    }

    [Fact]
    public async Task Ask_TellsModelUserDenied_WhenUserDenies()
    {
        var prompt = new ScriptedApprovalPrompt(ApprovalDecision.Deny, ApprovalDecision.AllowOnce);
        using var policy = new ApprovalPolicy(ApprovalMode.Ask, prompt);

        var (ran, results) = await RunTwoCallsAsync(policy);

        Assert.Single(ran);
        Assert.Single(results, DeniedText);
    }

    [Fact]
    public async Task Deny_RunsNothingAndAsksNobody()
    {
        var prompt = new ScriptedApprovalPrompt();
        using var policy = new ApprovalPolicy(ApprovalMode.Deny, prompt);

        var (ran, results) = await RunTwoCallsAsync(policy);

        Assert.Empty(ran);
        Assert.Empty(prompt.Asked);
        Assert.All(results, r => Assert.Equal(DeniedText, r));
    }

    [Fact]
    public async Task Deny_RunsAllowListedFunctions()
    {
        using var policy = new ApprovalPolicy(ApprovalMode.Deny, allowList: ["weather_*"]);

        var (ran, _) = await RunTwoCallsAsync(policy);

        Assert.Equal(2, ran.Count);
    }

    [Fact]
    public async Task Ask_Denies_WhenThereIsNoPrompt()
    {
        using var policy = new ApprovalPolicy(ApprovalMode.Ask);

        var (ran, results) = await RunTwoCallsAsync(policy);

        Assert.Empty(ran);
        Assert.All(results, r => Assert.Equal(DeniedText, r));
    }

    // Two calls in two rounds, so "always" from the first is visible in the second.
    private static async Task<(List<string> Ran, List<string> Results)> RunTwoCallsAsync(ApprovalPolicy policy)
    {
        var ran = new List<string>();
        var inner = FakeChatClient.Scripted(
            Calls(Call("c1", "weather_get_forecast", new { city = "Paris", days = 1 })),
            Calls(Call("c2", "weather_get_forecast", new { city = "Lyon", days = 2 })),
            Text("done"));
        using var client = new FunctionInvokingChatClient(inner);
        client.Filters.Add(new ApprovalFilter(policy));

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Forecasts?")], new ChatOptions { Tools = [FakeFunctions.Forecast(ran)] }, TestTimeouts.DefaultToken());

        return (ran, [.. inner.Requests[^1].Results.Select(r => (string)r.Result!)]);
    }
}
