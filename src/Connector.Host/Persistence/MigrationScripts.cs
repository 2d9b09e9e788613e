using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Connector.Host.Persistence;

/// <summary>
/// The <c>db/migrations/*.sql</c> files, embedded in this assembly at build time so a published or
/// containerized host carries exactly the schema it was built with.
/// </summary>
internal sealed class MigrationScripts
{
    private const string Prefix = "migrations/";

    public MigrationScripts()
        : this(typeof(MigrationScripts).Assembly)
    {
    }

    public MigrationScripts(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(Prefix, StringComparison.Ordinal) && resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                scripts.Add(Read(assembly, resource));
            }
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {scripts[i].Version}: {scripts[i - 1].Name}, {scripts[i].Name}.");
            }
        }

        All = scripts;
    }

    public IReadOnlyList<MigrationScript> All { get; }

    private static MigrationScript Read(Assembly assembly, string resource)
    {
        var name = resource[Prefix.Length..];
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration file '{name}' must be named NNNN_description.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded migration '{resource}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // Line endings are normalized so a checkout with CRLF does not look like an edited migration.
        var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new MigrationScript(version, name, sql, checksum);
    }
}
