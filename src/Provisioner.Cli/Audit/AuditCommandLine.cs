using System.Text.RegularExpressions;

namespace Provisioner.Cli.Audit;

/// <summary>
/// The command line as the audit log keeps it: <c>provision</c> and its arguments, with what could be a secret replaced by
/// <c>***</c> — a password inside a URL (<c>postgres://user:***@host</c>) and the value of a <c>NAME=VALUE</c> whose name
/// speaks of a password, secret, token or key.
/// </summary>
internal static partial class AuditCommandLine
{
    public static string Of(IEnumerable<string> args) =>
        "provision " + string.Join(' ', args.Select(Redact).Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"'{a}'" : a));

    public static string Redact(string arg)
    {
        var text = UrlPassword().Replace(arg, "${user}:***@");
        return SecretAssignment().Replace(text, "${name}=***");
    }

    [GeneratedRegex(@"(?<user>://[^/:@\s]+):[^@\s]*@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"^(?<name>[^=\s]*(?:password|passwd|secret|token|key)[^=\s]*)=.+$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();
}
