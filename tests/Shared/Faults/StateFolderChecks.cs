namespace Provisioner.Tests.Faults;

/// <summary>End-state checks of a state folder after a killed operation's rerun: no lock held, no partial backup.</summary>
internal static class StateFolderChecks
{
    /// <summary>Every lock file of the home can be taken exclusively now: no process (nor an orphan child) holds one.</summary>
    public static void NoLockHeld(string home)
    {
        var locks = Path.Combine(home, "locks");
        foreach (var file in Directory.Exists(locks) ? Directory.GetFiles(locks, "*.lock") : [])
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
    }

    /// <summary>Every folder in the tenant's backups is a complete set (its manifest written last), nothing else lies there.</summary>
    public static void CompleteBackupsOnly(string home, string name)
    {
        var folder = Path.Combine(home, "backups", name);
        foreach (var set in Directory.Exists(folder) ? Directory.GetDirectories(folder) : [])
        {
            Assert.True(File.Exists(Path.Combine(set, "manifest.json")), $"partial backup folder left: {set}");
        }

        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder) : [])
        {
            Assert.Fail($"stray file in the backups folder: {file}");
        }
    }
}
