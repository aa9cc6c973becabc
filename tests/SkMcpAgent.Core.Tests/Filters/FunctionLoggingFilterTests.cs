using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Filters;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Tests.Fakes;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Filters;

public sealed class FunctionLoggingFilterTests
{
    [Fact]
    public async Task Debug_LogsCallAndDuration_ButNotArgumentsOrResult()
    {
        var logger = new RecordingLogger(LogLevel.Debug);

        await RunForecastAsync(logger);

        Assert.Contains(logger.Entries, e => e.Message == "Invoking weather_get_forecast (weather, plugin weather).");
        Assert.Contains(logger.Entries, e => e.Message.StartsWith("weather_get_forecast succeeded in ", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Message.Contains("Atlantis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trace_AlsoLogsArgumentsAndResult()
    {
        var logger = new RecordingLogger(LogLevel.Trace);

        await RunForecastAsync(logger);

        var arguments = Assert.Single(logger.Entries, e => e.Message.StartsWith("weather_get_forecast arguments: ", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Trace, arguments.Level);
        Assert.Contains("\"city\": \"Atlantis\"", arguments.Message, StringComparison.Ordinal);
        Assert.Contains("\"days\": 3", arguments.Message, StringComparison.Ordinal);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Trace && e.Message == "weather_get_forecast result: Atlantis: sunny for 3 days");
    }

    [Fact]
    public async Task Debug_NamesLocalAsServer_WhenOutsideACallScope()
    {
        var logger = new RecordingLogger(LogLevel.Debug);
        var kernel = CreateKernel(logger);
        var plugin = KernelPluginFactory.CreateFromFunctions("tools", [KernelFunctionFactory.CreateFromMethod(() => "pong", "ping")]);

        await kernel.InvokeAsync(plugin["ping"], cancellationToken: TestTimeouts.DefaultToken());

        Assert.Contains(logger.Entries, e => e.Message == "Invoking tools_ping (local, plugin tools).");
    }

    [Fact]
    public async Task Debug_LogsFailureReason_WhenResultIsAnError()
    {
        var logger = new RecordingLogger(LogLevel.Debug);
        var kernel = CreateKernel(logger);
        kernel.FunctionInvocationFilters.Add(new FunctionFailureFilter());
        var failing = AIFunctionFactory.Create(string () => throw new IOException("gone"), "disk_scan").AsKernelFunction();

        var result = await kernel.InvokeAsync(failing, cancellationToken: TestTimeouts.DefaultToken());

        Assert.True(FunctionOutcome.IsError(result));
        Assert.Contains(logger.Entries, e => e.Message.StartsWith("disk_scan failed in ", StringComparison.Ordinal) && e.Message.EndsWith(" ms (IOException).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Debug_LogsExceptionType_WhenCallThrows()
    {
        var logger = new RecordingLogger(LogLevel.Debug);
        var kernel = CreateKernel(logger);
        var failing = AIFunctionFactory.Create(string () => throw new InvalidOperationException("broken"), "disk_scan").AsKernelFunction();

        await Assert.ThrowsAsync<InvalidOperationException>(() => kernel.InvokeAsync(failing, cancellationToken: TestTimeouts.DefaultToken()));

        Assert.Contains(logger.Entries, e => e.Message.StartsWith("disk_scan ended after ", StringComparison.Ordinal) && e.Message.EndsWith(" ms with InvalidOperationException.", StringComparison.Ordinal));
    }

    private static Kernel CreateKernel(ILogger logger)
    {
        var kernel = Kernel.CreateBuilder().Build();
        kernel.FunctionInvocationFilters.Add(new FunctionLoggingFilter(logger));
        return kernel;
    }

    private static async Task RunForecastAsync(ILogger logger)
    {
        var kernel = CreateKernel(logger);
        var plugin = KernelPluginFactory.CreateFromFunctions("weather", [FakeFunctions.Create((string city, int days) => $"{city}: sunny for {days} days", "get_forecast").AsKernelFunction()]);
        using var scope = FunctionCallScope.Enter("c1", "weather_get_forecast", "weather", new RecordingEventSink());

        await kernel.InvokeAsync(plugin["get_forecast"], new KernelArguments { ["city"] = "Atlantis", ["days"] = 3 }, TestTimeouts.DefaultToken());
    }
}
