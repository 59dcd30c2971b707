using Provisioner.Core.Errors;

namespace Provisioner;

/// <summary><c>provision templates new NAME</c>: a commented starting point for a product's template, which validates as written.</summary>
public static class TemplateStarter
{
    /// <summary>Writes <c>&lt;folder&gt;/&lt;product&gt;/1.0.0/template.yaml</c> and returns its path; never overwrites a template.</summary>
    public static string Write(string product, string folder)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(product, "^[a-z][a-z0-9-]{0,30}$"))
        {
            throw new BadInputException($"'{product}' is not a product name", "use lowercase letters, digits and '-', starting with a letter (at most 31)");
        }

        var path = Path.Combine(folder, product, "1.0.0", "template.yaml");
        if (File.Exists(path))
        {
            throw new BadInputException($"{path} already exists", "choose another product name or --output folder; nothing was written");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Text(product));
        return path;
    }

    /// <summary>The starting point's text for <paramref name="product"/>.</summary>
    public static string Text(string product) => $$"""
        # {{product}} 1.0.0: a starting point written by `provision templates new {{product}}`.
        # Replace the images and commands with your product's; `provision templates validate` checks this file
        # (every problem at once, with its line). The guide: docs/templates.md.
        product: {{product}}
        version: 1.0.0                 # must match this folder's name
        description: {{product}} with its own PostgreSQL database
        sizes:                         # plans you sell: cpu (cores), memory and disk per tenant
          small:  { cpu: 0.5, memory: 512Mi, disk: 2Gi }
          large:  { cpu: 2,   memory: 2Gi,   disk: 20Gi }
        defaultSize: small
        secrets: [db_password]         # generated per tenant, encrypted at rest, only ever delivered as files
        components:
          db:
            image: provisioner/postgres:15            # a PostgreSQL 15 built offline by `make images`; or your own
            user: "101:103"                           # postgres in that image; every container starts with no capability
            tmpfs: [/tmp, /var/run/postgresql]        # writable in memory: the root file system is read-only
            env: { POSTGRES_USER: app, POSTGRES_DB: app }
            volumes: { data: /var/lib/postgresql/data }
            secrets: [db_password]
            data: { kind: postgres, database: app }   # backed up, verified and restored by upgrades
            health:
              - sql: { query: "select 1", expect: "1" }
          web:
            image: {{product}}-app:1.0.0              # your app's image, present on the engine
            command: ["/app/server"]                  # optional: the image's own command when left out
            user: "10001:10001"                       # optional: run as a non-root uid:gid (the image's user when left out)
            tmpfs: [/tmp]                             # optional: writable paths; add capabilities: [...] only if it needs one
            dependsOn: [db]
            port: 8080
            entry: true                               # the tenant's entry: published, and where journeys go
            env:
              DATABASE_HOST: "${db.host}"
              DATABASE_PASSWORD_FILE: "${secrets.db_password}"
              PUBLIC_URL: "${tenant.url}"
              HEAP_MB: "${self.memoryMb}"
            secrets: [db_password]
            health:
              - http: { path: /healthz, expect: 200 }
              - journey: smoke
        jobs:
          migrate: { component: web, command: ["/app/server", "migrate"], phase: before }
        journeys:                                     # what a customer does, through the entry
          smoke:
            - get: /
              expect: 200

        """;
}
