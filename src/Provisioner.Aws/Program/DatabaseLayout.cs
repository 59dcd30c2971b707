using Provisioner.Core.Templates;

namespace Provisioner.Aws.Program;

/// <summary>
/// A <c>data: { kind: postgres }</c> component on AWS: an RDS PostgreSQL instance instead of its container. The database
/// is the data's <c>database</c>; the user is the component's <c>POSTGRES_USER</c> (the postgres image's contract),
/// else <c>postgres</c>; the password is the secret the component reads (<see cref="PasswordSecret"/>). Its image only
/// runs as the one-off client task (psql for SQL checks and jobs).
/// </summary>
internal sealed record DatabaseLayout(ComponentSpec Component, string Database, string User, string PasswordSecret, string Image)
{
    public const int Port = 5432;

    public string Name => Component.Name;
}
