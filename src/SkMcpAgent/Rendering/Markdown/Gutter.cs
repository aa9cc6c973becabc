using Spectre.Console;
using Spectre.Console.Rendering;

namespace SkMcpAgent.Rendering.Markdown;

/// <summary>
/// Renders <see cref="Content"/> narrower by the gutter's width and puts <see cref="First"/> before its first line and
/// <see cref="Rest"/> before every other line: a list item's marker with a hanging indent, a quote's or a code
/// block's bar. Spectre's Padder and Grid pad but cannot repeat a mark on every wrapped line.
/// </summary>
internal sealed class Gutter : Renderable
{
    public Gutter(IRenderable content, Segment first, Segment rest)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(rest);
        Content = content;
        First = first;
        Rest = rest;
    }

    public IRenderable Content { get; }

    public Segment First { get; }

    public Segment Rest { get; }

    private int Width => Math.Max(First.CellCount(), Rest.CellCount());

    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var inner = Content.Measure(options, Math.Max(1, maxWidth - Width));
        return new Measurement(inner.Min + Width, inner.Max + Width);
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = Segment.SplitLines(Content.Render(options, Math.Max(1, maxWidth - Width)));
        for (var i = 0; i < lines.Count; i++)
        {
            var mark = i == 0 ? First : Rest;
            yield return mark;
            var pad = Width - mark.CellCount();
            if (pad > 0)
            {
                yield return Segment.Padding(pad);
            }

            foreach (var segment in lines[i])
            {
                yield return segment;
            }

            yield return Segment.LineBreak;
        }
    }

    /// <summary>A gutter whose first line shows <paramref name="marker"/> and whose other lines are indented as far.</summary>
    public static Gutter Hanging(IRenderable content, string marker, Style style) =>
        new(content, new Segment(marker, style), new Segment(new string(' ', new Segment(marker).CellCount())));

    /// <summary>A gutter that repeats <paramref name="bar"/> on every line.</summary>
    public static Gutter Bar(IRenderable content, string bar, Style style) =>
        new(content, new Segment(bar, style), new Segment(bar, style));
}
