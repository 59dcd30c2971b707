[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Provisioner.Cli.Tests")]
