using RadLine;

namespace SkMcpAgent.Repl;

/// <summary>Ctrl+D: on an empty line it ends input (as shells do); otherwise it deletes the character under the cursor.</summary>
internal sealed class EndOfInputCommand(EndOfInputCommand.Flag flag) : LineEditorCommand
{
    public override void Execute(LineEditorContext context)
    {
        if (context.Buffer.Content.Length == 0)
        {
            flag.Requested = true;
            context.Submit(SubmitAction.Submit);
        }
        else
        {
            new DeleteCommand().Execute(context);
        }
    }

    /// <summary>Set when Ctrl+D ended the current read.</summary>
    internal sealed class Flag
    {
        public bool Requested { get; set; }
    }
}
