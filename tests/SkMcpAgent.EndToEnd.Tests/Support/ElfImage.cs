using System.Buffers.Binary;
using System.Text;

namespace SkMcpAgent.EndToEnd.Tests.Support;

/// <summary>
/// What a test needs to know of a 64-bit little-endian ELF executable: whether it is position-dependent (ET_EXEC)
/// or position-independent (ET_DYN), and its section names. Not an ELF library: only those fields are read.
/// </summary>
internal sealed class ElfImage
{
    private const ushort ExecutableType = 2;

    private ElfImage(ushort type, IReadOnlySet<string> sections)
    {
        Type = type;
        Sections = sections;
    }

    /// <summary>e_type: 2 for a position-dependent executable, 3 for a position-independent one (or a library).</summary>
    public ushort Type { get; }

    public bool IsPositionDependent => Type == ExecutableType;

    public IReadOnlySet<string> Sections { get; }

    /// <summary>The image at <paramref name="path"/>, or null when it is not a 64-bit little-endian ELF file.</summary>
    public static ElfImage? Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F' || bytes[4] != 2 || bytes[5] != 1)
        {
            return null;
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x10));
        var headersAt = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(0x28)));
        var headerSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3C));
        var namesIndex = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(0x3E));

        // Each section header: sh_name (offset into the names section) at 0, sh_offset at 0x18.
        var namesAt = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(headersAt + (namesIndex * headerSize) + 0x18)));
        var sections = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var nameAt = namesAt + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(headersAt + (i * headerSize)));
            var length = bytes.AsSpan(nameAt).IndexOf((byte)0);
            sections.Add(Encoding.ASCII.GetString(bytes, nameAt, length));
        }

        return new ElfImage(type, sections);
    }
}
