using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Connector.Bench;

/// <summary>
/// Logto's published OAuth connector doing the engine scenario's exchange, measured by <c>bench/logto/driver.mjs</c> in
/// its own node process (one per concurrency, as one Logto instance would serve it) and read back as a
/// <see cref="Measurement"/>.
/// </summary>
internal sealed class LogtoScenario(string driverDirectory, string providerUrl)
{
    public const string Name = "Logto connector";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The node and package versions of the last run.</summary>
    public LogtoVersions? Versions { get; private set; }

    public async Task<Measurement> RunAsync(int concurrency, TimeSpan warmUp, TimeSpan duration)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, WorkingDirectory = driverDirectory };
        foreach (var argument in new[]
        {
            "driver.mjs", "--provider", providerUrl, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture),
            "--warm-up", warmUp.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        // Bounded like the rest: the driver stops by itself; a stuck one is killed well past its own time.
        using var timeout = new CancellationTokenSource(warmUp + duration + TimeSpan.FromSeconds(60));
        var output = await node.StandardOutput.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"bench/logto/driver.mjs exited with {node.ExitCode}");
        }

        Versions = JsonSerializer.Deserialize<LogtoVersions>(output, Json);
        return JsonSerializer.Deserialize<Measurement>(output, Json) ?? throw new InvalidOperationException("bench/logto/driver.mjs printed no result");
    }
}

internal sealed record LogtoVersions(string Node, string ConnectorOauth, string ConnectorKit);
