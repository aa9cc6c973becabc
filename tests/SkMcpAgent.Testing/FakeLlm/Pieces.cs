namespace SkMcpAgent.Testing.FakeLlm;

/// <summary>Cuts text into roughly equal pieces, as a model streams it.</summary>
internal static class Pieces
{
    public static IEnumerable<string> Split(string? text, int count)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var size = Math.Max(1, (int)Math.Ceiling(text.Length / (double)Math.Max(1, count)));
        for (var start = 0; start < text.Length; start += size)
        {
            yield return text.Substring(start, Math.Min(size, text.Length - start));
        }
    }
}
