namespace Connector.OAuth2.Diagnostics;

/// <summary>
/// The provider calls the engine makes for one connector in one flow. The caller names the connector (its id in the
/// host): the engine puts that name on every span and duration it records as the <c>connector</c> tag, so the caller
/// decides which names exist and the number of series stays bounded. As each call finishes its
/// <see cref="ProviderCallTiming"/> is added, for a caller that keeps them (the host writes them into the sign-in's
/// audit row).
/// </summary>
public sealed class ProviderCalls
{
    private readonly List<ProviderCallTiming> _timings = [];

    public ProviderCalls(string connectorId)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectorId);
        ConnectorId = connectorId;
    }

    public string ConnectorId { get; }

    /// <summary>The calls finished so far, in the order they finished.</summary>
    public IReadOnlyList<ProviderCallTiming> Timings
    {
        get
        {
            lock (_timings)
            {
                return [.. _timings];
            }
        }
    }

    // One flow's calls run one after another; the lock only keeps a reader on another thread safe.
    internal void Add(ProviderCallTiming timing)
    {
        lock (_timings)
        {
            _timings.Add(timing);
        }
    }
}
