using System.ComponentModel;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>Functions for tests, made with <see cref="AIFunctionFactory"/> like any local function.</summary>
public static class FakeFunctions
{
    public static AIFunction Create(Delegate method, string name, string? server = null)
    {
        var options = new AIFunctionFactoryOptions { Name = name };
        if (server is not null)
        {
            options.AdditionalProperties = new Dictionary<string, object?>
            {
                [FunctionMetadata.ServerKey] = server,
                [FunctionMetadata.ToolKey] = name,
            };
        }

        return AIFunctionFactory.Create(method, options);
    }

    /// <summary>A forecast function with a typed schema: city (string, required), days (integer, required).</summary>
    public static AIFunction Forecast(List<string>? calls = null) => Create(
        ([Description("City")] string city, int days) =>
        {
            calls?.Add($"{city}:{days}");
            return $"{city}: sunny for {days} days";
        },
        "weather_get_forecast",
        "weather");

    /// <summary>
    /// A body that hangs until its call alone is cancelled (through its <see cref="FunctionCallScope"/>, as MCP
    /// functions are); <paramref name="cancelled"/> gets true when the call, not the turn, was cancelled.
    /// </summary>
    public static Func<CancellationToken, Task<string>> HangsUntilTheCallIsCancelled(TaskCompletionSource<bool> cancelled) =>
        async cancellationToken =>
        {
            using var call = FunctionCallScope.LinkCurrent(cancellationToken);
            try
            {
                await new TaskCompletionSource().Task.WaitAsync(call.Token);
            }
            catch (OperationCanceledException)
            {
                cancelled.TrySetResult(!cancellationToken.IsCancellationRequested);
                throw;
            }

            return "unreachable";
        };

    /// <summary>A function that waits until its call is cancelled, telling the test once it runs.</summary>
    public static AIFunction WaitsForCancellation(string name, TaskCompletionSource started, TaskCompletionSource<bool>? observedCancellation = null) => Create(
        async (CancellationToken cancellationToken) =>
        {
            started.TrySetResult();
            var never = new TaskCompletionSource();
            try
            {
                await never.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                observedCancellation?.TrySetResult(true);
                throw;
            }

            return "unreachable";
        },
        name);
}
