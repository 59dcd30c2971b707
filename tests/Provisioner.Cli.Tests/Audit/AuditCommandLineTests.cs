using Provisioner.Cli.Audit;

namespace Provisioner.Cli.Tests.Audit;

public sealed class AuditCommandLineTests
{
    [Theory]
    [InlineData("postgres://ops:hunter2@db.internal:5432/provision", "postgres://ops:***@db.internal:5432/provision")]
    [InlineData("PGPASSWORD=hunter2", "PGPASSWORD=***")]
    [InlineData("api_token=abc", "api_token=***")]
    [InlineData("acme", "acme")]
    [InlineData("--to", "--to")]
    [InlineData("postgres://ops@db.internal/provision", "postgres://ops@db.internal/provision")]
    public void Redact_SecretsHidden_OrdinaryArgumentsKept(string arg, string kept)
    {
        Assert.Equal(kept, AuditCommandLine.Redact(arg));
    }

    [Fact]
    public void Of_QuotesArgumentsWithSpaces()
    {
        Assert.Equal("provision upgrade --all --to 1.1.0 --reason 'new release'", AuditCommandLine.Of(["upgrade", "--all", "--to", "1.1.0", "--reason", "new release"]));
    }

    [Theory]
    [InlineData("tenant", true)]
    [InlineData("key rotate", true)]
    [InlineData("host drain", true)]
    [InlineData("registry import", true)]
    [InlineData("list", false)]
    [InlineData("status", false)]
    [InlineData("registry export", false)]
    [InlineData("history", false)]
    public void MutatingCommands_ChangesAreRecorded_ReadsAreNot(string path, bool mutating)
    {
        Assert.Equal(mutating, MutatingCommands.Contains(path));
    }
}
