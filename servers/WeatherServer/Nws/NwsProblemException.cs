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

    public NwsProblemException(HttpStatusCode status, string? title, string? detail)
        : base($"{(int)status} {title}: {detail}")
    {
        Status = status;
        Title = title;
        Detail = detail;
    }

    public HttpStatusCode Status { get; }

    public string? Title { get; }

    public string? Detail { get; }

    /// <summary>Title and detail as one readable sentence or two.</summary>
    public string Describe()
    {
        var title = string.IsNullOrWhiteSpace(Title) ? $"HTTP {(int)Status}" : Title.Trim();
        return string.IsNullOrWhiteSpace(Detail) ? title : $"{title}: {Detail.Trim()}";
    }
}
