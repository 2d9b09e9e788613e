using System.Diagnostics;
using System.Globalization;
using Connector.Bench;

// The project's benchmark (README, Performance). Loopback only, bounded in time and count.
//   Connector.Bench --provider URL [--seconds 5] [--out DIR]
//                   [--logto DIR]   (Logto's OAuth connector beside the engine, through DIR/driver.mjs: bench/logto)
//                   [--host URL --connector ID --database CONNSTRING --host-pid PID]
//                   [--admin-key KEY --seed-users N]   (user search and paging with N users seeded)
//                   [--seed-audit N]   (the scale point: N audit events seeded beside the users, then the sign-ins again)
//                   [--second-host URL]   (the two-instance point: returning sign-ins over both hosts, one database)
//                   [--returning-only [--label TEXT]]   (only returning sign-ins, named "sign-in (returning, TEXT)":
//                                                         scripts/bench.sh --telemetry runs it with telemetry off, then on)
//                   [--first-time-only [--label TEXT]]   (only first-time sign-ins, likewise: for a side-by-side of two builds)
//                   [--levels 32,64]   (the concurrencies to run: 1,8,32,64, or 1,8,32 with either of those two)
var options = BenchOptions.Parse(args);
var runs = new List<Measurement>();
var notes = new List<string>();
int[] levels = options.Levels ?? [1, 8, 32, 64];
var warmUp = TimeSpan.FromSeconds(1);
var duration = TimeSpan.FromSeconds(options.Seconds);
// Whose CPU each operation costs: this process for the exchanges, the host for what it serves.
using var self = Process.GetCurrentProcess();
using var hostProcess = options.HostPid > 0 ? Process.GetProcessById(options.HostPid) : null;

var logto = options.Logto is { } logtoDirectory ? new LogtoScenario(logtoDirectory, options.Provider) : null;
if (!args.Contains("--skip-engine") && options.OnlyKind is null)
{
    using var engine = new EngineScenario(options.Provider);
    // Both sides warm before either is measured, as for the sign-ins (WarmUpAsync): the engine runs first and would
    // otherwise pay for the JIT's first code, HttpClient's included, that the bare loop then finds optimized.
    await LoadRunner.RunAsync("warm-up", 32, TimeSpan.Zero, TimeSpan.FromSeconds(10), _ => engine.EngineOnceAsync());
    await LoadRunner.RunAsync("warm-up", 32, TimeSpan.Zero, TimeSpan.FromSeconds(5), _ => engine.BareOnceAsync());
    foreach (var concurrency in levels)
    {
        runs.Add(await LoadRunner.RunAsync(ExchangeComparison.Engine, concurrency, warmUp, duration, _ => engine.EngineOnceAsync(), self));
        runs.Add(await LoadRunner.RunAsync(ExchangeComparison.Bare, concurrency, warmUp, duration, _ => engine.BareOnceAsync(), self));
        Console.Error.WriteLine($"engine c={concurrency}: {runs[^2].PerSecond}/s, bare {runs[^1].PerSecond}/s");
        if (logto is not null)
        {
            runs.Add(await logto.RunAsync(concurrency, warmUp, duration));
            Console.Error.WriteLine($"Logto connector c={concurrency}: {runs[^1].PerSecond}/s, p50 {runs[^1].P50Ms} ms, p99 {runs[^1].P99Ms} ms");
        }
    }

    var at32 = ExchangeComparison.From(runs).Where(e => e.Concurrency == 32).ToList();
    var engine32 = at32.Single(e => e.Scenario == ExchangeComparison.Engine);
    var bare32 = at32.Single(e => e.Scenario == ExchangeComparison.Bare);
    notes.Add(FormattableString.Invariant($"engine keeps {engine32.PerSecondVsBare:P0} of the bare HttpClient loop at concurrency 32 ({engine32.PerSecond:0} vs {bare32.PerSecond:0}/s)."));
    if (at32.SingleOrDefault(e => e.Scenario == LogtoScenario.Name) is { } logto32)
    {
        notes.Add(FormattableString.Invariant(
            $"engine = {Report.Times(engine32.PerSecondVsLogto)} Logto's connector at concurrency 32 ({engine32.PerSecond:0} vs {logto32.PerSecond:0}/s; p99 {engine32.P99Ms:0.00} vs {logto32.P99Ms:0.00} ms); the bare loop = {Report.Times(bare32.PerSecondVsLogto)} Logto."));
    }
}

if (options.OnlyKind is { } only)
{
    using var signIn = new SignInScenario(options.Host ?? throw new ArgumentException($"--{only.Replace(' ', '-')}-only needs --host"), options.Connector!);
    var runId = Guid.NewGuid().ToString("N")[..8];
    var counter = 0;
    var returning = Enumerable.Range(0, 200).Select(i => $"returning-{i}").ToArray();
    await Parallel.ForEachAsync(returning, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (subject, _) => await signIn.SignInAsync(subject));
    await WarmUpAsync(signIn, returning);
    var name = options.Label is { } label ? $"sign-in ({only}, {label})" : $"sign-in ({only})";
    Func<int, Task<bool>> next = only == BenchOptions.FirstTime
        ? _ => signIn.SignInAsync($"first-{runId}-{Interlocked.Increment(ref counter)}")
        : _ => signIn.SignInAsync(returning[Random.Shared.Next(returning.Length)]);
    foreach (var concurrency in options.Levels ?? [1, 8, 32])
    {
        runs.Add(await LoadRunner.RunAsync(name, concurrency, warmUp, duration, next, hostProcess));
        Console.Error.WriteLine($"{name} c={concurrency}: {runs[^1].PerSecond}/s, p50 {runs[^1].P50Ms} ms, p99 {runs[^1].P99Ms} ms");
    }

    notes.Add(FormattableString.Invariant($"host peak RSS (VmHWM) over the run: {ProcessMemory.PeakMiB(options.HostPid)} MiB."));
}
else if (options.Host is { } host)
{
    using var signIn = new SignInScenario(host, options.Connector!);
    var runId = Guid.NewGuid().ToString("N")[..8];
    var counter = 0;
    string FirstTime(int worker) => $"first-{runId}-{Interlocked.Increment(ref counter)}";
    var returning = Enumerable.Range(0, 200).Select(i => $"returning-{runId}-{i}").ToArray();
    await Parallel.ForEachAsync(returning, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (subject, _) => await signIn.SignInAsync(subject));
    await WarmUpAsync(signIn, returning);

    foreach (var concurrency in levels)
    {
        runs.Add(await LoadRunner.RunAsync("sign-in (first time)", concurrency, warmUp, duration, w => signIn.SignInAsync(FirstTime(w)), hostProcess));
        runs.Add(await LoadRunner.RunAsync("sign-in (returning)", concurrency, warmUp, duration,
            w => signIn.SignInAsync(returning[Random.Shared.Next(returning.Length)]), hostProcess));
        Console.Error.WriteLine($"sign-in c={concurrency}: first {runs[^2].PerSecond}/s, returning {runs[^1].PerSecond}/s");
    }

    if (options.SecondHost is { } secondHost)
    {
        using var both = new SignInScenario([host, secondHost], options.Connector!);
        // The second instance has served nothing yet: warmed as the first was, so both run their optimized code.
        await WarmUpAsync(both, returning);
        foreach (var concurrency in new[] { 32, 64 })
        {
            runs.Add(await LoadRunner.RunAsync("sign-in (returning, two instances)", concurrency, warmUp, duration,
                w => both.SignInAsync(returning[Random.Shared.Next(returning.Length)])));
            Console.Error.WriteLine($"two instances c={concurrency}: returning {runs[^1].PerSecond}/s");
        }
    }

    notes.Add(FormattableString.Invariant($"host peak RSS (VmHWM) over the whole run: {ProcessMemory.PeakMiB(options.HostPid)} MiB."));
    foreach (var (label, subject) in new (string, Func<int, string>)[] { ("first-time", FirstTime), ("returning", i => returning[i % returning.Length]) })
    {
        const int count = 400;
        var before = await DatabaseWrites.ReadAsync(options.Database!);
        var failed = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => { if (!await signIn.SignInAsync(subject(i))) { Interlocked.Increment(ref failed); } });
        var after = await DatabaseWrites.ReadAsync(options.Database!);
        notes.Add(FormattableString.Invariant($"rows written per {label} sign-in: {(after - before) / (double)count:0.00} ({count} sign-ins, {failed} failed)."));
    }
}

if (options.OnlyKind is null && options.Host is { } searchHost && options.AdminKey is { } adminKey && options.SeedUsers > 0)
{
    using var search = new UserSearchScenario(searchHost, adminKey, options.Database!);
    var seeded = await search.SeedAsync(options.SeedUsers);
    notes.Add(FormattableString.Invariant($"user search: {options.SeedUsers:N0} users with an identity each seeded in {seeded.TotalSeconds:0} s."));
    foreach (var (name, query) in UserSearchScenario.Queries(options.SeedUsers))
    {
        runs.Add(await LoadRunner.RunAsync($"users: {name}", 1, warmUp, duration, _ => search.GetAsync(query), hostProcess));
        Console.Error.WriteLine($"users {name}: p50 {runs[^1].P50Ms} ms, p99 {runs[^1].P99Ms} ms");
    }

    if (options.SeedAudit > 0)
    {
        // The scale point: the same sign-ins with a million users and millions of audit events, beside the empty run.
        var audit = await AuditSeed.SeedAsync(options.Database!, options.SeedAudit);
        notes.Add(FormattableString.Invariant($"scale point: {options.SeedAudit:N0} audit events seeded in {audit.TotalSeconds:0} s beside the {options.SeedUsers:N0} users."));
        foreach (var (name, query) in AuditSeed.Queries)
        {
            runs.Add(await LoadRunner.RunAsync(name, 1, warmUp, duration, _ => search.GetAsync("/api/audit", query), hostProcess));
            Console.Error.WriteLine($"{name}: p50 {runs[^1].P50Ms} ms, p99 {runs[^1].P99Ms} ms");
        }

        using var signIn = new SignInScenario(searchHost, options.Connector!);
        var counter = 0;
        var returning = Enumerable.Range(0, 200).Select(i => $"scale-returning-{i}").ToArray();
        await Parallel.ForEachAsync(returning, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (subject, _) => await signIn.SignInAsync(subject));
        foreach (var concurrency in new[] { 32, 64 })
        {
            runs.Add(await LoadRunner.RunAsync("sign-in (first time, at scale)", concurrency, warmUp, duration,
                _ => signIn.SignInAsync($"scale-first-{Interlocked.Increment(ref counter)}"), hostProcess));
            runs.Add(await LoadRunner.RunAsync("sign-in (returning, at scale)", concurrency, warmUp, duration,
                _ => signIn.SignInAsync(returning[Random.Shared.Next(returning.Length)]), hostProcess));
            Console.Error.WriteLine($"at scale c={concurrency}: first {runs[^2].PerSecond}/s, returning {runs[^1].PerSecond}/s");
        }

        foreach (var kind in new[] { "first time", "returning" })
        {
            var empty = runs.Where(r => r.Scenario == $"sign-in ({kind})").Max(r => r.PerSecond);
            var full = runs.Where(r => r.Scenario == $"sign-in ({kind}, at scale)").Max(r => r.PerSecond);
            notes.Add(FormattableString.Invariant($"{kind} sign-ins at their best concurrency: {full:0}/s at scale vs {empty:0}/s on the empty database ({full / empty:P0})."));
        }
    }
}

// A host that has just started runs its sign-in path as the JIT's first, unoptimized code and reaches its optimized
// code only after tens of seconds of load (tiered compilation; on 2 busy cores the background compiler gets little
// time). A deployed host is warm, so the sign-in points are measured after 20 s of returning sign-ins, not counted.
static async Task WarmUpAsync(SignInScenario signIn, string[] returning)
{
    var warmUp = await LoadRunner.RunAsync("warm-up", 32, TimeSpan.Zero, TimeSpan.FromSeconds(20), _ => signIn.SignInAsync(returning[Random.Shared.Next(returning.Length)]));
    Console.Error.WriteLine($"warm-up: {warmUp.PerSecond}/s, not counted");
}

var markdown = Report.Write(options.Out, new BenchResults(MachineInfo.Read(logto?.Versions?.Node), DateTime.UtcNow, options.Seconds,
    logto?.Versions, ExchangeComparison.From(runs), runs, notes));
Console.WriteLine(markdown);

internal sealed record BenchOptions(
    string Provider, int Seconds, string Out, string? Host, string? Connector, string? Database, int HostPid, string? AdminKey, int SeedUsers,
    string? OnlyKind, string? Label, string? Logto, int SeedAudit, string? SecondHost, int[]? Levels)
{
    /// <summary>The sign-in kinds, as the report names them.</summary>
    public const string FirstTime = "first time", Returning = "returning";

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new BenchOptions(
            Value("--provider") ?? throw new ArgumentException("--provider URL is required"),
            int.Parse(Value("--seconds") ?? "5", CultureInfo.InvariantCulture),
            Value("--out") ?? "bench/results",
            Value("--host"),
            Value("--connector"),
            Value("--database"),
            int.Parse(Value("--host-pid") ?? "0", CultureInfo.InvariantCulture),
            Value("--admin-key"),
            int.Parse(Value("--seed-users") ?? "0", CultureInfo.InvariantCulture),
            args.Contains("--returning-only") ? Returning : args.Contains("--first-time-only") ? FirstTime : null,
            Value("--label"),
            Value("--logto"),
            int.Parse(Value("--seed-audit") ?? "0", CultureInfo.InvariantCulture),
            Value("--second-host"),
            Value("--levels")?.Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray());
    }
}
