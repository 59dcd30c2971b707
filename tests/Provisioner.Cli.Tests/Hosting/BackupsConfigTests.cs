using Provisioner.Cli.Hosting;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Tests.Hosting;

/// <summary><c>backups:</c> in provisioner.yaml: the folder and the retention reach the library's settings; a wrong count is refused.</summary>
public sealed class BackupsConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("backups-config-").FullName;

    private ProvisionerSettings Settings(string yaml)
    {
        var file = Path.Combine(_dir, "provisioner.yaml");
        File.WriteAllText(file, yaml);
        return SettingsFromConfig.Build(ConfigLoader.Load(file, _dir), _dir);
    }

    [Fact]
    public void Build_NoBackupsKey_DefaultsUnderHome()
    {
        var settings = Settings("engine: unix:///x.sock\n");

        Assert.Equal(Path.Combine(_dir, "backups"), settings.BackupRoot);
        Assert.Equal((7, 7, 4), (settings.Backups.Retention.Keep, settings.Backups.Retention.Daily, settings.Backups.Retention.Weekly));
    }

    [Fact]
    public void Build_BackupsKey_FolderAndRetention()
    {
        var folder = Path.Combine(_dir, "elsewhere");

        var settings = Settings($"backups: {{ directory: {folder}, keep: 3, daily: 0, weekly: 2 }}\n");

        Assert.Equal(folder, settings.BackupRoot);
        Assert.Equal((3, 0, 2), (settings.Backups.Retention.Keep, settings.Backups.Retention.Daily, settings.Backups.Retention.Weekly));
    }

    [Fact]
    public void Validate_KeepZero_BadInputNamingTheKey()
    {
        var settings = Settings("backups:\n  keep: 0\n");

        Assert.Contains("backups.keep", Assert.Throws<BadInputException>(() => settings.Validate()).Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
