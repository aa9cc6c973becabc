namespace DiskServer.SystemInfo;

/// <summary>The machine and runtime the server runs on.</summary>
internal sealed record OsInfo(
    string Name,
    string Description,
    string Version,
    string Architecture,
    string ProcessArchitecture,
    string MachineName,
    string Runtime,
    int ProcessorCount,
    double UptimeSeconds,
    string Uptime);
