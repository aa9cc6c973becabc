using Spectre.Console.Rendering;

namespace SkMcpAgent.Rendering.Markdown;

/// <summary>
/// <see cref="Content"/> without the line breaks some renderables end with (a table, rows of gutters), so that
/// every block ends the same way and the blank line between blocks is exactly one.
/// </summary>
internal sealed class WithoutTrailingBreaks(IRenderable content) : Renderable
{
    public IRenderable Content { get; } = content ?? throw new ArgumentNullException(nameof(content));

    protected override Measurement Measure(RenderOptions options, int maxWidth) => Content.Measure(options, maxWidth);

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var segments = Content.Render(options, maxWidth).ToList();
        var end = segments.Count;
        while (end > 0 && segments[end - 1].IsLineBreak)
        {
            end--;
        }

        return segments.Take(end);
    }
}
