using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests;

/// <summary>Template text and parsed templates shared by the unit tests.</summary>
internal static class TestTemplates
{
    public static readonly IReadOnlySet<string> Journeys = new HashSet<string> { "notes-roundtrip" };

    public const string Notes = """
        product: notes
        version: 1.1.0
        sizes:
          small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }
          large:  { cpu: 2, memory: 2Gi, disk: 20Gi }
        secrets: [db_password]
        components:
          app:
            image: notes-app:1.1.0
            dependsOn: [db]
            port: 8080
            env: { NOTES_DB_HOST: db }
            secrets: [db_password]
            health:
              - http: { path: /readyz, expect: 200 }
              - journey: notes-roundtrip
          db:
            image: provisioner/postgres:15
            volumes: { data: /var/lib/postgresql/data }
            secrets: [db_password]
            share: { cpu: 0.4, memory: 0.5 }
            health:
              - sql: { query: "select 1", database: notes }
        migrate: { component: app, command: ["/app/notes", "migrate"] }
        """;

    public static ProductTemplate ParseNotes(string? yaml = null) =>
        TemplateParser.Parse("templates/notes/1.1.0/template.yaml", yaml ?? Notes, Journeys, "1.1.0");
}
