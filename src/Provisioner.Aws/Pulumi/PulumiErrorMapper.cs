using System.Text.RegularExpressions;
using Provisioner.Aws.Process;
using Provisioner.Aws.Pulumi.Errors;

namespace Provisioner.Aws.Pulumi;

/// <summary>
/// Turns a failed pulumi call into a typed error by the texts the CLI writes (the same texts Automation API matches;
/// as the Pulumi CLI prints them: https://www.pulumi.com/docs/cli/commands/). Exit codes are not used: CLIs before 3.227 return 1 for everything.
/// </summary>
internal static partial class PulumiErrorMapper
{
    [GeneratedRegex(@"no stack named '?[^\s']*'? found")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"^\s+(?<url>\S+): created by (?<holder>.+)$", RegexOptions.Multiline)]
    private static partial Regex LockLine();

    public static PulumiException Map(ProcessSpec spec, ProcessResult result, string? stack, string passphraseFile, string? diagnostics = null)
    {
        var text = spec.Scrub(result.Stderr + "\n" + diagnostics);
        var name = stack ?? "(none)";
        if (text.Contains("the stack is currently locked by", StringComparison.Ordinal))
        {
            var holders = LockLine().Matches(text).Select(m => m.Groups["holder"].Value.Trim()).ToList();
            return new StackLockedException(name, holders.Count > 0 ? string.Join("; ", holders) : "another pulumi process", text);
        }

        if (text.Contains("[409] Conflict: Another update is currently in progress", StringComparison.Ordinal))
        {
            return new ConcurrentUpdateException(name, text);
        }

        if (NotFound().IsMatch(text))
        {
            return new StackNotFoundException(name, text);
        }

        if (text.Contains("passphrase must be set with PULUMI_CONFIG_PASSPHRASE", StringComparison.Ordinal))
        {
            return new PassphraseException("the Pulumi passphrase is missing", passphraseFile, text);
        }

        if (text.Contains("incorrect passphrase", StringComparison.Ordinal))
        {
            return new PassphraseException($"the Pulumi passphrase does not decrypt stack {name}", passphraseFile, text);
        }

        var tail = string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(8));
        return new PulumiException(
            $"`{spec.Display()}` failed with exit code {result.ExitCode}{(tail.Length > 0 ? ":\n" + tail : "")}",
            hint: "rerun the same provision command to converge; --verbose shows the pulumi calls",
            stderr: text);
    }
}
