using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Spectre.Console;
using Spectre.Console.Rendering;
using MarkdownTable = Markdig.Extensions.Tables.Table;
using SpectreTable = Spectre.Console.Table;
using TableRow = Markdig.Extensions.Tables.TableRow;

namespace SkMcpAgent.Rendering.Markdown;

/// <summary>
/// Markdown (parsed by Markdig: CommonMark plus pipe tables, strikethrough and task lists) as Spectre renderables
/// for a colour terminal: headings, emphasis, inline code, nested and numbered lists, code blocks with their
/// language, block quotes, links with their address, aligned tables and horizontal rules.
/// </summary>
/// <remarks>Text enters only through <see cref="MarkdownInlines"/>, which sanitises it.</remarks>
internal static class MarkdownRenderer
{
    private static readonly string[] s_bullets = ["•", "◦", "▪"];

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>One block as a renderable; null for blocks that show nothing (link definitions, blank lines).</summary>
    public static IRenderable? Render(Block block, int listDepth = 0) => block switch
    {
        HeadingBlock heading => MarkdownInlines.Render(heading.Inline, heading.Level == 1 ? MarkdownStyles.Heading1 : MarkdownStyles.Heading),
        ParagraphBlock paragraph => MarkdownInlines.Render(paragraph.Inline, Style.Plain),
        ThematicBreakBlock => new Rule().RuleStyle(MarkdownStyles.Dim),
        CodeBlock code => CodeBlock(code),
        QuoteBlock quote => Gutter.Bar(Children(quote, loose: true, listDepth), "▌ ", MarkdownStyles.Dim),
        ListBlock list => List(list, listDepth),
        MarkdownTable table => Table(table),
        LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock => null,
        ContainerBlock container => Children(container, loose: true, listDepth),
        LeafBlock leaf => MarkdownInlines.Text(leaf.Lines.ToString(), Style.Plain),
        _ => null,
    };

    /// <summary>A code block: its language (when the fence names one) above the code, a bar beside it.</summary>
    public static IRenderable CodeBlock(CodeBlock code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var body = Gutter.Bar(MarkdownInlines.Text(code.Lines.ToString(), MarkdownStyles.CodeBlock), "│ ", MarkdownStyles.Dim);
        return code is FencedCodeBlock { Info: { Length: > 0 } language }
            ? new Rows(MarkdownInlines.Text(language, MarkdownStyles.Dim), body)
            : body;
    }

    private static Rows Children(ContainerBlock container, bool loose, int listDepth)
    {
        var rows = new List<IRenderable>();
        foreach (var child in container)
        {
            if (Render(child, listDepth) is not { } rendered)
            {
                continue;
            }

            if (loose && rows.Count > 0)
            {
                rows.Add(Text.Empty);
            }

            rows.Add(rendered);
        }

        return new Rows(rows);
    }

    private static Rows List(ListBlock list, int depth)
    {
        var items = new List<IRenderable>();
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (list.IsLoose && items.Count > 0)
            {
                items.Add(Text.Empty);
            }

            var marker = list.IsOrdered
                ? $"{number++}{list.OrderedDelimiter} "
                : s_bullets[Math.Min(depth, s_bullets.Length - 1)] + " ";
            items.Add(Gutter.Hanging(Children(item, list.IsLoose, depth + 1), marker, MarkdownStyles.ListMarker));
        }

        return new Rows(items);
    }

    private static SpectreTable Table(MarkdownTable table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(static r => r.Count);
        var result = new SpectreTable().Border(TableBorder.Rounded).BorderStyle(MarkdownStyles.Dim);
        var header = rows.FirstOrDefault(static r => r.IsHeader);
        for (var i = 0; i < columns; i++)
        {
            var column = new TableColumn(header is not null ? Cell(header, i, MarkdownStyles.Strong) : Text.Empty);
            column.Alignment = (i < table.ColumnDefinitions.Count ? table.ColumnDefinitions[i].Alignment : null) switch
            {
                TableColumnAlign.Center => Justify.Center,
                TableColumnAlign.Right => Justify.Right,
                _ => Justify.Left,
            };
            result.AddColumn(column);
        }

        if (header is null)
        {
            result.HideHeaders();
        }

        foreach (var row in rows.Where(r => r != header))
        {
            result.AddRow(Enumerable.Range(0, columns).Select(i => Cell(row, i, Style.Plain)));
        }

        return result;
    }

    private static IRenderable Cell(TableRow row, int index, Style style) =>
        index < row.Count && row[index] is TableCell { Count: > 0 } cell && cell[0] is ParagraphBlock paragraph
            ? MarkdownInlines.Render(paragraph.Inline, style)
            : Text.Empty;
}
