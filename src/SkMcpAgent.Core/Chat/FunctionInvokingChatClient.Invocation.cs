using System.Diagnostics;
using Microsoft.Extensions.AI;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;

namespace SkMcpAgent.Core.Chat;

public sealed partial class FunctionInvokingChatClient
{
    /// <summary>Runs one round's calls, all at once when there are several; never throws for a failed call.</summary>
    private async Task<List<AIContent>> InvokeCallsAsync(
        List<FunctionCallContent> calls,
        ChatOptions? options,
        List<ChatMessage> history,
        int iteration,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<ChatMessage> messages = history.AsReadOnly();
        if (calls.Count == 1)
        {
            return [await InvokeCallAsync(calls[0], options, messages, iteration, cancellationToken).ConfigureAwait(false)];
        }

        // Task.Run so that functions which block synchronously still run side by side.
        var tasks = new Task<FunctionResultContent>[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            var call = calls[i];
            tasks[i] = Task.Run(() => InvokeCallAsync(call, options, messages, iteration, cancellationToken), CancellationToken.None);
        }

        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return [.. results];
    }

    private async Task<FunctionResultContent> InvokeCallAsync(
        FunctionCallContent call,
        ChatOptions? options,
        IReadOnlyList<ChatMessage> messages,
        int iteration,
        CancellationToken cancellationToken)
    {
        var function = FindFunction(options, call.Name);
        var arguments = call.Arguments is null ? new AIFunctionArguments() : new AIFunctionArguments(call.Arguments);
        FunctionInvocationContext? context = null;
        string text;
        bool succeeded = false;
        Exception? exception = null;

        if (function is null)
        {
            text = FunctionCallMessages.UnknownFunction(call.Name, AvailableNames(options));
        }
        else if (call.Exception is not null)
        {
            exception = call.Exception;
            text = FunctionCallMessages.InvalidJson(call.Name, call.Exception);
        }
        else if (FunctionArgumentValidator.Validate(function.JsonSchema, call.Arguments) is { } problems)
        {
            text = FunctionCallMessages.SchemaMismatch(call.Name, problems);
        }
        else
        {
            context = new FunctionInvocationContext(call, function, arguments, iteration, messages, cancellationToken);
            try
            {
                await RunFiltersAsync(context, 0).ConfigureAwait(false);
                text = FunctionResultFormatter.Format(context.Result);
                succeeded = !context.IsError;
                exception = context.Exception;
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                exception = ex;
                text = FunctionCallMessages.Cancelled;
            }
            catch (Exception ex)
            {
                // A filter (or a function whose cancellation the filters did not translate) failed.
                exception = ex;
                text = FunctionCallMessages.Failed(call.Name, ex);
            }
        }

        Events.Publish(new FunctionCallFinished(
            call.CallId, call.Name, function?.GetServerName(), arguments, context?.Duration ?? TimeSpan.Zero, succeeded, text));
        return new FunctionResultContent(call.CallId, text) { Exception = succeeded ? null : exception };
    }

    private Task RunFiltersAsync(FunctionInvocationContext context, int index)
    {
        if (index < Filters.Count)
        {
            return Filters[index].OnFunctionInvocationAsync(context, next => RunFiltersAsync(next, index + 1));
        }

        return InvokeFunctionAsync(context);
    }

    private async Task InvokeFunctionAsync(FunctionInvocationContext context)
    {
        var call = context.Call;
        Events.Publish(new FunctionCallStarted(call.CallId, call.Name, context.ServerName, context.Arguments));
        context.Invoked = true;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Some OpenAI-compatible servers send calls without ids; such a call simply gets no progress events.
            using (string.IsNullOrEmpty(call.CallId) || string.IsNullOrEmpty(call.Name) ? null : FunctionCallScope.Enter(call.CallId, call.Name, Events))
            {
                // WaitAsync: a function that ignores its token (a hung server) must not hold the turn hostage.
                context.Result = await context.Function.InvokeAsync(context.Arguments, context.CancellationToken)
                    .AsTask()
                    .WaitAsync(context.CancellationToken)
                    .ConfigureAwait(false);
            }

            // A raw MCP tool result flagged isError is an error the model should read as one.
            context.IsError = FunctionResultFormatter.IsToolError(context.Result);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            context.Result = FunctionCallMessages.Failed(call.Name, ex);
            context.IsError = true;
            context.Exception = ex;
        }
        finally
        {
            context.Duration = Stopwatch.GetElapsedTime(started);
        }
    }

    private static AIFunction? FindFunction(ChatOptions? options, string name)
    {
        if (options?.Tools is { } tools)
        {
            foreach (var tool in tools)
            {
                if (tool is AIFunction function && string.Equals(function.Name, name, StringComparison.Ordinal))
                {
                    return function;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> AvailableNames(ChatOptions? options) =>
        options?.Tools?.OfType<AIFunction>().Select(static f => f.Name) ?? [];
}
