using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SkMcpAgent.Core.Serialization;

/// <summary>
/// Writes a value declared as <see cref="object"/> (a tool argument, a function result) by what it is at run time,
/// without reflection: JSON values as they are, types the options' source-generated contracts know through those,
/// other dictionaries and sequences item by item, and anything else as its text. A NativeAOT build has no
/// reflection-based serializer, so a type no contract knows would otherwise fail the whole output.
/// Reading gives a <see cref="JsonElement"/>, as System.Text.Json does for <see cref="object"/>.
/// </summary>
public sealed class RuntimeValueConverter : JsonConverter<object>
{
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        switch (value)
        {
            case JsonElement element:
                element.WriteTo(writer);
                return;
            case JsonNode node:
                node.WriteTo(writer, options);
                return;
        }

        var type = value.GetType();
        if (type == typeof(object))
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else if (options.TryGetTypeInfo(type, out var typeInfo))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        else if (value is IDictionary dictionary)
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in dictionary)
            {
                writer.WritePropertyName(entry.Key.ToString() ?? string.Empty);
                WriteItem(writer, entry.Value, options);
            }

            writer.WriteEndObject();
        }
        else if (value is IEnumerable items)
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                WriteItem(writer, item, options);
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }

    private void WriteItem(Utf8JsonWriter writer, object? item, JsonSerializerOptions options)
    {
        if (item is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            Write(writer, item, options);
        }
    }
}
