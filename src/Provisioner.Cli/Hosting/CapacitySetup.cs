using System.Globalization;
using Provisioner.Core.Capacity;
using Provisioner.Core.Errors;

namespace Provisioner.Cli.Hosting;

/// <summary>Turns <c>capacity:</c> (and its environment overrides) into validated <see cref="CapacityOptions"/>; every problem at once.</summary>
internal static class CapacitySetup
{
    public static CapacityOptions Options(ProvisionerConfig config)
    {
        var settings = config.Capacity;
        var defaults = new CapacityOptions();
        var errors = new List<string>();
        // An error names where the value came from: the environment variable, or the file and line of the key.
        string From(string variable, string key) => Env(variable) is not null ? variable : ConfigLoader.Where(config, key);
        var reserve = Number(Env("PROVISIONER_CAPACITY_RESERVE") ?? settings.Reserve, From("PROVISIONER_CAPACITY_RESERVE", "capacity.reserve"), percent: true, errors) ?? defaults.Reserve;
        var overcommit = Number(Env("PROVISIONER_CPU_OVERCOMMIT") ?? settings.CpuOvercommit, From("PROVISIONER_CPU_OVERCOMMIT", "capacity.cpuOvercommit"), percent: false, errors) ?? defaults.CpuOvercommit;
        var scopeText = Env("PROVISIONER_CAPACITY_SCOPE") ?? settings.Scope;
        var scope = defaults.Scope;
        if (scopeText is not null && !Enum.TryParse(scopeText.Trim(), ignoreCase: true, out scope))
        {
            errors.Add($"{From("PROVISIONER_CAPACITY_SCOPE", "capacity.scope")}: '{scopeText}' is not engine or registry");
        }

        if (errors.Count > 0)
        {
            throw new BadInputException("invalid configuration: " + string.Join("; ", errors), "e.g. capacity: { reserve: 10%, cpuOvercommit: 1.5, scope: engine } in provisioner.yaml, or PROVISIONER_CPU_OVERCOMMIT=1.5");
        }

        return new CapacityOptions { Reserve = reserve, CpuOvercommit = overcommit, Scope = scope }.Validate();
    }

    private static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

    private static double? Number(string? text, string key, bool percent, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        var isPercent = percent && t.EndsWith('%');
        if (!double.TryParse(isPercent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add($"{key}: '{text}' is not a number{(percent ? " or a percentage (10%)" : "")}");
            return null;
        }

        return isPercent ? value / 100 : value;
    }
}
