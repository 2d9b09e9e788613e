using Connector.Resilience.Tests.Infrastructure;

// Timing is part of what these tests assert (a slow provider must not slow the others; a timeout must come
// quickly), and the load test takes both cores: classes run one after another, never beside each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: AssemblyFixture(typeof(SharedCluster))]
