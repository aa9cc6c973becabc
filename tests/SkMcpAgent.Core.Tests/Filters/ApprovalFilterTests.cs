using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Approval;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Filters;

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
        Assert.Equal(["Paris: sunny for 1 days", "Lyon: sunny for 2 days"], results.Select(r => r.Text));
        Assert.All(results, r => Assert.False(r.IsError));
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
    public async Task Ask_NamesTheFunctionAsTheModelSeesIt_WhenOutsideACallScope()
    {
        var prompt = new ScriptedApprovalPrompt(ApprovalDecision.AllowOnce);
        using var policy = new ApprovalPolicy(ApprovalMode.Ask, prompt);
        var kernel = CreateKernel(policy);
        var plugin = KernelPluginFactory.CreateFromFunctions("disk", [KernelFunctionFactory.CreateFromMethod(() => "scanned", "scan")]);

        var result = await kernel.InvokeAsync(plugin["scan"], cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("scanned", FunctionOutcome.Text(result));
        var asked = Assert.Single(prompt.Asked);
        Assert.Equal("disk_scan", asked.FunctionName);
        Assert.Null(asked.ServerName);
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

        Assert.Equal(["Lyon:2"], ran);
        var denied = Assert.Single(results, r => r.Text == DeniedText);
        Assert.True(denied.IsError);
    }

    [Fact]
    public async Task Deny_RunsNothingAndAsksNobody()
    {
        var prompt = new ScriptedApprovalPrompt();
        using var policy = new ApprovalPolicy(ApprovalMode.Deny, prompt);

        var (ran, results) = await RunTwoCallsAsync(policy);

        Assert.Empty(ran);
        Assert.Empty(prompt.Asked);
        Assert.All(results, r => Assert.Equal((DeniedText, true), r));
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
        Assert.All(results, r => Assert.Equal((DeniedText, true), r));
    }

    private static Kernel CreateKernel(ApprovalPolicy policy)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new ApprovalFilter(policy));
        return kernel;
    }

    // Two calls one after the other, each in its scope as the agent runs them, so "always" from the first is
    // visible in the second.
    private static async Task<(List<string> Ran, List<(string Text, bool IsError)> Results)> RunTwoCallsAsync(ApprovalPolicy policy)
    {
        var ran = new List<string>();
        var kernel = CreateKernel(policy);
        var forecast = FakeFunctions.Forecast(ran).AsKernelFunction();
        List<(string Text, bool IsError)> results = [];
        foreach (var (callId, city, days) in new[] { ("c1", "Paris", 1), ("c2", "Lyon", 2) })
        {
            using var scope = FunctionCallScope.Enter(callId, "weather_get_forecast", "weather", new RecordingEventSink());
            var result = await kernel.InvokeAsync(forecast, new KernelArguments { ["city"] = city, ["days"] = days }, TestTimeouts.DefaultToken());
            results.Add((FunctionOutcome.Text(result), FunctionOutcome.IsError(result)));
        }

        return (ran, results);
    }
}
