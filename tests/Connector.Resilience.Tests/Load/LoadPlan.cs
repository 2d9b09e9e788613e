namespace Connector.Resilience.Tests.Load;

/// <summary>
/// A reproducible schedule (seeded <see cref="Random"/>): every subject signs in at least once, the rest of the
/// sign-ins go to random subjects, in batches whose size (the concurrency) is drawn from 1..<c>maxConcurrency</c>.
/// A batch never holds two sign-ins of one subject, so one subject's sign-ins complete in plan order and the
/// latest profile is well defined: the last successful one in the plan.
/// </summary>
public sealed class LoadPlan
{
    private LoadPlan(IReadOnlyList<IReadOnlyList<PlannedSignIn>> batches) => Batches = batches;

    public IReadOnlyList<IReadOnlyList<PlannedSignIn>> Batches { get; }

    public IEnumerable<PlannedSignIn> All => Batches.SelectMany(batch => batch);

    public static LoadPlan Create(int seed, int subjects, int signIns, int maxConcurrency, double failureRate, int instances)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, subjects).Concat(Enumerable.Range(0, signIns - subjects).Select(_ => random.Next(subjects))).ToArray();
        random.Shuffle(order);

        var versions = new int[subjects];
        var planned = order.Select(subject =>
        {
            var version = ++versions[subject];
            // Never a subject's first sign-in, so each subject ends with a user.
            var fail = version > 1 && random.NextDouble() < failureRate;
            return new PlannedSignIn($"subject-{subject:D5}", version, fail, random.Next(instances), random.Next(instances));
        });

        var batches = new List<IReadOnlyList<PlannedSignIn>>();
        var batch = new List<PlannedSignIn>();
        var size = random.Next(1, maxConcurrency + 1);
        foreach (var signIn in planned)
        {
            if (batch.Count == size || batch.Any(other => other.Subject == signIn.Subject))
            {
                batches.Add(batch);
                batch = [];
                size = random.Next(1, maxConcurrency + 1);
            }

            batch.Add(signIn);
        }

        batches.Add(batch);
        return new LoadPlan(batches);
    }

    /// <summary>Per subject, the version of its last successful sign-in in the plan.</summary>
    public Dictionary<string, int> LatestSuccessful() =>
        All.Where(signIn => !signIn.InjectedFailure).GroupBy(signIn => signIn.Subject).ToDictionary(group => group.Key, group => group.Max(signIn => signIn.Version));
}
