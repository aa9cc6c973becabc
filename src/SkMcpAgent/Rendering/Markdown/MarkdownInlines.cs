using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Spectre.Console;

namespace SkMcpAgent.Rendering.Markdown;

/// <summary>
/// Turns a block's inlines (emphasis, code, links...) into styled text in a Spectre <see cref="Paragraph"/>, which
/// word-wraps at the console's width. Every piece of the model's text passes <see cref="TerminalText.Sanitize"/> here,
/// the one way text enters a rendering, so no control character from the model reaches the terminal.
/// </summary>
internal sealed class MarkdownInlines
{
    private readonly Paragraph _paragraph = new();

    private MarkdownInlines()
    {
    }

    /// <summary>The inlines of <paramref name="container"/> (null: empty) as one paragraph, in <paramref name="style"/>.</summary>
    public static Paragraph Render(ContainerInline? container, Style style)
    {
        var inlines = new MarkdownInlines();
        if (container is not null)
        {
            inlines.Write(container, style);
        }

        return inlines._paragraph;
    }

    /// <summary>Plain <paramref name="text"/> as a paragraph in <paramref name="style"/>, sanitised.</summary>
    public static Paragraph Text(string text, Style style)
    {
        var inlines = new MarkdownInlines();
        inlines.Append(text, style);
        return inlines._paragraph;
    }

    private void Append(string text, Style style)
    {
        if (text.Length > 0)
        {
            _paragraph.Append(TerminalText.Sanitize(text), style);
        }
    }

    private void Write(ContainerInline container, Style style)
    {
        foreach (var inline in container)
        {
            Write(inline, style);
        }
    }

    private void Write(Inline inline, Style style)
    {
        switch (inline)
        {
            case LiteralInline literal:
                Append(literal.Content.ToString(), style);
                break;
            case CodeInline code:
                Append(code.Content, style.Combine(MarkdownStyles.InlineCode));
                break;
            case EmphasisInline emphasis:
                Write(emphasis, style.Combine(EmphasisStyle(emphasis)));
                break;
            case LineBreakInline:
                // Soft breaks too: models break lines on purpose (addresses, verses), and the terminal wraps anyway.
                Append("\n", style);
                break;
            case AutolinkInline autolink:
                Append(autolink.Url, style.Combine(MarkdownStyles.LinkText));
                break;
            case LinkInline link:
                WriteLink(link, style);
                break;
            case HtmlEntityInline entity:
                Append(entity.Transcoded.ToString(), style);
                break;
            case HtmlInline html:
                Append(html.Tag, style);
                break;
            case TaskList task:
                Append(task.Checked ? "[x] " : "[ ] ", style.Combine(MarkdownStyles.ListMarker));
                break;
            case ContainerInline children:
                Write(children, style);
                break;
            default:
                Append(inline.ToString() ?? string.Empty, style);
                break;
        }
    }

    private void WriteLink(LinkInline link, Style style)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? string.Empty;
        if (link.IsImage)
        {
            Append("[image: ", style.Combine(MarkdownStyles.Dim));
            Write(link, style.Combine(MarkdownStyles.Dim));
            Append("]", style.Combine(MarkdownStyles.Dim));
        }
        else
        {
            Write(link, style.Combine(MarkdownStyles.LinkText));
        }

        // The address is shown, not hidden behind the text: a terminal user cannot hover to see where it goes.
        if (url.Length > 0 && !string.Equals(PlainText(link), url, StringComparison.Ordinal))
        {
            Append($" ({url})", style.Combine(MarkdownStyles.Dim));
        }
    }

    private static Style EmphasisStyle(EmphasisInline emphasis) => emphasis.DelimiterChar switch
    {
        '~' => MarkdownStyles.Strikethrough,
        _ when emphasis.DelimiterCount >= 2 => MarkdownStyles.Strong,
        _ => MarkdownStyles.Emphasis,
    };

    private static string PlainText(ContainerInline container) =>
        string.Concat(container.Descendants<LiteralInline>().Select(static l => l.Content.ToString()));
}
