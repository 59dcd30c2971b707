namespace Provisioner.Core.Rotation;

/// <summary>
/// A secret <c>provision rotate</c> can change: the password of <see cref="Role"/> (the <c>POSTGRES_USER</c>) in the
/// PostgreSQL data component <see cref="Component"/>, whose database is <see cref="Database"/>. <see cref="Consumers"/>
/// are the components that receive it as <c>/run/secrets/&lt;name&gt;</c> (the database's own component included).
/// </summary>
internal sealed record RotatableSecret(string Secret, string Component, string Role, string Database, IReadOnlyList<string> Consumers);
