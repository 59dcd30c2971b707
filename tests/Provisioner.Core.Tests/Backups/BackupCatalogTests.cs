using Microsoft.Extensions.Logging.Abstractions;
using Provisioner.Core.Backups;
using Provisioner.Core.Data;
using Provisioner.Core.Errors;

namespace Provisioner.Core.Tests.Backups;

/// <summary>The sets on disk: listing (complete or not), finding one by id, and retention touching only on-demand sets.</summary>
public sealed class BackupCatalogTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("backup-catalog-").FullName;

    [Fact]
    public void List_CompleteAndUnfinished_NewestFirstWithKinds()
    {
        Complete("acme", "manual-3-notes-1.0.0", Start.AddHours(2));
        Complete("acme", "upgrade-2-notes-1.0.0", Start.AddHours(1));
        Directory.CreateDirectory(Path.Combine(_root, "acme", "manual-4-notes-1.0.0"));

        var sets = new BackupCatalog(_root).List("acme");

        Assert.Equal(3, sets.Count);
        Assert.Equal(("manual-3-notes-1.0.0", "manual", true), (sets[1].Id, sets[1].Kind, sets[1].Complete));
        Assert.Equal(("upgrade-2-notes-1.0.0", "upgrade", true), (sets[2].Id, sets[2].Kind, sets[2].Complete));
        Assert.False(sets[0].Complete);
        Assert.Equal("abc", sets[1].Components.Single().Checksum);
    }

    [Fact]
    public void Newest_OnlyCompleteSetsOfThatTemplate()
    {
        Complete("acme", "upgrade-1-notes-1.0.0", Start);
        Complete("acme", "manual-2-notes-1.1.0", Start.AddHours(1), "notes@1.1.0");
        Directory.CreateDirectory(Path.Combine(_root, "acme", "manual-3-notes-1.1.0"));

        var catalog = new BackupCatalog(_root);

        Assert.Equal("manual-2-notes-1.1.0", catalog.Newest("acme", "notes@1.1.0")?.Id);
        Assert.Equal("upgrade-1-notes-1.0.0", catalog.Newest("acme", "notes@1.0.0")?.Id);
        Assert.Null(catalog.Newest("acme", "notes@2.0.0"));
    }

    [Fact]
    public void Find_UnknownUnfinishedOrEscapingId_BadInput()
    {
        Directory.CreateDirectory(Path.Combine(_root, "acme", "manual-4-notes-1.0.0"));
        var catalog = new BackupCatalog(_root);

        Assert.Contains("no backup 'manual-9'", Assert.Throws<BadInputException>(() => catalog.Find("acme", "manual-9")).Message);
        Assert.Contains("incomplete", Assert.Throws<BadInputException>(() => catalog.Find("acme", "manual-4-notes-1.0.0")).Message);
        Assert.Contains("no backup", Assert.Throws<BadInputException>(() => catalog.Find("acme", "../acme")).Message);
    }

    [Fact]
    public void Prune_KeepTwo_DeletesOldManualAndUnfinishedButNotUpgradeOrCurrent()
    {
        for (var i = 1; i <= 4; i++)
        {
            Complete("acme", $"manual-{i}-notes-1.0.0", Start.AddMinutes(i));
        }

        Complete("acme", "upgrade-0-notes-1.0.0", Start);
        Directory.CreateDirectory(Path.Combine(_root, "acme", "manual-5-notes-1.0.0"));   // a dead backup
        Directory.CreateDirectory(Path.Combine(_root, "acme", "manual-6-notes-1.0.0"));   // the one being written
        Complete("other", "manual-1-notes-1.0.0", Start);

        var deleted = new BackupCatalog(_root).Prune("acme", new RetentionPolicy { Keep = 2, Daily = 0, Weekly = 0 }, "manual-6-notes-1.0.0", NullLogger.Instance);

        Assert.Equal(["manual-1-notes-1.0.0", "manual-2-notes-1.0.0", "manual-5-notes-1.0.0"], deleted.Order(StringComparer.Ordinal));
        Assert.Equal(
            ["manual-3-notes-1.0.0", "manual-4-notes-1.0.0", "manual-6-notes-1.0.0", "upgrade-0-notes-1.0.0"],
            Directory.GetDirectories(Path.Combine(_root, "acme")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(_root, "other", "manual-1-notes-1.0.0")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Complete(string tenant, string id, DateTimeOffset at, string template = "notes@1.0.0")
    {
        var folder = Path.Combine(_root, tenant, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "db.sql.gz"), "x");
        new BackupSet(folder, tenant, template, at, [new BackupEntry("db", "postgres", "db.sql.gz", 1, "abc")]).Save();
    }
}
