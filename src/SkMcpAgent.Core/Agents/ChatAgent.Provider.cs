using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace SkMcpAgent.Core.Agents;

public sealed partial class ChatAgent
{
    /// <summary>
    /// Talks to another provider from the next turn on (the REPL's <c>/env</c>), keeping the conversation: the history
    /// is rewritten in the form every provider accepts (<see cref="PortableHistory"/>), the model chosen with
    /// <see cref="ModelId"/> is dropped for the new provider's own, and the function limit becomes the new provider's.
    /// The round limit, filters, functions and approval stay. Call it between turns, never during one.
    /// </summary>
    /// <param name="chatClient">The new provider's client, with SK's function invocation.</param>
    /// <param name="providerName">The provider's name for messages about its limits.</param>
    /// <param name="maxFunctionsPerRequest">Its limit on functions per request; null for none.</param>
    public void UseProvider(IChatClient chatClient, string? providerName, int? maxFunctionsPerRequest)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        var functionCalling = FunctionCallingOf(chatClient, MaxRounds, nameof(chatClient));

        _pendingClient = null;
        _client = chatClient;
        _functionCalling = functionCalling;
        _options.ProviderName = providerName;
        _options.MaxFunctionsPerRequest = maxFunctionsPerRequest;
        ModelId = null;
        var portable = PortableHistory.From(_history);
        _history.Clear();
        _history.AddRange(portable);
    }

    /// <summary>
    /// The message a turn would fail with because the functions offered now exceed the provider's limit; null when
    /// they fit. Lets a caller warn as soon as the provider changes, not only at the next question.
    /// </summary>
    public string? FunctionLimitProblem()
    {
        var count = _executionSettings.ToChatOptions(_kernel)?.Tools?.Count ?? 0;
        return _options.MaxFunctionsPerRequest is int limit && count > limit ? TooManyFunctions(count, limit) : null;
    }

    /// <summary>Waits for a client still being built (the first turn of a REPL), then uses it from then on.</summary>
    private async ValueTask EnsureClientAsync(CancellationToken cancellationToken)
    {
        if (_pendingClient is not { } pending)
        {
            return;
        }

        var client = await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        _functionCalling = FunctionCallingOf(client, _options.MaxRounds, "pendingChatClient");
        _client = client;
        _pendingClient = null;
    }

    /// <summary>The function-calling loop inside <paramref name="client"/>, set up the way every agent uses it.</summary>
    private static FunctionInvokingChatClient FunctionCallingOf(IChatClient client, int maxRounds, string parameterName)
    {
        var functionCalling = client.GetService<FunctionInvokingChatClient>()
            ?? throw new ArgumentException("The chat client does not call functions: build it with UseKernelFunctionInvocation() (AddAgentChatClient does).", parameterName);

        // Several calls in one response run side by side; every failure is already a result the model reads (the
        // filters see to it), so the loop never gives up on its own: the round limit ends it.
        functionCalling.AllowConcurrentInvocation = true;
        functionCalling.IncludeDetailedErrors = true;
        functionCalling.MaximumConsecutiveErrorsPerRequest = int.MaxValue;
        functionCalling.MaximumIterationsPerRequest = maxRounds;
        return functionCalling;
    }
}
