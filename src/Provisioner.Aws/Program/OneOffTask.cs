namespace Provisioner.Aws.Program;

/// <summary>
/// How one-off tasks (jobs, exec checks, database clients) start: their container's entry point is <c>/bin/sh -c</c> and
/// its command is <see cref="Script"/> followed by the command to run, which the driver overrides per run. The script
/// exports PGPASSWORD from the database password's file when the container names that file (database clients, for
/// psql), then execs the command: no secret is ever on a command line or in the task definition.
/// </summary>
internal static class OneOffTask
{
    /// <summary>The environment variable of a database client that holds the password file's path (a path, never the value).</summary>
    public const string PasswordFileVariable = "PROVISION_PGPASSWORD_FILE";

    public const string Script =
        "if [ -n \"$" + PasswordFileVariable + "\" ]; then PGPASSWORD=\"$(cat \"$" + PasswordFileVariable + "\")\"; export PGPASSWORD; fi; exec \"$0\" \"$@\"";

    public static readonly string[] EntryPoint = ["/bin/sh", "-c"];

    /// <summary>The log stream prefix of one-off tasks (<c>run/&lt;component&gt;/&lt;task id&gt;</c>).</summary>
    public const string LogPrefix = "run";

    /// <summary>The log stream prefix of services (<c>service/&lt;component&gt;/&lt;task id&gt;</c>).</summary>
    public const string ServiceLogPrefix = "service";
}
