using Npgsql;
using Provisioner.Core.Errors;
using Provisioner.Registry.Postgres;

namespace Provisioner.Registry.Tests.Postgres;

public sealed class PostgresUrlTests
{
    [Fact]
    public void Parse_FullUrl_BecomesNpgsqlSettings()
    {
        var location = PostgresUrl.Parse("postgres://ops:s%40cret%2Fpw@db.internal:6432/provision?sslmode=require&connect_timeout=3", "PROVISIONER_REGISTRY");

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal(("db.internal", 6432, "provision", "ops", "s@cret/pw"), (settings.Host, settings.Port, settings.Database, settings.Username, settings.Password));
        Assert.Equal((SslMode.Require, 3), (settings.SslMode, settings.Timeout));
        Assert.Equal($"provision pid {Environment.ProcessId}@{Environment.MachineName}", settings.ApplicationName);
        Assert.Equal("db.internal:6432/provision", location.Display);
        Assert.DoesNotContain("cret", location.ToString());
    }

    [Fact]
    public void Parse_NoPortNoPassword_DefaultsTo5432AndLeavesThePasswordToPgpass()
    {
        var location = PostgresUrl.Parse("postgresql://ops@registry/team", "registry");

        var settings = new NpgsqlConnectionStringBuilder(location.ConnectionString);
        Assert.Equal((5432, "ops", null), (settings.Port, settings.Username, settings.Password));
        Assert.Equal("registry:5432", location.Endpoint);
    }

    [Fact]
    public void Parse_SocketFolderInTheQuery_IsTheHost()
    {
        var location = PostgresUrl.Parse("postgres://ops@localhost/team?host=/var/run/postgresql", "registry");

        Assert.Equal("/var/run/postgresql", new NpgsqlConnectionStringBuilder(location.ConnectionString).Host);
    }

    [Theory]
    [InlineData("mysql://ops:hunter2@db/team", "PROVISIONER_REGISTRY: 'mysql://ops:***@db/team' is not a PostgreSQL URL")]
    [InlineData("postgres://ops:hunter2@db", "PROVISIONER_REGISTRY: 'postgres://ops:***@db' names no database")]
    [InlineData("postgres://ops:hunter2@db/team?sslmode=always", "PROVISIONER_REGISTRY: 'postgres://ops:***@db/team?sslmode=always' has sslmode=always")]
    [InlineData("postgres://ops:hunter2@db/team?pool=9", "has an unknown parameter 'pool' (known: sslmode, connect_timeout, application_name, host)")]
    [InlineData("postgres://ops:hun@ter2@db/team?pool=9", "'postgres://ops:***@db/team?pool=9'")]
    public void Parse_Wrong_OneBadInputLineNamingTheSourceNeverThePassword(string url, string expected)
    {
        var e = Assert.Throws<BadInputException>(() => PostgresUrl.Parse(url, "PROVISIONER_REGISTRY"));

        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("hunter2", e.Message + e.Hint);
        Assert.DoesNotContain("ter2", e.Message + e.Hint);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sqlite")]
    public void Validate_UnsetOrSqlite_IsTheDefaultStore(string? value)
    {
        RegistryFactory.Validate(value, "registry");

        using var stores = RegistryFactory.Open(Path.GetTempPath(), value, TimeProvider.System);
        Assert.Equal("sqlite", stores.Store);
    }
}
