using System.Text.Json;

namespace SkMcpAgent.Output;

/// <summary>What <c>tools --json</c> prints: every server, its state, and its functions with their parameter schemas.</summary>
public sealed record JsonToolList(IReadOnlyList<JsonToolServer> Servers);

/// <summary>One server; <paramref name="Reason"/> is why it failed (null unless its state is <c>failed</c>).</summary>
public sealed record JsonToolServer(string Name, string State, string? Reason, IReadOnlyList<JsonToolFunction> Functions);

/// <summary>One function as the model sees it; <paramref name="Parameters"/> is its JSON schema.</summary>
public sealed record JsonToolFunction(string Name, string Description, JsonElement Parameters);
