namespace Provisioner.Cli.Tests.Support;

/// <summary>
/// A temporary templates folder with every real product version plus the faulty test-only versions from
/// tests/fixtures/templates (notes@1.2.0-exit-at-start, tracker@2.1.0-worker-crash, ...); deleted on dispose.
/// </summary>
public sealed class FixtureTemplates : IDisposable
{
    public FixtureTemplates()
    {
        Root = Directory.CreateTempSubdirectory("fixture-templates-").FullName;
        try
        {
            foreach (var source in new[] { RepoPaths.Templates, Path.Combine(RepoPaths.Root, "tests", "fixtures", "templates") })
            {
                foreach (var version in Directory.GetDirectories(source).SelectMany(Directory.GetDirectories).Where(d => File.Exists(Path.Combine(d, "template.yaml"))))
                {
                    var product = Path.GetFileName(Path.GetDirectoryName(version))!;
                    var target = Directory.CreateDirectory(Path.Combine(Root, product, Path.GetFileName(version))).FullName;
                    File.Copy(Path.Combine(version, "template.yaml"), Path.Combine(target, "template.yaml"));
                }
            }
        }
        catch
        {
            Directory.Delete(Root, recursive: true);
            throw;
        }
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
