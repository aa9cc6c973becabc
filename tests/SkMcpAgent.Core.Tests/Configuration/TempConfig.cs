namespace SkMcpAgent.Core.Tests.Configuration;

/// <summary>An mcp.json written to a fresh temporary folder, deleted on dispose.</summary>
public sealed class TempConfig : IDisposable
{
    public TempConfig(string json)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("skmcp-config-").FullName;
        Path = System.IO.Path.Combine(Directory, "mcp.json");
        File.WriteAllText(Path, json);
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
