using Provisioner.Aws.Program;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Tests.Program;

public sealed class TenantLayoutTests
{
    private static TenantLayout Of(ProductTemplate template) => TenantLayout.Of(template, template.Sizes["small"], AwsFakes.Options);

    [Fact]
    public void Of_Tracker_RolesOfEachComponent()
    {
        var layout = Of(Templates.Get("tracker@2.0.0"));

        Assert.Equal("web", layout.Entry.Name);
        Assert.Equal(["db"], layout.Databases.Select(d => d.Name));
        Assert.Equal(["queue", "web", "worker"], layout.Services.Select(s => s.Name));
        Assert.Equal(["queue"], layout.Discoverable);
        Assert.Equal(["db", "web", "worker"], layout.OneOff.Order());
        Assert.Equal(["web", "worker"], layout.Held.Order());
        Assert.Equal(("web", "uploads", "/srv/uploads"), (layout.Volumes[0].Component, layout.Volumes[0].Volume, layout.Volumes[0].Path));
    }

    [Fact]
    public void Of_Database_NameUserAndPasswordFromTheTemplate()
    {
        var db = Assert.Single(Of(Templates.Get("notes@1.1.0")).Databases);

        Assert.Equal(("notes", "notes", "db_password"), (db.Database, db.User, db.PasswordSecret));
    }

    [Fact]
    public void Of_NoEntry_RefusedSayingWhy()
    {
        var template = Templates.Get("tracker@2.0.0");
        template = template with { Components = template.Components.Select(c => c with { IsEntry = false }).ToList() };

        var e = Assert.Throws<BadInputException>(() => Of(template));

        Assert.Contains("tracker@2.0.0 cannot be stamped out on AWS: it has no entry component with a port", e.Message);
    }

    [Fact]
    public void Of_DataKindWithoutAwsMapping_RefusedNamingTheComponent()
    {
        var template = Templates.Get("tracker@2.0.0");
        template = template with { Components = template.Components.Select(c => c.Name == "queue" ? c with { Data = new DataSpec("redis-rdb", new Dictionary<string, string>()) } : c).ToList() };

        var e = Assert.Throws<BadInputException>(() => Of(template));

        Assert.Contains("component queue holds 'redis-rdb' data, which has no AWS mapping", e.Message);
    }

    [Fact]
    public void Of_DatabaseWithSeveralSecretsAndNoPasswordFile_PicksThePasswordOne()
    {
        var template = Templates.Get("notes@1.1.0");
        template = template with
        {
            Secrets = ["api_key", "db_password"],
            Components = template.Components.Select(c => c.Name == "db" ? c with { Secrets = ["api_key", "db_password"] } : c).ToList(),
        };

        Assert.Equal("db_password", Assert.Single(Of(template).Databases).PasswordSecret);
    }
}
