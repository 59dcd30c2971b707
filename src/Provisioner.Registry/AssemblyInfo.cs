[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Provisioner.Registry.Tests")]
