using System.CommandLine;
using Provisioner.Cli.Rendering;
using Provisioner.Core.Templates;
using Spectre.Console;

namespace Provisioner.Cli.Commands;

/// <summary><c>provision templates</c>: every product version found, its sizes and components, and any problems.</summary>
internal static class TemplatesCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("templates", "List the product templates and versions that can be provisioned")
        {
            TemplatesValidateCommand.Create(globals),
            TemplatesNewCommand.Create(globals),
        };
        command.SetHandler(globals, (_, services, output, _) =>
        {
            var entries = services.Provisioner.ListTemplates();
            if (output.Json)
            {
                output.WriteJson(entries.Select(e => new
                {
                    product = e.Product,
                    version = e.Version.ToNormalizedString(),
                    valid = e.IsValid,
                    file = e.File,
                    sizes = e.Template?.Sizes.Values.Select(SizeText.Json),
                    components = e.Template?.Components.Select(c => new { name = c.Name, image = c.Image, port = c.Port }),
                    errors = e.Errors.Select(x => x.ToString()),
                }));
                return Task.FromResult(0);
            }

            if (entries.Count == 0)
            {
                output.Line($"No templates found in {Cell.Escape(services.Provisioner.Settings.Templates)}.");
                return Task.FromResult(0);
            }

            var table = new Table().AddColumns("TEMPLATE", "SIZES", "COMPONENTS", "STATUS");
            foreach (var e in entries)
            {
                table.AddRow(
                    Cell.Escape($"{e.Product}@{e.Version.ToNormalizedString()}"),
                    Cell.Escape(e.Template is null ? "" : string.Join(", ", e.Template.Sizes.Values.Select(s => $"{s.Name} ({SizeText.Of(s)})"))),
                    Cell.Escape(e.Template is null ? "" : string.Join(", ", e.Template.Components.Select(c => $"{c.Name}={c.Image}"))),
                    e.IsValid ? "[green]valid[/]" : $"[red]{e.Errors.Count} problem(s)[/]");
            }

            output.Human.Write(table);
            foreach (var error in entries.SelectMany(e => e.Errors))
            {
                output.Error($"  {error}");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
