namespace DiskServer.Scanning;

/// <summary>How the scanner treats a directory item.</summary>
internal enum ScanEntryKind
{
    /// <summary>A regular file: its length counts.</summary>
    File,

    /// <summary>A real directory: descended into.</summary>
    Directory,

    /// <summary>A symbolic link (to anything): neither counted nor followed, so link loops cannot trap the scan.</summary>
    Link,

    /// <summary>Sockets, pipes, devices: ignored.</summary>
    Other,
}
