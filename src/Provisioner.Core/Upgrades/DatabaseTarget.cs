using Provisioner.Core.Templates;

namespace Provisioner.Core.Upgrades;

/// <summary>
/// The database an upgrade backs up: the one the template's SQL health check uses (component, database, and the
/// superuser that reaches it over the local socket).
/// </summary>
public sealed record DatabaseTarget(string Component, string Database, string User)
{
    public static DatabaseTarget? For(ProductTemplate template) => template.Components
        .SelectMany(c => c.Health.OfType<SqlCheckSpec>())
        .Select(s => new DatabaseTarget(s.Component, s.Database, s.User))
        .FirstOrDefault();
}
