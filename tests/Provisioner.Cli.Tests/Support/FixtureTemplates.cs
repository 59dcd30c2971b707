namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// A temporary templates folder with the real notes versions plus the faulty test-only versions from
/// tests/fixtures/templates (1.2.0-exit-at-start, ...); deleted on dispose.
/// </summary>
public sealed class FixtureTemplates : IDisposable
{
    public FixtureTemplates()
    {
        Root = Directory.CreateTempSubdirectory("fixture-templates-").FullName;
        foreach (var source in new[] { Path.Combine(RepoPaths.Templates, "notes"), Path.Combine(RepoPaths.Root, "tests", "fixtures", "templates", "notes") })
        {
            foreach (var version in Directory.GetDirectories(source).Where(d => File.Exists(Path.Combine(d, "template.yaml"))))
            {
                var target = Directory.CreateDirectory(Path.Combine(Root, "notes", Path.GetFileName(version))).FullName;
                File.Copy(Path.Combine(version, "template.yaml"), Path.Combine(target, "template.yaml"));
            }
        }
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
