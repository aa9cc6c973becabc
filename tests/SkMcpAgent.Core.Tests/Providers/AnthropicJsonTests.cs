using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Anthropic.Core;
using Anthropic.Models.Messages;
using Type = System.Type;
using SkMcpAgent.Core.Providers;
using SkMcpAgent.Testing;

namespace SkMcpAgent.Core.Tests.Providers;

/// <summary>
/// The Anthropic SDK's JSON options get contracts a NativeAOT agent can use for every list of a Messages model, and the
/// native build's directives name every model converter (the native end-to-end runs on the Anthropic wire are the
/// proof; these tests keep both lists whole across SDK upgrades).
/// </summary>
public sealed class AnthropicJsonTests
{
    private static readonly string[] ModelNamespaces = ["Anthropic.Models.Messages", "Anthropic.Models", "Anthropic.Core"];

    [Fact]
    public void EveryListOfAMessagesModel_HasAContract() =>
        AssertDeclared(ListElementTypesOfTheSdkModels(), AnthropicValueTypeContracts.Instance.ElementTypes, "lists of types", "Add<T>");

    [Fact]
    public void EveryEnumOfAMessagesModel_HasAContract() =>
        AssertDeclared(EnumsOfTheSdkModels(), AnthropicValueTypeContracts.Instance.Enums, "enums", "AddEnum<T>");

    [Fact]
    public void EveryModelConverterOfTheMessagesApi_IsInTheNativeDirectives()
    {
        var directives = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "SkMcpAgent", "AnthropicSdk.rd.xml"))
            .Descendants().Where(static e => e.Name.LocalName == "Type").Select(static e => (string)e.Attribute("Name")!).ToHashSet();

        var missing = ModelTypesOfTheSdk()
            .Select(static type => type.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType)
            .Where(static converter => converter is { IsGenericType: true } && converter.GetGenericTypeDefinition().Name == "JsonModelConverter`2")
            .Select(static converter => DirectiveName(converter!))
            .Where(name => !directives.Contains(name))
            .ToList();

        Assert.True(
            missing.Count == 0,
            $"src/SkMcpAgent/AnthropicSdk.rd.xml lacks converters of the Anthropic SDK (without them the native agent fails on these models): {string.Join(", ", missing)}");
    }

    [Fact]
    public void Prepare_PutsTheContractsInFrontOfReflection_BeforeTheSdkUsesItsOptions()
    {
        AnthropicJson.Prepare();
        var options = AnthropicJson.SdkOptions;

        Assert.Same(AnthropicValueTypeContracts.Instance, options.GetTypeInfo(typeof(ImmutableArray<ContentBlockParam>?)).OriginatingResolver);
        Assert.Same(AnthropicValueTypeContracts.Instance, options.GetTypeInfo(typeof(ImmutableArray<ContentBlock>)).OriginatingResolver);
        Assert.Same(AnthropicValueTypeContracts.Instance, options.GetTypeInfo(typeof(StopReason?)).OriginatingResolver);
        Assert.Same(AnthropicJsonContext.Default, options.GetTypeInfo(typeof(IReadOnlyDictionary<string, JsonElement>)).OriginatingResolver);
        // Model classes still take the SDK's converters.
        Assert.NotSame(AnthropicValueTypeContracts.Instance, options.GetTypeInfo(typeof(TextBlockParam)).OriginatingResolver);
    }

    [Fact]
    public void AMessageRequest_ReadsAndWritesItsListsAndRawData()
    {
        AnthropicJson.Prepare();
        var request = new MessageCreateParams
        {
            Model = "claude-test",
            MaxTokens = 64,
            Messages =
            [
                new UserMessageParam { Content = new List<ContentBlockParam> { new TextBlockParam { Text = "disk usage?" } } },
                new AssistantMessageParam
                {
                    Content = new List<ContentBlockParam>
                    {
                        new ToolUseBlockParam
                        {
                            ID = "call_1",
                            Name = "disk-get_disk_usage",
                            Input = new Dictionary<string, JsonElement> { ["path"] = JsonElement.Parse("\"/\"") },
                        },
                    },
                },
            ],
        };

        var body = JsonSerializer.Serialize(request.RawBodyData, AnthropicJson.SdkOptions);
        var read = JsonSerializer.Deserialize<FrozenDictionary<string, JsonElement>>(body, AnthropicJson.SdkOptions)!;
        var readBack = MessageCreateParams.FromRawUnchecked(FrozenDictionary<string, JsonElement>.Empty, FrozenDictionary<string, JsonElement>.Empty, read);

        Assert.Equal(
            """{"model":"claude-test","max_tokens":64,"messages":[{"role":"user","content":[{"type":"text","text":"disk usage?"}]},{"role":"assistant","content":[{"type":"tool_use","id":"call_1","name":"disk-get_disk_usage","input":{"path":"/"}}]}]}""",
            body);
        Assert.Equal(2, readBack.Messages.Count);
        Assert.True(readBack.Messages[1].TryPickAssistant(out var assistant));
        Assert.True(assistant.Content.TryPickContentBlockParams(out var blocks));
        Assert.True(blocks[0].TryPickToolUse(out var toolUse));
        Assert.Equal("/", toolUse.Input["path"].GetString());
    }

    private static void AssertDeclared(IEnumerable<Type> ofTheSdk, IEnumerable<Type> declared, string what, string line)
    {
        var missing = ofTheSdk.Except(declared).Select(static type => type.ToString()).ToList();
        Assert.True(
            missing.Count == 0,
            $"The Anthropic SDK has {what} AnthropicValueTypeContracts does not declare (add an {line} line for each): {string.Join(", ", missing)}");
    }

    // Every IReadOnlyList<T> a request, model or union of the SDK holds (its properties and what its constructors take),
    // by element type; a raw-data dictionary is kept frozen.
    private static IEnumerable<Type> ListElementTypesOfTheSdkModels() =>
        ModelTypesOfTheSdk()
            .SelectMany(MemberTypes)
            .Select(type => Nullable.GetUnderlyingType(type) ?? type)
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            .Select(type => type.GetGenericArguments()[0])
            .Select(element => element == typeof(IReadOnlyDictionary<string, JsonElement>) ? typeof(FrozenDictionary<string, JsonElement>) : element)
            .Distinct();

    // Every TEnum of an ApiEnum<string, TEnum> a model, request or union holds, directly or in a list.
    private static IEnumerable<Type> EnumsOfTheSdkModels() =>
        ModelTypesOfTheSdk().SelectMany(MemberTypes).SelectMany(EnumsIn).Distinct();

    private static IEnumerable<Type> EnumsIn(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!type.IsGenericType)
        {
            return [];
        }

        var arguments = type.GetGenericArguments();
        var own = type.GetGenericTypeDefinition() == typeof(ApiEnum<,>) ? [arguments[1]] : Array.Empty<Type>();
        return own.Concat(arguments.SelectMany(EnumsIn));
    }

    private static IEnumerable<Type> MemberTypes(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(property => property.PropertyType)
            .Concat(type.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => parameter.ParameterType));

    private static IEnumerable<Type> ModelTypesOfTheSdk() =>
        typeof(ModelBase).Assembly.GetTypes().Where(type => type.IsPublic && ModelNamespaces.Contains(type.Namespace) && IsSerializedByTheSdk(type));

    // The name rd.xml gives a closed generic type: Namespace.Name`N[[Argument,Assembly],...].
    private static string DirectiveName(Type type) =>
        $"{type.GetGenericTypeDefinition().FullName}[{string.Join(",", type.GetGenericArguments().Select(static argument => $"[{argument.FullName},{argument.Assembly.GetName().Name}]"))}]";

    private static bool IsSerializedByTheSdk(Type type) =>
        typeof(ModelBase).IsAssignableFrom(type) || typeof(ParamsBase).IsAssignableFrom(type) || type.GetCustomAttribute<JsonConverterAttribute>() is not null;
}
