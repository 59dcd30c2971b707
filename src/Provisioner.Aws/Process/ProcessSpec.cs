namespace Provisioner.Aws.Process;

/// <summary>
/// A program to run: file name, arguments (passed as a list, no shell), working directory, extra environment,
/// optional stdin text, and an optional callback for each stdout line as it arrives (streamed progress).
/// </summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? StandardInput { get; init; }

    public Action<string>? OnStdoutLine { get; init; }

    /// <summary>Values that must never appear in logs or error messages (secrets passed as arguments).</summary>
    public IReadOnlyList<string> Redact { get; init; } = [];

    /// <summary>The command line for logs and errors, with every <see cref="Redact"/> value replaced by <c>[secret]</c>.</summary>
    public string Display()
    {
        var text = FileName + " " + string.Join(' ', Arguments.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
        return Scrub(text);
    }

    /// <summary>Replaces every secret value in <paramref name="text"/> with <c>[secret]</c>.</summary>
    public string Scrub(string text) =>
        Redact.Where(r => r.Length > 0).Aggregate(text, (t, secret) => t.Replace(secret, "[secret]", StringComparison.Ordinal));
}
