using Provisioner.Cli.Rendering;

namespace Provisioner.Cli.Tests.Rendering;

/// <summary>A long table written as plain aligned columns: a header, a rule, one line per row, no trailing spaces.</summary>
public sealed class PlainTableTests
{
    [Fact]
    public void Write_ColumnsAsWideAsTheirWidestCell_LastColumnUnpadded()
    {
        using var stdout = new StringWriter();
        var output = new CliOutput(stdout, TextWriter.Null, json: false);

        PlainTable.Write(output, ["Wave", "Tenant", "To"], [["canary", "a", "1.1.0"], ["wave 12", "globex-eu", null!]]);

        Assert.Equal(
            ["Wave     Tenant     To", "-------  ---------  -----", "canary   a          1.1.0", "wave 12  globex-eu"],
            stdout.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
