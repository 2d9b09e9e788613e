namespace Connector.Host.Tests.Infrastructure;

public static class Messages
{
    /// <summary>
    /// A failed start as thrown and as the host logged it ("Hosting failed to start"). When a start fails,
    /// WebApplicationFactory sometimes throws an ObjectDisposedException of its own instead of the host's exception.
    /// </summary>
    public static string OfFailedStart(HostFactory host, Exception? error)
    {
        Assert.NotNull(error);
        return Of(error) + "\n" + host.Logs.AllText;
    }

    /// <summary>The messages of an exception and of every exception inside it, one per line.</summary>
    public static string Of(Exception? error)
    {
        var messages = new List<string>();
        var pending = new Stack<Exception>();
        if (error is not null)
        {
            pending.Push(error);
        }

        while (pending.TryPop(out var current))
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is not null)
            {
                pending.Push(current.InnerException);
            }
        }

        return string.Join('\n', messages);
    }
}
