using RadLine;

namespace SkMcpAgent.Repl;

/// <summary>Ctrl+U: deletes from the start of the line to the cursor, as in bash and readline.</summary>
internal sealed class DeleteToStartCommand : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var end = context.Buffer.Position;
        context.Buffer.Move(0);
        context.Buffer.Clear(0, end);
    }
}

/// <summary>Ctrl+K: deletes from the cursor to the end of the line.</summary>
internal sealed class DeleteToEndCommand : LineEditorCommand
{
    public override void Execute(LineEditorContext context) =>
        context.Buffer.Clear(context.Buffer.Position, context.Buffer.Length - context.Buffer.Position);
}

/// <summary>Ctrl+W: deletes the word before the cursor and the spaces after it, as readline's unix-word-rubout.</summary>
internal sealed class DeletePreviousWordCommand : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        var text = context.Buffer.Content;
        var end = context.Buffer.Position;
        var start = end;
        while (start > 0 && char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        context.Buffer.Move(start);
        context.Buffer.Clear(start, end - start);
    }
}

/// <summary>
/// Ctrl+C at the prompt, as shells do: a line with text is cleared and editing goes on; an empty line ends input
/// (the REPL exits). It arrives as a key because the reader turns the terminal's interrupt off while it reads.
/// </summary>
internal sealed class InterruptCommand(EndOfInputCommand.Flag flag) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (context.Buffer.Length == 0)
        {
            flag.Requested = true;
            context.Submit(SubmitAction.Submit);
            return;
        }

        context.Buffer.Move(0);
        context.Buffer.Clear(0, context.Buffer.Length);
    }
}
