using Provisioner.Core.Backends;

namespace Provisioner.Aws.Tests.Fakes;

/// <summary>An apply context that records the progress lines a provision would journal and show.</summary>
internal sealed class RecordingApplyContext
{
    public List<string> Lines { get; } = [];

    public ApplyContext Context => new(
        (_, _) => Task.CompletedTask,
        change =>
        {
            Lines.Add("before " + change);
            return Task.CompletedTask;
        },
        change =>
        {
            Lines.Add("after " + change);
            return Task.CompletedTask;
        });
}
