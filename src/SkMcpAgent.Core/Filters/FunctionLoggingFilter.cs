using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Serialization;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Logs each call and how long it took. Arguments and results may hold user data, so they are logged only at
/// Trace.
/// </summary>
public sealed partial class FunctionLoggingFilter(ILogger logger) : IFunctionInvocationFilter
{
    private readonly ILogger _logger = logger ?? throw new ArgumentNullException(nameof(logger));

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        var scope = FunctionCallScope.Current;
        var name = scope?.FunctionName ?? context.Function.QualifiedName();
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            LogInvoking(_logger, name, scope?.ServerName ?? "local", context.Function.PluginName ?? "-");
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            var arguments = JsonSerializer.Serialize(context.Arguments, RuntimeJson.Default.TypeInfo<IDictionary<string, object?>>());
            LogArguments(_logger, name, arguments);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var exceptionType = ex.GetType().Name;
            LogThrew(_logger, name, elapsed, exceptionType);
            throw;
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (FunctionOutcome.IsError(context.Result))
            {
                var reason = FunctionOutcome.Exception(context.Result)?.GetType().Name ?? "error result";
                LogFailed(_logger, name, elapsed, reason);
            }
            else
            {
                LogSucceeded(_logger, name, elapsed);
            }
        }

        if (_logger.IsEnabled(LogLevel.Trace))
        {
            var result = FunctionOutcome.Text(context.Result);
            LogResult(_logger, name, result);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Invoking {FunctionName} ({ServerName}, plugin {PluginName}).")]
    private static partial void LogInvoking(ILogger logger, string functionName, string serverName, string pluginName);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{FunctionName} arguments: {Arguments}")]
    private static partial void LogArguments(ILogger logger, string functionName, string arguments);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{FunctionName} succeeded in {ElapsedMilliseconds:0.0} ms.")]
    private static partial void LogSucceeded(ILogger logger, string functionName, double elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{FunctionName} failed in {ElapsedMilliseconds:0.0} ms ({Reason}).")]
    private static partial void LogFailed(ILogger logger, string functionName, double elapsedMilliseconds, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{FunctionName} ended after {ElapsedMilliseconds:0.0} ms with {ExceptionType}.")]
    private static partial void LogThrew(ILogger logger, string functionName, double elapsedMilliseconds, string exceptionType);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{FunctionName} result: {Result}")]
    private static partial void LogResult(ILogger logger, string functionName, string result);
}
