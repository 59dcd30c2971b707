namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>One provision/destroy cycle of the soak: which run was killed, and the peak of each run that was not.</summary>
internal sealed record SoakCycle(int Number, bool ProvisionKilled, bool DestroyKilled, ProcessPeak? Provision, ProcessPeak? Destroy)
{
    public int Kills => (ProvisionKilled ? 1 : 0) + (DestroyKilled ? 1 : 0);

    public override string ToString() =>
        $"{Number,4}  provision {Run(ProvisionKilled, Provision)}  destroy {Run(DestroyKilled, Destroy)}";

    private static string Run(bool killed, ProcessPeak? peak) =>
        (killed ? "killed+rerun" : "ok") + (peak is null ? "" : $" {peak.RssKiB / 1024.0,6:F1} MiB {peak.Handles,3} fds");
}
