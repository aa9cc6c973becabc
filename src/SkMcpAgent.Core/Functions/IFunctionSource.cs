using Microsoft.Extensions.AI;

namespace SkMcpAgent.Core.Functions;

/// <summary>
/// Supplies the functions the model may call right now. The set can change between turns (a server becomes
/// ready, restarts or sends <c>notifications/tools/list_changed</c>), so the agent asks again for every request.
/// </summary>
public interface IFunctionSource
{
    IReadOnlyList<AIFunction> GetFunctions();
}
