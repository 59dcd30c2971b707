using System.Text.RegularExpressions;

namespace Provisioner.Cli;

/// <summary>
/// Rewrites System.CommandLine's parse errors in the CLI's words: "Cannot parse argument 'abc' for option '--parallel' as
/// expected type 'System.Int32'." becomes "--parallel expects a whole number, got 'abc'", and a value outside an option's
/// choices is one line ("'gcp' is not one of: docker, aws") instead of one line per choice.
/// </summary>
internal static partial class ParseErrorText
{
    public static string Plain(string message)
    {
        var choice = NotRecognized().Match(message);
        if (choice.Success)
        {
            var allowed = Quoted().Matches(choice.Groups["allowed"].Value).Select(m => m.Groups[1].Value);
            return $"'{choice.Groups["value"].Value}' is not one of: {string.Join(", ", allowed)}";
        }

        var match = CannotParse().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var kind = match.Groups["type"].Value switch
        {
            "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
            "System.Double" or "System.Decimal" or "System.Nullable`1[System.Double]" => "a number",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration such as 30s",
            var other => $"a value of type {other}",
        };
        return $"{match.Groups["option"].Value} expects {kind}, got '{match.Groups["value"].Value}'";
    }

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<allowed>[\s\S]*)$")]
    private static partial Regex NotRecognized();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex CannotParse();
}
