using System.CommandLine;
using Provisioner.Cli.Commands;

namespace Provisioner.Cli.Tests.Parsing;

/// <summary>Showing a tenant's window is a read (not audited, not blocked by a freeze); setting or clearing it is not.</summary>
public sealed class WindowIsReadTests
{
    [Theory]
    [InlineData(true, "window", "acme")]
    [InlineData(false, "window", "acme", "Sun 02:00-04:00 UTC")]
    [InlineData(false, "window", "acme", "--clear")]
    public void IsRead_OnlyWhenNoWindowAndNoClear(bool read, params string[] args)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand { globals.Json, WindowCommand.Create(globals) };

        Assert.Equal(read, WindowCommand.IsRead(root.Parse(args)));
    }
}
