using SkMcpAgent.Core.Approval;

namespace SkMcpAgent.Core.Tests.Fakes;

/// <summary>Answers approval prompts from a script and remembers what it was asked.</summary>
public sealed class ScriptedApprovalPrompt(params ApprovalDecision[] decisions) : IApprovalPrompt
{
    private readonly Queue<ApprovalDecision> _decisions = new(decisions);

    public List<ApprovalRequest> Asked { get; } = [];

    public ValueTask<ApprovalDecision> AskAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        Asked.Add(request);
        return ValueTask.FromResult(_decisions.Count > 0 ? _decisions.Dequeue() : throw new InvalidOperationException($"Unexpected prompt for {request.FunctionName}."));
    }
}
