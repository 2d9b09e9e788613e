using System.Diagnostics;
using Connector.Testing.Network;
using Npgsql;

namespace Connector.Resilience.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster owned by these tests (never the one scripts/test.sh shares with the other
/// projects), so a test may stop and start it. Made like scripts/postgres.sh does: Debian's initdb and pg_ctl
/// run as the postgres user (initdb refuses root), loopback only, the socket in the cluster's own folder,
/// durability off for speed.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly string[] ServerOptions =
        ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=400"];

    private readonly string _bin;
    private readonly string _dir;

    private PostgresCluster(string bin, string dir, int port)
    {
        _bin = bin;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string ServerConnectionString => ConnectionStringFor("postgres");

    public static async Task<PostgresCluster> StartNewAsync()
    {
        var bin = BinDirectory();
        var dir = Directory.CreateTempSubdirectory("connectors-resilience-pg.").FullName;
        var cluster = new PostgresCluster(bin, dir, LoopbackPort.Free());
        try
        {
            await RunAsync("chown", "postgres:postgres", dir);
            await RunAsync("chmod", "700", dir);
            await cluster.AsPostgresAsync("initdb", "-D", cluster.DataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private string DataDir => Path.Combine(_dir, "data");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    public async Task StartAsync()
    {
        var options = $"-c listen_addresses=127.0.0.1 -c port={Port} -c unix_socket_directories={_dir} "
            + string.Join(' ', ServerOptions.Select(option => "-c " + option));
        await AsPostgresAsync("pg_ctl", "-D", DataDir, "-l", Path.Combine(_dir, "postgres.log"), "-o", options, "-w", "-t", "30", "start");
    }

    /// <summary>A fast shutdown: open sessions are ended, as when a database server is restarted under load.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "-t", "30", "stop");

    /// <summary>A database of its own on this cluster, pooled as in production: the host's pool is under test here.</summary>
    public Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(ServerConnectionString, pooling: true);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            try
            {
                await AsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "immediate", "-w", "-t", "30", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the folder goes either way.
            }
        }

        Directory.Delete(_dir, recursive: true);
    }

    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>The newest Debian PostgreSQL (scripts/test.sh installs it when missing).</summary>
    private static string BinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .FirstOrDefault() ?? throw NotInstalled()
            : throw NotInstalled();

    private static InvalidOperationException NotInstalled() =>
        new("PostgreSQL's server binaries are not installed under /usr/lib/postgresql/*/bin: run the tests through scripts/test.sh, which installs them.");
}
