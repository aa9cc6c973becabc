using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Output;

/// <summary>Writes the <c>--json</c> objects: camelCase, indented, nulls kept so the shape is stable.</summary>
public static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static void Write<T>(TextWriter writer, T value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Serialize(value));
        writer.Flush();
    }

    public static void WriteError(TextWriter writer, string message, int exitCode) =>
        Write(writer, new JsonErrorEnvelope(new JsonError(message, exitCode)));
}
