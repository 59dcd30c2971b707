using Provisioner.Aws.Backend;
using Provisioner.Aws.Program;

namespace Provisioner.Aws.Tests.Backend;

public sealed class ProgramWorkspaceTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pulumi-work-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Write_Program_GoesIntoTheStacksFolder_BesideItsSettingsFile()
    {
        var folder = ProgramWorkspace.Write(_root, "tenant-acme", "name: provision-tenant\n# v1\n");
        File.WriteAllText(Path.Combine(folder, "Pulumi.tenant-acme.yaml"), "config: {}");

        ProgramWorkspace.Write(_root, "tenant-acme", "name: provision-tenant\n# v2\n");

        Assert.Equal(Path.Combine(_root, "tenant-acme"), folder);
        Assert.Equal("name: provision-tenant\n# v2\n", File.ReadAllText(Path.Combine(folder, "Pulumi.yaml")));
        Assert.True(File.Exists(Path.Combine(folder, "Pulumi.tenant-acme.yaml")));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));
    }

    [Fact]
    public void Ensure_NoProgramYet_WritesABareProject_AndKeepsAnExistingOne()
    {
        var folder = ProgramWorkspace.Ensure(_root, "tenant-acme");
        var bare = File.ReadAllText(Path.Combine(folder, "Pulumi.yaml"));
        ProgramWorkspace.Write(_root, "tenant-acme", "name: provision-tenant\nruntime: yaml\n# generated\n");

        ProgramWorkspace.Ensure(_root, "tenant-acme");

        Assert.Equal($"name: {ProgramNames.Project}\nruntime: yaml\n", bare);
        Assert.EndsWith("# generated\n", File.ReadAllText(Path.Combine(folder, "Pulumi.yaml")));
    }

    [Fact]
    public void Ensure_StackSettingsOfTheSharedFolderLayout_AreMovedIntoTheStacksFolder()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "Pulumi.tenant-acme.yaml"), "encryptionsalt: v1:abc\n");

        var folder = ProgramWorkspace.Ensure(_root, "tenant-acme");

        Assert.Equal("encryptionsalt: v1:abc\n", File.ReadAllText(Path.Combine(folder, "Pulumi.tenant-acme.yaml")));
        Assert.False(File.Exists(Path.Combine(_root, "Pulumi.tenant-acme.yaml")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
