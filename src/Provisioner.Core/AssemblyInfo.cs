[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Provisioner.Core.Tests")]
