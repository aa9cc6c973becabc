namespace SkMcpAgent.Testing.Nws;

/// <summary>One request <see cref="FakeNwsServer"/> received.</summary>
public sealed record RecordedNwsRequest(string Path, string Query, string? UserAgent, string? Accept);
