using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Filters;

public sealed class FunctionCallStartFilterTests
{
    [Fact]
    public async Task Call_PublishesStartedWithArguments_WhenTheFunctionIsAboutToRun()
    {
        var events = new RecordingEventSink();
        var kernel = CreateKernel();
        var sawStarted = false;
        var function = AIFunctionFactory.Create((string city) =>
        {
            sawStarted = events.Events.OfType<FunctionCallStarted>().Any();
            return city;
        }, "weather_get_forecast").AsKernelFunction();
        using var scope = FunctionCallScope.Enter("c1", "weather_get_forecast", "weather", events);

        await kernel.InvokeAsync(function, new KernelArguments { ["city"] = "Paris" }, TestTimeouts.DefaultToken());

        Assert.True(sawStarted);
        var started = Assert.IsType<FunctionCallStarted>(Assert.Single(events.Events));
        Assert.Equal(("c1", "weather_get_forecast", "weather"), (started.CallId, started.FunctionName, started.ServerName));
        Assert.Equal("Paris", started.Arguments["city"]?.ToString());
        Assert.True(scope.Started);
        Assert.True(scope.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Call_PublishesNothing_WhenAnOuterFilterRefusesIt()
    {
        var events = new RecordingEventSink();
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new ArgumentValidationFilter());
        kernel.FunctionInvocationFilters.Add(new FunctionCallStartFilter());
        using var scope = FunctionCallScope.Enter("c1", "weather_get_forecast", "weather", events);

        var result = await kernel.InvokeAsync(FakeFunctions.Forecast().AsKernelFunction(), new KernelArguments(), TestTimeouts.DefaultToken());

        Assert.True(FunctionOutcome.IsError(result));
        Assert.Empty(events.Events);
        Assert.False(scope.Started);
        Assert.Equal(TimeSpan.Zero, scope.Duration);
    }

    [Fact]
    public async Task Call_MeasuresTheDuration_WhenTheFunctionThrows()
    {
        var kernel = CreateKernel();
        using var scope = FunctionCallScope.Enter("c1", "tool", null, new RecordingEventSink());
        var function = AIFunctionFactory.Create(string () => throw new InvalidOperationException("broken"), "tool").AsKernelFunction();

        await Assert.ThrowsAsync<InvalidOperationException>(() => kernel.InvokeAsync(function, cancellationToken: TestTimeouts.DefaultToken()));

        Assert.True(scope.Started);
        Assert.True(scope.Duration > TimeSpan.Zero);
    }

    [Fact]
    public async Task Call_JustRuns_WhenOutsideACallScope()
    {
        var kernel = CreateKernel();

        var result = await kernel.InvokeAsync(AIFunctionFactory.Create(() => "pong", "ping").AsKernelFunction(), cancellationToken: TestTimeouts.DefaultToken());

        Assert.Equal("pong", FunctionOutcome.Text(result));
    }

    private static Kernel CreateKernel()
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new FunctionCallStartFilter());
        return kernel;
    }
}
