using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Filters;

public sealed class ArgumentValidationFilterTests
{
    [Fact]
    public async Task Call_RunsTheFunction_WhenArgumentsMatchTheSchema()
    {
        var ran = new List<string>();

        var result = await InvokeAsync(FakeFunctions.Forecast(ran), new KernelArguments { ["city"] = "Paris", ["days"] = 2 });

        Assert.Equal(["Paris:2"], ran);
        Assert.Equal("Paris: sunny for 2 days", FunctionOutcome.Text(result));
        Assert.False(FunctionOutcome.IsError(result));
    }

    [Fact]
    public async Task Call_ListsProblemsWithoutRunning_WhenArgumentsDoNotMatch()
    {
        var ran = new List<string>();

        var result = await InvokeAsync(FakeFunctions.Forecast(ran), new KernelArguments { ["days"] = "two" });

        Assert.Empty(ran);
        Assert.True(FunctionOutcome.IsError(result));
        Assert.Equal("Error: invalid arguments for 'weather_get_forecast': missing required 'city' (a string); 'days' must be an integer, got a string. Call it again with arguments that match its parameter schema.", FunctionOutcome.Text(result));
    }

    [Fact]
    public async Task Call_NamesTheFunctionAsTheCallScopeDoes_WhenInsideOne()
    {
        using var scope = FunctionCallScope.Enter("c1", "weather_forecast_v2", "weather", new RecordingEventSink());

        var result = await InvokeAsync(FakeFunctions.Forecast(), new KernelArguments { ["city"] = "Paris" });

        Assert.StartsWith("Error: invalid arguments for 'weather_forecast_v2': missing required 'days'", FunctionOutcome.Text(result), StringComparison.Ordinal);
    }

    private static async Task<FunctionResult> InvokeAsync(AIFunction function, KernelArguments arguments)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new ArgumentValidationFilter());
        return await kernel.InvokeAsync(function.AsKernelFunction(), arguments, TestTimeouts.DefaultToken());
    }
}
