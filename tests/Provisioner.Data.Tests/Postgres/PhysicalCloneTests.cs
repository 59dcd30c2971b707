using Provisioner.Core.Templates;
using Provisioner.Data.Postgres;

namespace Provisioner.Data.Tests.Postgres;

/// <summary>
/// The physical clone's pure parts: which components it can copy, and the SQL that gives the copy the clone's own logins
/// (the copy's real behaviour is tested on the engine by the CLI's clone tests).
/// </summary>
public sealed class PhysicalCloneTests
{
    [Fact]
    public void ResetLoginsSql_EachOwnLoginGetsItsHash_QuotedAsLiterals_OthersLoseTheirPassword()
    {
        var sql = PhysicalClone.ResetLoginsSql([("notes", "SCRAM-SHA-256$4096:c2FsdA==$a:b"), ("o'brien", "md5abc")]);

        Assert.Contains("(text 'notes', text 'SCRAM-SHA-256$4096:c2FsdA==$a:b')", sql);
        Assert.Contains("(text 'o''brien', text 'md5abc')", sql);
        Assert.Contains("where a.rolpassword is not null or n.pw is not null", sql);   // every login with a password is visited
        Assert.Contains("format('alter role %I password %L', r.rolname, r.pw)", sql);   // %L of null: PASSWORD NULL
        Assert.StartsWith("do $provision$", sql.Trim());
    }

    [Fact]
    public void ResetLoginsSql_NoOwnLogins_EveryPasswordRemoved()
    {
        var sql = PhysicalClone.ResetLoginsSql([]);

        Assert.Contains("(select null::text as name, null::text as pw where false)", sql);
        Assert.DoesNotContain("values", sql);
    }

    [Theory]
    [InlineData(1, false, true)]
    [InlineData(2, false, false)]   // which volume holds PGDATA is not known
    [InlineData(1, true, false)]    // the template moves PGDATA: the image's is not the component's
    public void CanCopy_OneVolumeAndTheImagesPgdata(int volumes, bool pgdataInEnv, bool expected)
    {
        var env = pgdataInEnv ? new Dictionary<string, string> { ["PGDATA"] = "/srv/pg" } : new Dictionary<string, string>();
        var mounts = Enumerable.Range(0, volumes).ToDictionary(i => $"v{i}", i => $"/data{i}");
        var db = new ComponentSpec("db", ComponentKind.Service, "provisioner/postgres:15", null, null, false, env, mounts, [], [], [], 0, 0,
            new DataSpec("postgres", new Dictionary<string, string> { ["database"] = "notes" }));

        Assert.Equal(expected, PhysicalClone.CanCopy(db));
    }
}
