namespace Provisioner.Cli.Tests.Support;

/// <summary>A temporary templates folder holding notes@1.1.0 with text replacements applied; deleted on dispose.</summary>
public sealed class TemplateVariant : IDisposable
{
    public TemplateVariant(string find, string replace)
        : this([(find, replace)])
    {
    }

    public TemplateVariant(IEnumerable<(string Find, string Replace)> edits)
    {
        Root = Directory.CreateTempSubdirectory("template-variant-").FullName;
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(Root, "notes", "1.1.0")).FullName;
            var text = File.ReadAllText(Path.Combine(RepoPaths.Templates, "notes", "1.1.0", "template.yaml"));
            foreach (var (find, replace) in edits)
            {
                Assert.Contains(find, text);
                text = text.Replace(find, replace);
            }

            File.WriteAllText(Path.Combine(dir, "template.yaml"), text);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
