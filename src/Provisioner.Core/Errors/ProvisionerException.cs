namespace Provisioner.Core.Errors;

/// <summary>
/// Base of every error the tool reports to a person. <see cref="ExitCode"/> follows DESIGN.md §5;
/// <see cref="Hint"/> says what to do next and is printed after the message.
/// </summary>
public class ProvisionerException : Exception
{
    public ProvisionerException(string message, int exitCode = ExitCodes.Failed, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        ExitCode = exitCode;
        Hint = hint;
    }

    public int ExitCode { get; }

    public string? Hint { get; }
}
