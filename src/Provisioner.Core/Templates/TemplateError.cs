namespace Provisioner.Core.Templates;

/// <summary>One problem in a template file, named by file, path and (when known) line.</summary>
public sealed record TemplateError(string File, string Path, string Message, long? Line = null)
{
    public override string ToString() =>
        $"{File}{(Line is null ? "" : $":{Line}")}: {(Path.Length == 0 ? "" : Path + ": ")}{Message}";
}
