using Microsoft.AspNetCore.Http;

namespace SkMcpAgent.Testing.Nws;

public sealed partial class FakeNwsServer
{
    private const string GeoJson = "application/geo+json";
    private const string ProblemJson = "application/problem+json";

    /// <summary>Which recorded file answers which endpoint, as ../shared/fixtures/nws/README.md lists them.</summary>
    private static FakeNwsResponse Recorded(string path, IQueryCollection query)
    {
        if (path == "/points/30.2672,-97.7431")
        {
            return Fixture(200, GeoJson, "points.json");
        }

        if (path.StartsWith("/points/", StringComparison.Ordinal))
        {
            // Every other point is outside coverage here, as 0,0 is for the real API.
            return Fixture(404, ProblemJson, "point_error_404.json");
        }

        return path switch
        {
            "/gridpoints/EWX/156,91/forecast" => Fixture(200, GeoJson, "forecast.json"),
            "/gridpoints/EWX/156,91/forecast/hourly" => Fixture(200, GeoJson, "forecast_hourly.json"),
            "/alerts/active/area/TX" => Fixture(200, GeoJson, "alerts_active.json"),
            "/alerts/active" when query.ContainsKey("point") => Fixture(200, GeoJson, "alerts_empty.json"),
            _ when path.StartsWith("/alerts/active/area/", StringComparison.Ordinal) => Fixture(200, GeoJson, "alerts_empty.json"),
            _ when path.StartsWith("/alerts/active/region/", StringComparison.Ordinal) => Fixture(404, ProblemJson, "alerts_region_error_404.json"),
            _ => new FakeNwsResponse(404, ProblemJson,
                $$"""{"correlationId":"fake","title":"Not Found","type":"https://api.weather.gov/problems/NotFound","status":404,"detail":"'{{path}}' is not a path the fake NWS knows."}"""),
        };
    }

    private static FakeNwsResponse Fixture(int status, string contentType, string file) =>
        new(status, contentType, File.ReadAllText(Path.Combine(RepoPaths.NwsFixtures, file)));
}
