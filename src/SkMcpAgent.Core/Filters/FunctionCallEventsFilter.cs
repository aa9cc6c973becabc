using Microsoft.SemanticKernel;
using SkMcpAgent.Core.Agents;
using SkMcpAgent.Core.Chat;
using SkMcpAgent.Core.Events;
using SkMcpAgent.Core.Functions;
using SkMcpAgent.Core.Plugins;

namespace SkMcpAgent.Core.Filters;

/// <summary>
/// Outermost, around each call the model asked for (SK's auto function invocation filter knows the model's call
/// id, which the function filters inside do not): opens the call's <see cref="FunctionCallScope"/> (progress,
/// per-call cancellation), answers a call interrupted by Ctrl+C with "cancelled" so the history stays consistent,
/// tells the console how the call ended, and adds a note to the last round's results that functions are now off.
/// </summary>
internal sealed class FunctionCallEventsFilter(TurnRecorder turn, Func<int> maxRounds) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);

        turn.ObserveMessages(context.Messages);
        var function = context.Function;
        var name = function.QualifiedName();
        var serverName = context.Kernel.FindServer(function)?.Name;

        // Some OpenAI-compatible servers send calls without ids; the name then ties progress to the call.
        var callId = context.CallContent.CallId;
        using var scope = FunctionCallScope.Enter(string.IsNullOrEmpty(callId) ? name : callId, name, serverName, turn);

        string text;
        bool succeeded;
        try
        {
            if (context.CallContent.Exception is { } parseError)
            {
                // The provider could not parse the arguments (M.E.AI's loop would run the function without them).
                text = FunctionCallMessages.InvalidJson(name, parseError.GetBaseException());
                succeeded = false;
            }
            else
            {
                await next(context).ConfigureAwait(false);
                text = FunctionOutcome.Text(context.Result);
                succeeded = !FunctionOutcome.IsError(context.Result);
            }
        }
        catch (OperationCanceledException) when (turn.CancellationToken.IsCancellationRequested)
        {
            // The model must hear of every call it made; the turn itself ends at the next request.
            text = FunctionCallMessages.Cancelled;
            succeeded = false;
        }
        catch (Exception ex)
        {
            // A filter failed (a function's own failures are results already).
            text = FunctionCallMessages.Failed(name, ex);
            succeeded = false;
        }

        var forModel = IsLastResultOfLastRound(context) ? text + "\n" + FunctionCallMessages.MaximumRoundsNote(maxRounds()) : text;
        context.Result = succeeded ? FunctionOutcome.WithValue(context.Result, forModel) : FunctionOutcome.Error(function, forModel);
        turn.Publish(new FunctionCallFinished(callId ?? string.Empty, name, serverName, context.Arguments ?? [], scope.Duration, succeeded, text));
    }

    private bool IsLastResultOfLastRound(AutoFunctionInvocationContext context) =>
        context.RequestSequenceIndex + 1 >= maxRounds() && context.FunctionSequenceIndex == context.FunctionCount - 1;
}
