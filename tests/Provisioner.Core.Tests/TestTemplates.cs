using Provisioner.Core.Templates;

namespace Provisioner.Core.Tests;

/// <summary>Template text and parsed templates shared by the unit tests.</summary>
internal static class TestTemplates
{
    /// <summary>Data kinds as the composition root registers them (the adapters themselves live outside Core).</summary>
    public static readonly TemplateRules Rules = new(
    [
        new DataKindRules("postgres", new HashSet<string> { "database" }, new HashSet<string> { "user" }, null, Queryable: true),
        new DataKindRules("archive", new HashSet<string> { "path" }, new HashSet<string>(), "path", Queryable: false),
    ]);

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
            entry: true
            env: { NOTES_DB_HOST: "${db.host}", PASSWORD_FILE: "${secrets.db_password}", URL: "${tenant.url}", HEAP: "${self.memoryMb}" }
            secrets: [db_password]
            health:
              - http: { path: /readyz, expect: 200 }
              - journey: notes-roundtrip
          db:
            image: provisioner/postgres:15
            volumes: { data: /var/lib/postgresql/data }
            secrets: [db_password]
            data: { kind: postgres, database: notes }
            share: { cpu: 0.4, memory: 0.5 }
            health:
              - sql: { query: "select 1", expect: "1" }
        jobs:
          migrate: { component: app, command: ["/app/notes", "migrate"] }
        journeys:
          notes-roundtrip:
            - post: /api/notes
              json: { body: "probe ${random}" }
              capture: { id: $.id }
            - get: /api/notes/${id}
              expect: { json: { $.body: "probe ${random}" } }
            - delete: /api/notes/${id}
        """;

    /// <summary>A product of another shape: a worker, a queue with no data, a second data component (files).</summary>
    public const string Tracker = """
        product: tracker
        version: 2.0.0
        sizes:
          small: { cpu: 1, memory: 1Gi, disk: 2Gi }
        secrets: [db_password]
        components:
          db:
            image: provisioner/postgres:15
            volumes: { data: /var/lib/postgresql/data }
            secrets: [db_password]
            data: { kind: postgres, database: tracker }
            health: [ { sql: { query: "select 1", expect: "1" } } ]
          queue:
            image: provisioner/redis:7
            port: 6379
            health: [ { tcp: 6379 } ]
          web:
            image: tracker-app:2.0.0
            command: ["/app/tracker", "web", "--queue", "${queue.host}:${queue.port}"]
            dependsOn: [db, queue]
            port: 8080
            entry: true
            volumes: { uploads: /srv/uploads }
            data: { kind: archive, path: /srv/uploads }
            health:
              - http: { path: /readyz }
              - journey: file-an-item
          worker:
            kind: worker
            image: tracker-app:2.0.0
            command: ["/app/tracker", "worker"]
            dependsOn: [db, queue]
            health:
              - exec: { command: ["/app/tracker", "check-worker"], expect: "worker alive" }
        jobs:
          migrate: { component: web, command: ["/app/tracker", "migrate"], phase: before }
          seed: { component: web, command: ["/app/tracker", "seed", "${tenant.name}"], phase: after }
        journeys:
          file-an-item:
            - post: /api/items
              json: { title: "probe ${random}", attachment: "attached ${random}", count: 2 }
              expect: 201
              capture: { id: $.id }
            - get: /api/items/${id}
              until: { $.state: processed }
              within: 20s
        """;

    public static ProductTemplate ParseNotes(string? yaml = null) =>
        TemplateParser.Parse("templates/notes/1.1.0/template.yaml", yaml ?? Notes, Rules, "1.1.0");

    public static ProductTemplate ParseTracker(string? yaml = null) =>
        TemplateParser.Parse("templates/tracker/2.0.0/template.yaml", yaml ?? Tracker, Rules, "2.0.0");

    /// <summary>The tracker at <paramref name="version"/> (2.1.0 runs tracker-app:2.1.0), from <paramref name="yaml"/> if given (a 2.0.0 tracker text to change).</summary>
    public static ProductTemplate TrackerAt(string version, string? yaml = null) => TemplateParser.Parse(
        $"templates/tracker/{version}/template.yaml",
        (yaml ?? Tracker).Replace("version: 2.0.0", $"version: {version}", StringComparison.Ordinal).Replace("tracker-app:2.0.0", $"tracker-app:{version}", StringComparison.Ordinal),
        Rules,
        version);
}
