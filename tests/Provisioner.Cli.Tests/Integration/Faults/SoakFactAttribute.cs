namespace Provisioner.Cli.Tests.Integration.Faults;

/// <summary>A test of <c>make soak</c> only (<c>PROVISIONER_SOAK=1</c>): skipped, saying so, in <c>make test</c>.</summary>
public sealed class SoakFactAttribute : FactAttribute
{
    public SoakFactAttribute()
    {
        if (!KillMatrixMode.Full)
        {
            Skip = "the full kill matrix runs in `make soak` (PROVISIONER_SOAK=1)";
        }
    }
}
