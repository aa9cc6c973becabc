using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Anthropic.Core;
using Anthropic.Models.Messages;
using Type = System.Type;

namespace SkMcpAgent.Core.Providers;

/// <summary>
/// Contracts for the value types the Anthropic SDK's Messages models are read and written as: each list, kept as an
/// <see cref="ImmutableArray{T}"/> and read as a nullable one, and each enum, read as a nullable one.
/// System.Text.Json's reflection makes their converters with MakeGenericType over those value types, which a NativeAOT
/// executable cannot do at run time ("missing native code"). Here each one is made from a generic method called with
/// the type, so the compiler builds the code; the element's or enum's own converter still comes from the SDK's options.
/// <c>AnthropicJsonTests</c> fails when an SDK upgrade adds a list or an enum not declared below.
/// </summary>
internal sealed class AnthropicValueTypeContracts : IJsonTypeInfoResolver
{
    public static AnthropicValueTypeContracts Instance { get; } = new();

    private readonly FrozenDictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> _contracts = Declare();

    /// <summary>The element types whose lists (plain and nullable) have a contract here.</summary>
    public IEnumerable<Type> ElementTypes => _contracts.Keys
        .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        .Select(type => type.GetGenericArguments()[0]);

    /// <summary>The enums whose nullable form has a contract here.</summary>
    public IEnumerable<Type> Enums => _contracts.Keys
        .Select(Nullable.GetUnderlyingType)
        .Where(type => type is { IsEnum: true })
        .Select(type => type!);

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        if (!_contracts.TryGetValue(type, out var create))
        {
            return null;
        }

        var contract = create(options);
        contract.OriginatingResolver = this;
        return contract;
    }

    private static FrozenDictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> Declare()
    {
        var contracts = new Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>>();
        // Every list the Messages models and unions hold, by element type (the test lists them from the SDK).
        Add<BashCodeExecutionOutputBlock>(contracts);
        Add<BashCodeExecutionOutputBlockParam>(contracts);
        Add<Block>(contracts);
        Add<BrowserStateChange>(contracts);
        Add<BrowserStateTabEntry>(contracts);
        Add<CodeExecutionOutputBlock>(contracts);
        Add<CodeExecutionOutputBlockParam>(contracts);
        Add<ContainerSkill>(contracts);
        Add<ContentBlock>(contracts);
        Add<ContentBlockParam>(contracts);
        Add<FrozenDictionary<string, JsonElement>>(contracts);
        Add<long>(contracts);
        Add<MessageContentBlockSourceContent>(contracts);
        Add<MessageCountTokensTool>(contracts);
        Add<MessageParam>(contracts);
        Add<SkillParams>(contracts);
        Add<string>(contracts);
        Add<TextBlockParam>(contracts);
        Add<TextCitation>(contracts);
        Add<TextCitationParam>(contracts);
        Add<ToolReferenceBlock>(contracts);
        Add<ToolReferenceBlockParam>(contracts);
        Add<ToolUnion>(contracts);
        Add<WebFetchUrlSourceToolReference>(contracts);
        Add<WebSearchResultBlock>(contracts);
        Add<WebSearchResultBlockParam>(contracts);
        Add<ApiEnum<string, AllowedCaller>>(contracts);
        Add<ApiEnum<string, CodeExecutionTool20250825AllowedCaller>>(contracts);
        Add<ApiEnum<string, CodeExecutionTool20260120AllowedCaller>>(contracts);
        Add<ApiEnum<string, CodeExecutionTool20260521AllowedCaller>>(contracts);
        Add<ApiEnum<string, MemoryTool20250818AllowedCaller>>(contracts);
        Add<ApiEnum<string, ThreadUnsupportedFeatureName>>(contracts);
        Add<ApiEnum<string, ToolAllowedCaller>>(contracts);
        Add<ApiEnum<string, ToolBash20250124AllowedCaller>>(contracts);
        Add<ApiEnum<string, ToolSearchToolBm25_20251119AllowedCaller>>(contracts);
        Add<ApiEnum<string, ToolSearchToolRegex20251119AllowedCaller>>(contracts);
        Add<ApiEnum<string, ToolTextEditor20250124AllowedCaller>>(contracts);
        Add<ApiEnum<string, ToolTextEditor20250429AllowedCaller>>(contracts);
        Add<ApiEnum<string, ToolTextEditor20250728AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebFetchTool20250910AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebFetchTool20260209AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebFetchTool20260309AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebFetchTool20260318AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebSearchTool20250305AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebSearchTool20260209AllowedCaller>>(contracts);
        Add<ApiEnum<string, WebSearchTool20260318AllowedCaller>>(contracts);
        // Every enum the Messages models hold as ApiEnum<string, TEnum>, which reads it as TEnum?.
        AddEnum<global::Anthropic.Models.Messages.AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BashCodeExecutionToolResultErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BlockType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BrowserClickTargetType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BrowserReadPageFilter>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BrowserScrollDirection>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BrowserStateChangeType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.BrowserToolUseBlockName>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CacheMissReasonType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Category>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CitationType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ClientToolResultsType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CodeExecutionTool20250825AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CodeExecutionTool20260120AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CodeExecutionTool20260521AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.CodeExecutionToolResultErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ComputerScrollDirection>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ComputerToolUseBlockName>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ContainerSkillType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ContentBlockParamType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ContentBlockType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Display>(contracts);
        AddEnum<global::Anthropic.Models.Messages.DocumentBlockParamSourceType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Effort>(contracts);
        AddEnum<global::Anthropic.Models.Messages.FileType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ImageBlockParamSourceType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.MediaType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.MemoryTool20250818AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.MessageContentBlockSourceContentType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.MessageCountTokensParamsSpeed>(contracts);
        AddEnum<global::Anthropic.Models.Messages.MessageParamRole>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Model>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Name>(contracts);
        AddEnum<global::Anthropic.Models.Messages.OversizedImage>(contracts);
        AddEnum<global::Anthropic.Models.Messages.RawContentBlockDeltaType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.RawContentBlockStartEventContentBlockType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.RawMessageStreamEventType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ResponseInclusion>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ServerToolResultsType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ServerToolUseBlockParamCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ServerToolUseBlockParamName>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ServiceTier>(contracts);
        AddEnum<global::Anthropic.Models.Messages.SkillParamsType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.SourceType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Speed>(contracts);
        AddEnum<global::Anthropic.Models.Messages.StopReason>(contracts);
        AddEnum<global::Anthropic.Models.Messages.TextCitationParamType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.TextCitationType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.TextEditorCodeExecutionToolResultErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.Messages.TextEditorCodeExecutionViewResultBlockParamFileType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ThinkingConfigEnabledDisplay>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ThinkingConfigParamType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ThreadUnsupportedFeatureName>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolAllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolBash20250124AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolChoiceType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolSearchToolBm25_20251119AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolSearchToolBm25_20251119Type>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolSearchToolRegex20251119AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolSearchToolRegex20251119Type>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolSearchToolResultErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolTextEditor20250124AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolTextEditor20250429AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolTextEditor20250728AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolUseBlockCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolUseBlockParamCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.ToolUseCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Ttl>(contracts);
        AddEnum<global::Anthropic.Models.Messages.Type>(contracts);
        AddEnum<global::Anthropic.Models.Messages.UsageServiceTier>(contracts);
        AddEnum<global::Anthropic.Models.Messages.UsageSpeed>(contracts);
        AddEnum<global::Anthropic.Models.Messages.UserInputType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchTool20250910AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchTool20260209AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchTool20260309AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchTool20260318AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchToolResultBlockCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchToolResultBlockParamCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebFetchToolResultErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchTool20250305AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchTool20260209AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchTool20260318AllowedCaller>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchTool20260318ResponseInclusion>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchToolResultBlockCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchToolResultBlockParamCallerType>(contracts);
        AddEnum<global::Anthropic.Models.Messages.WebSearchToolResultErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.ErrorDetailsErrorCode>(contracts);
        AddEnum<global::Anthropic.Models.ErrorObjectType>(contracts);
        return contracts.ToFrozenDictionary();
    }

    private static void AddEnum<TEnum>(Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> contracts)
        where TEnum : struct, Enum
    {
        // The enum's own converter (the SDK's, from its attribute) is resolved from the options as before.
        contracts[typeof(TEnum?)] = options => JsonMetadataServices.CreateValueInfo<TEnum?>(options, JsonMetadataServices.GetNullableConverter<TEnum>(options));
    }

    private static void Add<T>(Dictionary<Type, Func<JsonSerializerOptions, JsonTypeInfo>> contracts)
    {
        contracts[typeof(ImmutableArray<T>)] = options => JsonMetadataServices.CreateImmutableEnumerableInfo<ImmutableArray<T>, T>(
            options,
            new JsonCollectionInfoValues<ImmutableArray<T>>(),
            ImmutableArray.CreateRange);
        contracts[typeof(ImmutableArray<T>?)] = options => JsonMetadataServices.CreateValueInfo<ImmutableArray<T>?>(
            options,
            JsonMetadataServices.GetNullableConverter<ImmutableArray<T>>(options));
    }
}
