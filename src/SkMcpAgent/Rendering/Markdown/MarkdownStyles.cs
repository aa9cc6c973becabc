using Spectre.Console;

namespace SkMcpAgent.Rendering.Markdown;

/// <summary>How each markdown element looks on a colour terminal; one place to change the look.</summary>
internal static class MarkdownStyles
{
    public static readonly Style Heading1 = new(decoration: Decoration.Bold | Decoration.Underline);
    public static readonly Style Heading = new(decoration: Decoration.Bold);
    public static readonly Style Strong = new(decoration: Decoration.Bold);
    public static readonly Style Emphasis = new(decoration: Decoration.Italic);
    public static readonly Style Strikethrough = new(decoration: Decoration.Strikethrough);
    public static readonly Style InlineCode = new(foreground: Color.Aqua);
    public static readonly Style LinkText = new(foreground: Color.Blue, decoration: Decoration.Underline);
    public static readonly Style Dim = new(foreground: Color.Grey);
    public static readonly Style Quote = new(decoration: Decoration.Italic);
    public static readonly Style ListMarker = new(foreground: Color.Grey);
    public static readonly Style CodeBlock = new(foreground: Color.Yellow);
}
