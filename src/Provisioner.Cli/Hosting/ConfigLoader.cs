using System.Globalization;
using Provisioner.Core.Errors;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Provisioner.Cli.Hosting;

/// <summary>Finds and reads provisioner.yaml: --config, then $PROVISIONER_CONFIG, then ./provisioner.yaml, then $PROVISIONER_HOME/provisioner.yaml.</summary>
internal static class ConfigLoader
{
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "YamlDotNet sets the config's properties by reflection; the native build keeps its types and YamlDotNet whole (Provisioner.Cli.csproj), and the tests run that binary.")]
    public static ProvisionerConfig Load(string? explicitPath, string home)
    {
        // A file named explicitly (--config or $PROVISIONER_CONFIG) must exist; the default places are optional.
        var named = explicitPath ?? (Environment.GetEnvironmentVariable("PROVISIONER_CONFIG") is { Length: > 0 } env ? env : null);
        var file = named ?? new[] { "provisioner.yaml", Path.Combine(home, "provisioner.yaml") }.FirstOrDefault(File.Exists);
        if (file is null)
        {
            return new ProvisionerConfig();
        }

        if (!File.Exists(file))
        {
            throw new BadInputException($"config file {file} does not exist", "fix --config / $PROVISIONER_CONFIG, or remove it to use the defaults");
        }

        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            var config = deserializer.Deserialize<ProvisionerConfig>(File.ReadAllText(file)) ?? new ProvisionerConfig();
            config.SourceFile = file;
            return config;
        }
        catch (YamlException e)
        {
            throw new BadInputException($"{file}:{e.Start.Line}: {Readable(e)}", "see the Configuration section of the README for the keys");
        }
    }

    /// <summary>YamlDotNet's messages name .NET types; say what is wrong with the file instead.</summary>
    private static string Readable(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var unknown = System.Text.RegularExpressions.Regex.Match(message, "Property '([^']+)' not found");
        if (unknown.Success)
        {
            return $"unknown key '{unknown.Groups[1].Value}' (keys: {string.Join(", ", ConfigKeys.All)})";
        }

        return message.Contains("deserializer", StringComparison.Ordinal) || message.Contains("Provisioner.", StringComparison.Ordinal)
            ? "a value has the wrong shape here (a mapping, list or text where another is expected)"
            : $"wrong value: {message}";
    }

    /// <summary>
    /// Where a dotted key (<c>capacity.reserve</c>) is set, for error messages: <c>provisioner.yaml:7: capacity.reserve</c>,
    /// or the bare key when there is no file or the key is not found in it (a line scan: block or flow style).
    /// </summary>
    public static string Where(ProvisionerConfig config, string key)
    {
        if (config.SourceFile is not { } file || !File.Exists(file))
        {
            return key;
        }

        var parts = key.Split('.');
        var lines = File.ReadAllLines(file);
        var section = Array.FindIndex(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^{parts[0]}\s*:"));
        if (section < 0 || parts.Length < 2)
        {
            return section < 0 ? key : $"{file}:{section + 1}: {key}";
        }

        for (var i = section; i < lines.Length && (i == section || !System.Text.RegularExpressions.Regex.IsMatch(lines[i], @"^[A-Za-z]")); i++)
        {
            if (System.Text.RegularExpressions.Regex.IsMatch(lines[i], $@"[\s{{,]{parts[1]}\s*:"))
            {
                return $"{file}:{i + 1}: {key}";
            }
        }

        return key;
    }

    /// <summary>Parses <c>120s</c>, <c>2m</c>, <c>500ms</c> or plain seconds.</summary>
    public static TimeSpan? Duration(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        var (number, unit) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : (t, 1.0);
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new BadInputException($"{key}: '{text}' is not a duration", "write it as 120s, 2m, 500ms or a number of seconds");
        }

        return value > 0 ? TimeSpan.FromSeconds(value * unit) : throw new BadInputException($"{key}: '{text}' must be more than zero");
    }
}
