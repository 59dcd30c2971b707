using NuGet.Versioning;
using Provisioner.Core.Templates.Values;

namespace Provisioner.Core.Templates;

/// <summary>Parses <c>jobs:</c>, one-off steps run with a component's image before or after the rollout, in the order listed.</summary>
internal static class JobParser
{
    public static IReadOnlyList<JobSpec> ParseAll(YamlCursor jobs, IReadOnlyList<ComponentSpec> components)
    {
        var result = new List<JobSpec>();
        foreach (var (name, job) in jobs.Entries())
        {
            if (!TemplateParser.PartPattern().IsMatch(name))
            {
                job.Error("job names must be lowercase letters and digits, starting with a letter, at most 12 characters");
            }
            else if (components.Any(c => c.Name == name))
            {
                job.Error($"'{name}' is also a component; a job needs a name of its own");
            }

            job.OnlyKeys(["component", "command", "phase", "compatibleWith", .. HostileKeys.Names]);
            HostileKeys.Refuse(job); // a job runs confined as its component is
            var component = job.Child("component").String(required: true);
            var command = job.Child("command").StringList();
            if (command.Count == 0)
            {
                job.Child("command").Error("must be a non-empty list, e.g. [\"/app/server\", \"migrate\"]");
            }

            var spec = component is null ? null : components.FirstOrDefault(c => c.Name == component);
            if (component is not null && spec is null && components.Count > 0)
            {
                job.Child("component").Error($"'{component}' is not a component ({string.Join(", ", components.Select(c => c.Name))})");
            }

            foreach (var (arg, i) in command.Select((a, i) => (a, i)))
            {
                foreach (var value in ValueText.Names(arg))
                {
                    if (spec is not null && TemplateValues.Problem(value, spec, components) is { } problem)
                    {
                        job.Child("command").Error($"[{i}] ${{{value}}}: {problem}");
                    }
                }
            }

            var phase = job.Child("phase").String() switch
            {
                null or "before" => JobPhase.Before,
                "after" => JobPhase.After,
                var other => Invalid(job.Child("phase"), other),
            };
            var compatible = CompatibleWith(job.Child("compatibleWith"), phase);
            if (component is not null && command.Count > 0)
            {
                result.Add(new JobSpec(name, component, command, phase) { CompatibleWith = compatible });
            }
        }

        return result;
    }

    /// <summary><c>compatibleWith: [1.0.0]</c>: versions, each strict (major.minor.patch), on a job of the before phase.</summary>
    private static IReadOnlyList<NuGetVersion> CompatibleWith(YamlCursor cursor, JobPhase phase)
    {
        var texts = cursor.StringList();
        var versions = new List<NuGetVersion>();
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
        {
            if (NuGetVersion.TryParseStrict(text, out var version))
            {
                versions.Add(version);
            }
            else
            {
                cursor.Error($"[{i}] '{text}' is not a version (major.minor.patch): list the versions whose app keeps working after this job, e.g. [1.0.0]");
            }
        }

        if (versions.Count > 0 && phase != JobPhase.Before)
        {
            cursor.Error("only a job of the before phase (a migration) can keep a running version working; remove compatibleWith or make the phase before");
        }

        return versions;
    }

    private static JobPhase Invalid(YamlCursor cursor, string value)
    {
        cursor.Error($"'{value}' is not a phase (before: ahead of its component's rollout, e.g. a migration; after: once every component runs)");
        return JobPhase.Before;
    }
}
