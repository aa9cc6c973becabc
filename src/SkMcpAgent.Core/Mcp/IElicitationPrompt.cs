using ModelContextProtocol.Protocol;

namespace SkMcpAgent.Core.Mcp;

/// <summary>Asks the user what a server requested with <c>elicitation/create</c> (a form, or a URL to visit).</summary>
public interface IElicitationPrompt
{
    /// <summary>The user's answer: accept (with the form's content), decline or cancel.</summary>
    Task<ElicitResult> AskAsync(string serverName, ElicitRequestParams request, CancellationToken cancellationToken);
}
