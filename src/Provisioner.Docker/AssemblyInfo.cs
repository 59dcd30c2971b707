[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Provisioner.Docker.Tests")]
