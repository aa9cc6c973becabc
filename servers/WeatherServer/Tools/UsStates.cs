using System.Collections.Frozen;

namespace WeatherServer.Tools;

/// <summary>The two-letter codes NWS takes as an alert area: the 50 states, DC and the inhabited territories.</summary>
public static class UsStates
{
    public static FrozenDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AL"] = "Alabama", ["AK"] = "Alaska", ["AZ"] = "Arizona", ["AR"] = "Arkansas", ["CA"] = "California",
        ["CO"] = "Colorado", ["CT"] = "Connecticut", ["DE"] = "Delaware", ["FL"] = "Florida", ["GA"] = "Georgia",
        ["HI"] = "Hawaii", ["ID"] = "Idaho", ["IL"] = "Illinois", ["IN"] = "Indiana", ["IA"] = "Iowa",
        ["KS"] = "Kansas", ["KY"] = "Kentucky", ["LA"] = "Louisiana", ["ME"] = "Maine", ["MD"] = "Maryland",
        ["MA"] = "Massachusetts", ["MI"] = "Michigan", ["MN"] = "Minnesota", ["MS"] = "Mississippi", ["MO"] = "Missouri",
        ["MT"] = "Montana", ["NE"] = "Nebraska", ["NV"] = "Nevada", ["NH"] = "New Hampshire", ["NJ"] = "New Jersey",
        ["NM"] = "New Mexico", ["NY"] = "New York", ["NC"] = "North Carolina", ["ND"] = "North Dakota", ["OH"] = "Ohio",
        ["OK"] = "Oklahoma", ["OR"] = "Oregon", ["PA"] = "Pennsylvania", ["RI"] = "Rhode Island", ["SC"] = "South Carolina",
        ["SD"] = "South Dakota", ["TN"] = "Tennessee", ["TX"] = "Texas", ["UT"] = "Utah", ["VT"] = "Vermont",
        ["VA"] = "Virginia", ["WA"] = "Washington", ["WV"] = "West Virginia", ["WI"] = "Wisconsin", ["WY"] = "Wyoming",
        ["DC"] = "District of Columbia", ["AS"] = "American Samoa", ["GU"] = "Guam", ["MP"] = "Northern Mariana Islands",
        ["PR"] = "Puerto Rico", ["VI"] = "U.S. Virgin Islands",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The upper-case code for <paramref name="state"/>. False for anything else; then <see cref="Unknown"/> says what is
    /// accepted. No exception: a bad code is the model's everyday mistake, and a thrown one costs a stack trace and an
    /// error log line in the SDK on every call.
    /// </summary>
    public static bool TryNormalize(string? state, out string code)
    {
        code = state?.Trim().ToUpperInvariant() ?? "";
        return Names.ContainsKey(code);
    }

    public static string Unknown(string? state) =>
        $"'{state}' is not a US state or territory code. Use a two-letter postal code such as CA, TX, NY or PR.";
}
