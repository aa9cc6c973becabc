using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SkMcpAgent.Core.Serialization;

namespace SkMcpAgent.Output;

/// <summary>Writes the <c>--json</c> objects: camelCase, indented, nulls kept so the shape is stable.</summary>
public static class JsonOutput
{
    /// <summary>Resolves <see cref="OutputJsonContext"/>'s contracts, then the SDKs'; never reflection.</summary>
    public static JsonSerializerOptions Options { get; } = RuntimeJson.CreateOptions(
        new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        },
        OutputJsonContext.Default);

    /// <summary>The JSON of <paramref name="value"/>; <typeparamref name="T"/> must be declared in <see cref="OutputJsonContext"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options.TypeInfo<T>());

    public static void Write<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(value));
        writer.Flush();
    }

    public static void WriteError(TextWriter writer, string message, int exitCode) =>
        Write(writer, new JsonErrorEnvelope(new JsonError(message, exitCode)));
}
