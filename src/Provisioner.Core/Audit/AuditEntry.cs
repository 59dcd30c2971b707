namespace Provisioner.Core.Audit;

/// <summary>
/// One run of a command that changes something: who (operating-system user, machine), what (the command line with secrets
/// redacted, and the tenant it named), when, how long, and the outcome (exit code, first line of the error).
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string User,
    string Host,
    string Command,
    string? Tenant,
    int ExitCode,
    string? Error,
    long DurationMs);
