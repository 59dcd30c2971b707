using Provisioner.Core.Errors;
using Provisioner.Core.Rotation;

namespace Provisioner.Core.Tests.Rotation;

/// <summary>Which secrets <c>provision rotate</c> can change, and the one-line refusals for the others.</summary>
public sealed class RotatableSecretsTests
{
    [Fact]
    public void Find_PostgresComponentWithItsRole_IsTheDbPasswordForEveryComponentUsingIt()
    {
        var found = RotatableSecrets.Find(RotationTemplates.Notes());

        var one = Assert.Single(found);
        Assert.Equal(new RotatableSecret("db_password", "db", "notes", "notes", one.Consumers), one);
        Assert.Equal(["app", "db"], one.Consumers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_PasswordFileNamesTheSecret_ThatSecret()
    {
        var template = RotationTemplates.Notes("POSTGRES_USER: notes, POSTGRES_PASSWORD_FILE: \"${secrets.db_password}\"");

        Assert.Equal("db_password", Assert.Single(RotatableSecrets.Find(template)).Secret);
    }

    [Fact]
    public void Select_NoRoleNamed_RefusesWithWhatIsRotatable()
    {
        var error = Assert.Throws<BadInputException>(() => RotatableSecrets.Select(TestTemplates.ParseNotes(), null));

        Assert.Contains("has no rotatable secret", error.Message, StringComparison.Ordinal);
        Assert.Contains("kind: postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_UnknownSecret_NamesTheTemplatesSecrets()
    {
        var error = Assert.Throws<BadInputException>(() => RotatableSecrets.Select(RotationTemplates.Notes(), "api_key"));

        Assert.Equal("notes@1.1.0 has no secret named 'api_key' (its secrets: db_password)", error.Message);
        Assert.Equal(ExitCodes.BadInput, error.ExitCode);
    }

    [Fact]
    public void Select_SecretThatIsNoDatabasePassword_SaysWhyItCannotBeRotated()
    {
        var template = TestTemplates.ParseNotes(TestTemplates.Notes
            .Replace("secrets: [db_password]\ncomponents", "secrets: [db_password, api_key]\ncomponents", StringComparison.Ordinal)
            .Replace("secrets: [db_password]\n    health:\n      - http", "secrets: [db_password, api_key]\n    health:\n      - http", StringComparison.Ordinal)
            .Replace("image: provisioner/postgres:15\n", "image: provisioner/postgres:15\n    env: { POSTGRES_USER: notes }\n", StringComparison.Ordinal));

        var error = Assert.Throws<BadInputException>(() => RotatableSecrets.Select(template, "api_key"));

        Assert.StartsWith("api_key cannot be rotated: it is not the password of a PostgreSQL data component", error.Message, StringComparison.Ordinal);
        Assert.Equal("rotatable here: db_password", error.Hint);
    }
}
