using Provisioner.Aws.Program;
using Provisioner.Aws.Pulumi;
using Provisioner.Core.Templates;

namespace Provisioner.Aws.Backend;

/// <summary>
/// What a stack runs compared with what is applied: a new release (another template version, or another image for any
/// service) runs the template's jobs first; so does a stack whose held services never started (its first migration did
/// not finish). <see cref="IsUpgrade"/>: a release was running before, so its data is snapshotted before the jobs change it.
/// </summary>
internal sealed record AwsRelease(bool Exists, bool Changed, bool IsUpgrade, string Running)
{
    public static AwsRelease Of(StackOutputs? current, AwsProgram program, ProductTemplate template)
    {
        if (current is null)
        {
            return new AwsRelease(false, true, false, "nothing");
        }

        var images = current.Map(AwsOutputNames.Images);
        var version = current[AwsOutputNames.Version];
        var differs = version != template.Version.ToNormalizedString()
            || images.Count != program.Images.Count
            || program.Images.Any(i => images.GetValueOrDefault(i.Key) != i.Value);
        var counts = current.Map(AwsOutputNames.DesiredCounts);
        var unstarted = program.Held.Any(s => !counts.TryGetValue(s, out var c) || c == "0");
        var running = $"{current[AwsOutputNames.Product]}@{version} ({string.Join(", ", images.Values.Distinct())})";
        return new AwsRelease(true, differs || unstarted, differs, running);
    }
}
