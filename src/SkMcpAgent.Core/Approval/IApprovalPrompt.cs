namespace SkMcpAgent.Core.Approval;

/// <summary>Asks the user about one call. The console implements it; tests use a scripted fake.</summary>
public interface IApprovalPrompt
{
    ValueTask<ApprovalDecision> AskAsync(ApprovalRequest request, CancellationToken cancellationToken);
}
