namespace SkMcpAgent.Benchmarks.ColdStart;

/// <summary>A stdio MCP server to start: a label for the results, and the command line.</summary>
public sealed record ColdStartTarget(string Label, string Command, IReadOnlyList<string> Arguments);
