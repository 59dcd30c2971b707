using Provisioner.Data.Postgres;

namespace Provisioner.Data.Tests.Postgres;

/// <summary>psql's error output as it goes into an error message: one line (ERROR, HINT, CONTEXT joined), its end kept when long.</summary>
public sealed class PostgresCommandsTests
{
    [Fact]
    public void Tail_PsqlErrorHintContext_OneLine()
    {
        var text = "ERROR:  could not extend file \"base/1/2\": No space left on device\nHINT:  Check free disk space.\nCONTEXT:  COPY notes, line 1650\n";

        Assert.Equal(
            "ERROR:  could not extend file \"base/1/2\": No space left on device; HINT:  Check free disk space.; CONTEXT:  COPY notes, line 1650",
            PostgresCommands.Tail(text));
    }

    [Fact]
    public void Tail_Long_KeepsTheLast400Characters()
    {
        var tail = PostgresCommands.Tail(new string('a', 500) + "\nthe end");

        Assert.Equal(403, tail.Length);
        Assert.StartsWith("...", tail, StringComparison.Ordinal);
        Assert.EndsWith("; the end", tail, StringComparison.Ordinal);
    }
}
