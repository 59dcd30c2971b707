using Provisioner.Aws.Backend;
using Provisioner.Aws.Tests.Support;
using Provisioner.Core.Errors;

namespace Provisioner.Aws.Tests.Backend;

public sealed class ProgramWorkspaceTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "pulumi-work-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Sync_CopiesProgram_AndKeepsStackSettingsFilesBesideIt()
    {
        ProgramWorkspace.Sync(RepoPaths.ProgramDirectory, _work);
        File.WriteAllText(Path.Combine(_work, "Pulumi.tenant-acme.yaml"), "config: {}");

        ProgramWorkspace.Sync(RepoPaths.ProgramDirectory, _work);

        Assert.Equal(File.ReadAllText(RepoPaths.Program), File.ReadAllText(Path.Combine(_work, "Pulumi.yaml")));
        Assert.True(File.Exists(Path.Combine(_work, "Pulumi.tenant-acme.yaml")));
    }

    [Fact]
    public void Sync_NoProgram_IsBadInputNamingTheFile()
    {
        var e = Assert.Throws<BadInputException>(() => ProgramWorkspace.Sync(_work + "-missing", _work));

        Assert.Contains("Pulumi.yaml does not exist", e.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }
}
