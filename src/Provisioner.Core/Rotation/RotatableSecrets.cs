using System.Text.RegularExpressions;
using Provisioner.Core.Errors;
using Provisioner.Core.Templates;

namespace Provisioner.Core.Rotation;

/// <summary>
/// Which of a template's secrets <c>provision rotate</c> can change: the password of each <c>data: { kind: postgres }</c>
/// component, for the role its <c>POSTGRES_USER</c> names. The password's secret is the one <c>POSTGRES_PASSWORD_FILE</c>
/// points at, else <c>db_password</c>, else the component's only secret (the provisioner/postgres:15 image's contract).
/// </summary>
internal static partial class RotatableSecrets
{
    public const string DataKind = "postgres";

    /// <summary>Every rotatable secret of <paramref name="template"/>, in component order.</summary>
    public static IReadOnlyList<RotatableSecret> Find(ProductTemplate template)
    {
        var found = new List<RotatableSecret>();
        foreach (var db in template.Components.Where(c => string.Equals(c.Data?.Kind, DataKind, StringComparison.Ordinal)))
        {
            var secret = PasswordSecretOf(db);
            if (secret is null || !db.Env.TryGetValue("POSTGRES_USER", out var role) || !Identifier().IsMatch(role) || db.Data?["database"] is not { } database)
            {
                continue;
            }

            var consumers = template.Components.Where(c => c.Secrets.Contains(secret)).Select(c => c.Name).ToList();
            found.Add(new RotatableSecret(secret, db.Name, role, database, consumers));
        }

        return found;
    }

    /// <summary>
    /// The secrets a rotation of <paramref name="secret"/> (all rotatable ones when null) changes; a one-line error saying
    /// why when there is nothing to rotate or the named secret cannot be rotated.
    /// </summary>
    public static IReadOnlyList<RotatableSecret> Select(ProductTemplate template, string? secret)
    {
        var all = Find(template);
        if (secret is null)
        {
            return all.Count > 0 ? all : throw new BadInputException(
                $"{template.Ref} has no rotatable secret: rotate changes the password of a `data: {{ kind: postgres }}` component (its POSTGRES_USER role)",
                "see docs/templates.md (Secret rotation)");
        }

        if (!template.Components.Any(c => c.Secrets.Contains(secret)))
        {
            var names = template.Components.SelectMany(c => c.Secrets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            throw new BadInputException(
                $"{template.Ref} has no secret named '{secret}' (its secrets: {(names.Count == 0 ? "none" : string.Join(", ", names))})",
                $"`provision rotate TENANT` rotates every rotatable secret");
        }

        return all.Where(s => s.Secret == secret).ToList() is { Count: > 0 } one ? one : throw new BadInputException(
            $"{secret} cannot be rotated: it is not the password of a PostgreSQL data component in {template.Ref} (rotate sets a postgres role's password, then delivers the file)",
            all.Count == 0 ? null : $"rotatable here: {string.Join(", ", all.Select(s => s.Secret))}");
    }

    private static string? PasswordSecretOf(ComponentSpec db)
    {
        if (db.Env.TryGetValue("POSTGRES_PASSWORD_FILE", out var file))
        {
            var match = SecretReference().Match(file);
            var name = match.Success ? match.Groups[1].Value : Path.GetFileName(file);
            return db.Secrets.Contains(name) ? name : null;
        }

        return db.Secrets.Contains("db_password") ? "db_password" : db.Secrets.Count == 1 ? db.Secrets[0] : null;
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^\$\{secrets\.([A-Za-z0-9_-]+)\}$")]
    private static partial Regex SecretReference();
}
