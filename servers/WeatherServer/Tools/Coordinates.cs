using System.Globalization;

namespace WeatherServer.Tools;

/// <summary>Checks a latitude/longitude and writes it the way NWS accepts: at most 4 decimals, invariant culture.</summary>
public static class Coordinates
{
    /// <summary>What is wrong with the coordinates, for the model to correct; null when they are usable.</summary>
    public static string? Problem(double latitude, double longitude)
    {
        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Latitude must be between -90 and 90 degrees; got {latitude}. Give latitude first, then longitude.");
        }

        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Longitude must be between -180 and 180 degrees; got {longitude}. US longitudes are negative (west).");
        }

        return null;
    }

    /// <summary>e.g. <c>30.2672,-97.7431</c>.</summary>
    public static string Format(double latitude, double longitude) =>
        $"{Round(latitude)},{Round(longitude)}";

    private static string Round(double value)
    {
        var text = Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
