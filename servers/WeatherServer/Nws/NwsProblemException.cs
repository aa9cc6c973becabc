using System.Net;

namespace WeatherServer.Nws;

/// <summary>NWS answered with an RFC 7807 problem (e.g. 404 "Data Unavailable For Requested Point").</summary>
public sealed class NwsProblemException : Exception
{
    public NwsProblemException()
    {
    }

    public NwsProblemException(string message)
        : base(message)
    {
    }

    public NwsProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NwsProblemException(HttpStatusCode status, string? title, string? detail, IReadOnlyList<string>? parameterErrors = null)
        : base($"{(int)status} {title}: {detail}")
    {
        Status = status;
        Title = title;
        Detail = detail;
        ParameterErrors = parameterErrors ?? [];
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>The problem's <c>parameterErrors</c> as "parameter: message", e.g. which path segment NWS rejected.</summary>
    public IReadOnlyList<string> ParameterErrors { get; } = [];

    /// <summary>
    /// Title, detail and parameter errors as one readable sentence or two. NWS often repeats the title as the detail
    /// ("Not Found: Not Found"), and then only the parameter errors say what was wrong.
    /// </summary>
    public string Describe()
    {
        var title = string.IsNullOrWhiteSpace(Title) ? $"HTTP {(int)Status}" : Title.Trim();
        var text = string.IsNullOrWhiteSpace(Detail) || string.Equals(Detail.Trim(), title, StringComparison.OrdinalIgnoreCase)
            ? title
            : $"{title}: {Detail.Trim()}";
        return ParameterErrors.Count == 0 ? text : $"{text} ({string.Join("; ", ParameterErrors)})";
    }
}
